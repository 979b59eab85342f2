package vn.hoso.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.hoso.platform.EngineAsSystem;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * For controller slice tests ({@code @WebMvcTest}): the application's real security ({@link SecurityConfiguration}:
 * HTTP Basic with problem+json answers, the filter chains, the failed-login limit) in front of the controller,
 * against a stand-in of the Camunda identity store with the demo accounts' password {@code demo}. No engine.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties({LoginLimitProperties.class, CredentialCacheProperties.class})
public class ApiSecurityForSlices {

    public static final String PASSWORD = "demo";

    /** The users of the stand-in identity store and their groups. */
    public static final Map<String, List<String>> USERS = Map.of(
            "officer.10507", List.of(Groups.officers("10507")),
            "leader.10507", List.of(Groups.leaders("10507")),
            "auditor", List.of(Groups.AUDITORS),
            "admin", List.of(Groups.ADMINS));

    @Bean
    IdentityService identityService() {
        IdentityService identity = mock(IdentityService.class);
        when(identity.checkPassword(anyString(), anyString())).thenAnswer(call ->
                USERS.containsKey(call.<String>getArgument(0)) && PASSWORD.equals(call.getArgument(1)));
        when(identity.createGroupQuery()).thenAnswer(call -> groupsOf());
        return identity;
    }

    private static GroupQuery groupsOf() {
        GroupQuery query = mock(GroupQuery.class);
        AtomicReference<String> member = new AtomicReference<>();
        when(query.groupMember(anyString())).thenAnswer(call -> {
            member.set(call.getArgument(0));
            return query;
        });
        when(query.list()).thenAnswer(call -> USERS.getOrDefault(member.get(), List.of()).stream()
                .map(id -> (Group) new GroupEntity(id)).toList());
        return query;
    }

    /** Only the engine API's filters use these, and a controller slice has no engine API. */
    @Bean
    TaskService taskService() {
        return mock(TaskService.class);
    }

    @Bean
    EngineAsSystem engineAsSystem() {
        return mock(EngineAsSystem.class);
    }
}
