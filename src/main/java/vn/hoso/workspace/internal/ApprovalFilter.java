package vn.hoso.workspace.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoso.cases.CaseModel;
import vn.hoso.identity.Groups;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.StartupLock;

/**
 * Leaders see their approvals first: a Tasklist filter "Chờ tôi phê duyệt" (the approval steps they may see, the
 * nearest appointment date first) placed before the shared ones, readable by the leaders' groups only (officers do
 * not get an empty filter). Kept when the app starts serving users; groups of units added since get it then.
 */
@Component
class ApprovalFilter {

    static final String NAME = "Chờ tôi phê duyệt";
    static final int PRIORITY = -20;

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final EngineAsSystem engine;
    private final StartupLock startup;

    ApprovalFilter(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                   IdentityService identity, EngineAsSystem engine, StartupLock startup) {
        this.startup = startup;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identity = identity;
        this.engine = engine;
    }

    @EventListener
    public void install(AvailabilityChangeEvent<ReadinessState> readiness) {
        if (readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            install();
        }
    }

    void install() {
        // nodes starting together take turns: each would grant the same group on the same filter
        startup.exclusively(() -> engine.run(() -> {
            Filter filter = filters.createFilterQuery().filterName(NAME).singleResult();
            if (filter == null) {
                filter = filters.newTaskFilter(NAME);
            }
            filter.setQuery(tasks.createTaskQuery().taskDefinitionKey(CaseModel.APPROVE).orderByDueDate().asc());
            filter.setProperties(Map.of("priority", PRIORITY, "description",
                    "Hồ sơ chờ lãnh đạo phê duyệt, ký số; hạn gần nhất trước", "refresh", true, "color", "#c62828",
                    "variables", List.of(Map.of("name", "caseCode", "label", "Mã hồ sơ"),
                            Map.of("name", "procedureName", "label", "Thủ tục"),
                            Map.of("name", "applicantName", "label", "Người nộp"))));
            filters.saveFilter(filter);
            String id = filter.getId();
            Set<String> readers = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(id).list().stream().map(Authorization::getGroupId).filter(g -> g != null)
                    .collect(Collectors.toSet());
            for (Group group : identity.createGroupQuery().list()) {
                if (Groups.unitOf(group.getId()) == null || !group.getId().equals(Groups.leaders(
                        Groups.unitOf(group.getId()))) || readers.contains(group.getId())) {
                    continue;
                }
                Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(group.getId());
                read.setResource(Resources.FILTER);
                read.setResourceId(id);
                read.addPermission(Permissions.READ);
                authorizations.saveAuthorization(read);
            }
        }));
    }
}
