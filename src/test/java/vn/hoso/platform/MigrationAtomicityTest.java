package vn.hoso.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Infrastructure;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration and its schema history row commit together: the app's Flyway migrates on one connection (a
 * session-level advisory lock). With Flyway's default transactional lock the history is written on a second
 * connection after the migration committed, and a node killed in between (FirstStartIT, 2026-12-03) left a migration
 * applied but not recorded, on which every later start failed.
 */
@IntegrationTest
class MigrationAtomicityTest {

    /** The backends connected to the migrated database while a migration ran, as the migration saw them. */
    static final List<Integer> BACKENDS_SEEN = new ArrayList<>();

    @Autowired
    Flyway appFlyway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Infrastructure infrastructure;

    @Test
    void theAppsFlywayUsesASessionLockOnItsOneConnection() {
        assertThat(appFlyway.getConfiguration().getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class).isTransactionalLock()).isFalse();
    }

    @Test
    void withTheAppsSettingsAMigrationRunsOnTheConnectionThatRecordsIt() throws SQLException {
        BACKENDS_SEEN.clear();
        String url = EngineSchemaTest.newDatabase(jdbc, infrastructure, "atomic_");
        Flyway flyway = Flyway.configure().configuration(appFlyway.getConfiguration())
                .dataSource(url, infrastructure.username(), infrastructure.password())
                .locations("classpath:vn/hoso/platform/no-sql-migrations")
                .javaMigrations(new V1__Counts_the_connections()).load();

        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(BACKENDS_SEEN).as("backends on the new database while the migration ran").containsExactly(1);
    }

    static class V1__Counts_the_connections extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws SQLException {
            try (Statement s = context.getConnection().createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity "
                         + "where datname = current_database() and backend_type = 'client backend'")) {
                rs.next();
                BACKENDS_SEEN.add(rs.getInt(1));
            }
        }
    }
}
