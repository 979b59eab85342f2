package vn.hoso.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start on an empty database, where nothing exists yet: killed half-way through its migrations, the app
 * starts cleanly the next time; two nodes started at the same moment both come up with one schema, one set of
 * reference data, one administrator, one deployment of each model. Then a case goes through.
 *
 * <p>{@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FirstStartIT}
 */
class FirstStartIT {

    private static final Logger log = LoggerFactory.getLogger(FirstStartIT.class);
    private static final String MIGRATING = "Migrating schema";

    private FaultRig rig;

    @AfterEach
    void cleanUp() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void killedDuringItsFirstMigrationsTheAppStartsCleanlyNextTime() throws Exception {
        rig = new FaultRig("first-kill");
        AppProcess app = rig.node("app", Map.of());
        int migrations = migrationCount();
        int killAt = 1 + new Random(rig.seed).nextInt(Math.max(1, migrations - 1));
        app.start();
        Awaitility.await("migration " + killAt + " begun").atMost(FaultRig.START_TIMEOUT)
                .pollInterval(Duration.ofMillis(20)).until(() -> app.logLines(MIGRATING) >= killAt);
        app.kill();
        long applied = rig.db.count("select count(*) from information_schema.tables where table_name = "
                + "'flyway_schema_history'") == 0 ? 0
                : rig.db.count("select count(*) from flyway_schema_history where success");
        log.info("killed while migration {} of {} ran; {} recorded as applied", killAt, migrations, applied);
        assertThat(applied).as("killed before the migrations were done").isLessThan(migrations);

        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        assertOneCompleteSystem();
        assertACaseGoesThrough();
    }

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneOfEverything() throws Exception {
        rig = new FaultRig("first-two");
        AppProcess a = rig.node("a", Map.of("camunda.bpm.generic-properties.properties.hostname", "node-a"));
        AppProcess b = rig.node("b", Map.of("camunda.bpm.generic-properties.properties.hostname", "node-b"));
        a.start();
        b.start();
        a.awaitReady(FaultRig.START_TIMEOUT);
        b.awaitReady(FaultRig.START_TIMEOUT);
        assertOneCompleteSystem();
        assertACaseGoesThrough();
    }

    /** The number of migrations this build ships (what a complete schema history holds). */
    private static int migrationCount() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"));
             Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            long sql = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            return (int) (sql + sources.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.java")).count());
        }
    }

    private void assertOneCompleteSystem() throws Exception {
        Db db = rig.db;
        assertThat(db.count("select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(db.count("select count(*) from flyway_schema_history where version is not null"))
                .isEqualTo(migrationCount());
        assertThat(db.count("select count(*) from act_id_user where id_ = ?", Users.ADMIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from act_id_membership where user_id_ = ?", Users.ADMIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from (select group_id_, resource_type_, resource_id_ from act_ru_authorization "
                + "where group_id_ is not null group by 1, 2, 3 having count(*) > 1) d"))
                .as("no grant twice").isZero();
        assertThat(db.count("select count(*) from (select key_ from act_re_procdef group by key_ "
                + "having count(*) > 1) d")).as("each model deployed once").isZero();
        assertThat(db.count("select count(*) from act_re_procdef")).isGreaterThanOrEqualTo(2);
        assertThat(db.count("select count(*) from act_ru_job where handler_type_ = 'history-cleanup'"))
                .as("one history cleanup job").isEqualTo(1);
        // reference data: the unit registry loaded once, whole (V2; keyed by code and validity)
        assertThat(db.count("select count(*) from unit")).isGreaterThan(100);
        assertThat(db.count("select count(*) from online_target")).isPositive();
    }

    private void assertACaseGoesThrough() {
        rig.route();
        Users.create(rig.client, List.of("10507"));
        Client.Result created = rig.client.post("/api/cases", "officer.10507", """
                {"kind":"PROCEDURE","procedureCode":"BIRTH_REG","receivingUnit":"10507","channel":"ONLINE",\
                "subject":"Khai sinh","applicant":{"name":"Nguyễn Văn An","idNumber":"030095001234"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
