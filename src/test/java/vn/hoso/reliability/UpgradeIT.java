package vn.hoso.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product upgrade over a database filled by the previous release: the earlier jar (built from the repository's
 * history) receives and works cases, some stay open; it stops; this build starts on the same database (Flyway applies
 * the new migrations) and keeps every case: the same cases and events, every chain valid, the open cases finish, and
 * nothing is lost ({@link LossCheck}).
 *
 * <p>{@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=UpgradeIT}
 */
class UpgradeIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(UpgradeIT.class);

    @Test
    void theNewReleaseStartsOnThePreviousReleasesDatabaseAndKeepsEveryCase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PreviousRelease.available(PreviousRelease.COMMIT),
                "the previous release's commit " + PreviousRelease.COMMIT + " is not in this clone (a shallow clone? "
                        + "git fetch --unshallow)");
        Path previous = PreviousRelease.jar(PreviousRelease.COMMIT);
        rig = new FaultRig("upgrade");
        AppProcess old = rig.node("old", Map.of()).runningJar(previous);
        old.start();
        old.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));
        LoadDriver load = new LoadDriver(rig.client, rig.db, 3, 30, rig.seed);
        load.start();
        FaultRig.awaitProgress(load, 60);
        load.stop();
        load.awaitDone(Duration.ofMinutes(1));
        old.kill();
        long migrationsBefore = rig.db.count("select count(*) from flyway_schema_history");
        long cases = rig.db.count("select count(*) from case_event_stream");
        long events = rig.db.count("select count(*) from case_event");
        long open = rig.db.count("select count(*) from act_ru_task");
        List<String> heads = rig.db.query("select case_id || ':' || last_seq || ':' || last_hash from case_event_stream "
                + "order by case_id", rs -> rs.getString(1));
        log.info("previous release {}: {} cases, {} events, {} open tasks", PreviousRelease.COMMIT, cases, events,
                open);
        assertThat(open).as("cases still open at the upgrade").isPositive();

        AppProcess current = rig.node("new", Map.of());
        current.start();
        current.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        assertThat(rig.db.count("select count(*) from flyway_schema_history")).as("the new migrations applied")
                .isGreaterThan(migrationsBefore);
        assertThat(rig.db.count("select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(rig.db.query("select case_id || ':' || last_seq || ':' || last_hash from case_event_stream "
                + "order by case_id", rs -> rs.getString(1))).as("every case's chain head as it was").isEqualTo(heads);

        LoadDriver finish = new LoadDriver(rig.client, rig.db, 3, 0, rig.seed + 1);
        finish.start();
        assertThat(finish.awaitDone(Duration.ofMinutes(3))).as(finish.summary()).isTrue();
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(120));
        assertThat(report.cases()).isEqualTo(cases);
        log.info("UpgradeIT: {} -> this build: {}; open tasks finished: {}", PreviousRelease.COMMIT, report,
                finish.summary());
    }
}
