package vn.hoso.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's authorization manager asks about the user's own groups ({@link AuthorizedGroupsOfTheUser}) and gives
 * the answer Camunda's own manager gives, for groups with grants, without any, unknown and the product's own.
 */
@IntegrationTest
class AuthorizedGroupsOfTheUserTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void theUsersGroupsWithAnAuthorizationAreTheOnesCamundasOwnManagerFinds() {
        String granted = "probe-granted-" + System.nanoTime();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(granted);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("probe-process");
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        try {
            List<List<String>> cases = List.of(
                    List.of(granted),
                    List.of(granted, "probe-without-grants", "no-such-group"),
                    List.of("probe-without-grants"),
                    List.of(Groups.officers("10507"), Groups.leaders("10507"), granted),
                    new ArrayList<>(),
                    Arrays.asList((String) null));
            for (List<String> groupIds : cases) {
                List<String> ours = engine.getCommandExecutorTxRequired().execute(context -> {
                    AuthorizationManager manager = context.getAuthorizationManager();
                    assertThat(manager).isInstanceOf(AuthorizedGroupsOfTheUser.Manager.class);
                    return manager.filterAuthenticatedGroupIds(groupIds);
                });
                List<String> camundas = engine.getCommandExecutorTxRequired()
                        .execute(context -> new AuthorizationManager().filterAuthenticatedGroupIds(groupIds));
                assertThat(ours).as("%s", groupIds).containsExactlyInAnyOrderElementsOf(camundas);
            }
            List<String> found = engine.getCommandExecutorTxRequired().execute(context -> context
                    .getAuthorizationManager().filterAuthenticatedGroupIds(List.of(granted, "probe-without-grants")));
            assertThat(found).containsExactly(granted);
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
    }
}
