package vn.hoso.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Infrastructure;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's schema is created by Flyway with Camunda's scripts ({@link V55__Camunda_engine_schema}), never by the
 * engine ({@code schema-update: false}), on a fresh database as on one whose engine tables already exist.
 */
@IntegrationTest
class EngineSchemaTest {

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Infrastructure infrastructure;

    @Test
    void theEngineNeverChangesItsSchemaAndFlywayCreatedIt() {
        assertThat(environment.getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
        assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '55'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
    }

    @Test
    void onAFreshDatabaseTheMigrationCreatesEveryTableTheEngineChecks() throws SQLException {
        String url = newDatabase();
        MigrateResult result = migrate(url);
        assertThat(result.migrationsExecuted).isEqualTo(1);
        ProcessEngine engine = engine(url, "false");
        try {
            Map<String, Long> tables = engine.getManagementService().getTableCount();
            assertThat(tables).containsKeys("ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_RU_CASE_EXECUTION",
                    "ACT_HI_CASEINST", "ACT_RE_DECISION_DEF", "ACT_HI_DECINST");
        } finally {
            engine.close();
        }
    }

    @Test
    void engineTablesCreatedBeforeTheMigrationAreLeftAsTheyAre() throws SQLException {
        // what the app did before the migration existed: Flyway migrated its own tables, then the engine created its
        String url = newDatabase();
        flyway(url, new V50__The_apps_own_tables()).migrate();
        engine(url, "true").close();
        MigrateResult result = flyway(url, new V50__The_apps_own_tables(), new V55__Camunda_engine_schema()).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        try (Connection c = connect(url); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from act_ge_schema_log")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        engine(url, "false").close();
    }

    private String newDatabase() throws SQLException {
        return newDatabase(jdbc, infrastructure, "schema_");
    }

    /** A new empty database on the tests' PostgreSQL; returns its JDBC URL. */
    static String newDatabase(JdbcTemplate jdbc, Infrastructure infrastructure, String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = jdbc.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return infrastructure.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    /** Stands for the app's migrations before V55 (nothing of the engine's). */
    static class V50__The_apps_own_tables extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws SQLException {
            try (Statement s = context.getConnection().createStatement()) {
                s.execute("create table apps_own (id int)");
            }
        }
    }

    private MigrateResult migrate(String url) {
        return flyway(url, new V55__Camunda_engine_schema()).migrate();
    }

    private Flyway flyway(String url, JavaMigration... migrations) {
        return Flyway.configure().dataSource(url, infrastructure.username(), infrastructure.password())
                .locations("classpath:vn/hoso/platform/no-sql-migrations").javaMigrations(migrations).load();
    }

    private ProcessEngine engine(String url, String schemaUpdate) {
        return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("schema-" + UUID.randomUUID())
                .setJdbcDriver("org.postgresql.Driver").setJdbcUrl(url)
                .setJdbcUsername(infrastructure.username()).setJdbcPassword(infrastructure.password())
                .setDatabaseSchemaUpdate(schemaUpdate).setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false).buildProcessEngine();
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, infrastructure.username(), infrastructure.password());
    }
}
