package vn.hoso.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.hoso.platform.StartupLock;
import vn.hoso.units.UnitRegistry;

/**
 * Puts the identity model in place at start-up, idempotently and in one transaction: the administrator (so the
 * admin group is never empty; with the configured password, unlocked, so the administrator can always log in after
 * a restart), the auditors group, and the officers/leaders groups of every unit in the registry
 * with what they need in Tasklist. With {@code hoso.demo-accounts} (dev profile only) it also creates the demo
 * users of the contract, password {@code demo}, and unlocks them.
 */
@Component
class IdentityBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    static final String DEMO_PASSWORD = "demo";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final UnitRegistry units;
    private final AdminAccount admin;
    private final boolean demoAccounts;
    private final StartupLock startup;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, UnitRegistry units,
                      AdminAccount admin, IdentityProperties properties, StartupLock startup) {
        this.startup = startup;
        this.identity = identity;
        this.authorizations = authorizations;
        this.units = units;
        this.admin = admin;
        this.demoAccounts = properties.demoAccounts();
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        // two nodes starting on an empty database: the second waits, then finds everything in place (FirstStartIT)
        startup.exclusively(() -> {
            Set<String> groups = new HashSet<>(identity.createGroupQuery().list().stream().map(Group::getId).toList());
            Set<String> users = new HashSet<>(identity.createUserQuery().list().stream().map(User::getId).toList());

            ensureGroup(groups, Groups.ADMINS, "Quản trị hệ thống", "SYSTEM");
            for (Resources resource : Resources.values()) {
                grantOnce(Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
            }
            if (!ensureUser(users, admin.user(), admin.password(), "Quản trị", "hệ thống")) {
                ensurePassword(admin.user(), admin.password());
            }
            identity.unlockUser(admin.user());
            ensureMember(admin.user(), Groups.ADMINS);

            if (ensureGroup(groups, Groups.AUDITORS, "Kiểm toán, thanh tra", "WORKFLOW")) {
                grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grant(Groups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, Authorization.ANY,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
                grant(Groups.AUDITORS, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
                grant(Groups.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
                        HistoricProcessInstancePermissions.READ);
                grant(Groups.AUDITORS, Resources.HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
            }

            List<String> codes = units.allCodes();
            for (String code : codes) {
                for (String group : List.of(Groups.officers(code), Groups.leaders(code))) {
                    String label = (group.startsWith("officers.") ? "Cán bộ đơn vị " : "Lãnh đạo đơn vị ") + code;
                    if (ensureGroup(groups, group, label, "WORKFLOW")) {
                        // nothing province-wide: their tasks come with their own grants (candidate group links)
                        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                    }
                }
            }

            withdrawEarlierUnitGrants();

            if (demoAccounts) {
                Set<String> demoUsers = new HashSet<>();
                demoUsers.add("auditor");
                if (ensureUser(users, "auditor", DEMO_PASSWORD, "Kiểm toán", "viên")) {
                    identity.createMembership("auditor", Groups.AUDITORS);
                }
                for (String code : codes) {
                    demoUsers.add("officer." + code);
                    demoUsers.add("leader." + code);
                    if (ensureUser(users, "officer." + code, DEMO_PASSWORD, "Cán bộ", code)) {
                        identity.createMembership("officer." + code, Groups.officers(code));
                    }
                    if (ensureUser(users, "leader." + code, DEMO_PASSWORD, "Lãnh đạo", code)) {
                        identity.createMembership("leader." + code, Groups.leaders(code));
                    }
                }
                unlockLocked(demoUsers);
            }
        });
        log.info("Identity in place ({} ms, demo accounts {})", (System.nanoTime() - start) / 1_000_000,
                demoAccounts ? "on" : "off");
    }

    /**
     * Grants of earlier versions that unit groups no longer hold: reading every process definition (which let an
     * officer read the province's running-instance counts) and UPDATE on their tasks (which let a candidate rewrite
     * a task's variables and identity links); their open tasks get what new tasks get (READ, TASK_WORK,
     * READ_VARIABLE).
     */
    private void withdrawEarlierUnitGrants() {
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .list()) {
            if (a.getGroupId() != null && Groups.unitOf(a.getGroupId()) != null) {
                authorizations.deleteAuthorization(a.getId());
            }
        }
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            boolean unitGroup = a.getGroupId() != null && Groups.unitOf(a.getGroupId()) != null;
            if (unitGroup || a.getUserId() != null && !Authorization.ANY.equals(a.getUserId())) {
                a.removePermission(Permissions.UPDATE);
                a.addPermission(TaskPermissions.TASK_WORK);
                a.addPermission(TaskPermissions.READ_VARIABLE);
                authorizations.saveAuthorization(a);
            }
        }
    }

    private boolean ensureGroup(Set<String> existing, String id, String name, String type) {
        if (!existing.add(id)) {
            return false;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
        return true;
    }

    private boolean ensureUser(Set<String> existing, String id, String password, String firstName,
                               String lastName) {
        if (!existing.add(id)) {
            return false;
        }
        User user = identity.newUser(id);
        user.setPassword(password);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        identity.saveUser(user);
        return true;
    }

    /**
     * The configured password wins: changing {@code HOSO_ADMIN_PASSWORD} and restarting changes it. (A wrong
     * guess here only counts a failed attempt on the user, which the unlock right after clears.)
     */
    private void ensurePassword(String userId, String password) {
        identity.unlockUser(userId);
        if (!identity.checkPassword(userId, password)) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Password of {} set from the configuration", userId);
        }
    }

    /** Clears Camunda's lock (failed attempts, lock expiry) of those of {@code userIds} that carry one. */
    private void unlockLocked(Set<String> userIds) {
        identity.createUserQuery().list().stream()
                .filter(user -> userIds.contains(user.getId()))
                .filter(user -> user instanceof UserEntity entity
                        && (entity.getAttempts() > 0 || entity.getLockExpirationTime() != null))
                .forEach(user -> identity.unlockUser(user.getId()));
    }

    private void ensureMember(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void grantOnce(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            grant(groupId, resource, resourceId, permissions);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
