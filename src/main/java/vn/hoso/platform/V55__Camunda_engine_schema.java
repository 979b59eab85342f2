package vn.hoso.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the process engine's tables with Camunda's own PostgreSQL scripts from the engine jar, in the order the
 * engine itself would run them, in one transaction. The engine never changes its schema
 * ({@code camunda.bpm.database.schema-update: false}): Flyway creates it here, and an engine upgrade adds Camunda's
 * upgrade scripts ({@code org/camunda/bpm/engine/db/upgrade/postgres_engine_*.sql}) as later migrations (README,
 * "Database schema").
 *
 * <p>A database whose engine tables already exist (created by the engine before this migration existed, when it still
 * had {@code schema-update: true}) is left as it is: the migration is recorded and does nothing.
 */
@Component
class V55__Camunda_engine_schema extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V55__Camunda_engine_schema.class);

    /** The engine's schema components in the order of {@code AbstractPersistenceSession.dbSchemaCreate()}. */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    static String script(String component) {
        return "org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (engineTablesExist(connection)) {
            log.info("The process engine's tables exist already: left as they are");
            return;
        }
        runScripts(connection, COMPONENTS.stream().map(V55__Camunda_engine_schema::script).toList());
    }

    /**
     * Runs SQL scripts of the classpath (Camunda's, from the engine jar), each as one multi-statement batch, in the
     * migration's transaction. A later migration that upgrades the engine runs Camunda's upgrade scripts with it.
     */
    static void runScripts(Connection connection, List<String> resources) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String resource : resources) {
                statement.execute(read(resource));
            }
        }
    }

    static boolean engineTablesExist(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select to_regclass('act_ge_property') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V55__Camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The engine jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
