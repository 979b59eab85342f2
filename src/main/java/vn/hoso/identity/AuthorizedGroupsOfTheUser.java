package vn.hoso.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks use only those of the user's groups that hold an authorization. Camunda finds
 * them by reading every group id in {@code ACT_RU_AUTHORIZATION} ({@code select distinct GROUP_ID_}) once per
 * command: with a group per unit and role that is hundreds of rows read and mapped in every step (1.2 ms of the
 * database's time a step in benchmark 1, docs/performance.md). This asks about the user's own groups only, through
 * the index on {@code GROUP_ID_}: the same answer, still read once per command, nothing kept between commands.
 */
@Component
class AuthorizedGroupsOfTheUser extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager(table);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager of one command, asking about the user's groups only. */
    static final class Manager extends AuthorizationManager {

        private final String table;
        private final Map<List<String>, List<String>> answers = new HashMap<>();

        Manager(String table) {
            this.table = table;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return answers.computeIfAbsent(new ArrayList<>(authenticatedGroupIds), this::withAuthorizations);
        }

        private List<String> withAuthorizations(List<String> groupIds) {
            Connection connection = getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement ps = connection.prepareStatement(
                    "select distinct GROUP_ID_ from " + table + " where GROUP_ID_ = any(?)")) {
                ps.setArray(1, connection.createArrayOf("varchar", groupIds.toArray()));
                List<String> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new ProcessEngineException("the authorized groups of the user could not be read", e);
            }
        }
    }
}
