package vn.hoso.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * App crash: the packaged app, as a separate process, is killed with SIGKILL at random moments under load (three
 * rounds), started again each time, and the load runs to its end; then nothing may be lost ({@link LossCheck}).
 *
 * <p>{@code mvn verify -Dit.test=AppCrashIT} (after {@code package}); {@code -Dreliability.seed=…} repeats a run's
 * choices (the moments of the kills depend on timing all the same).
 */
class AppCrashIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(AppCrashIT.class);
    static final int ROUNDS = 3;
    static final int THREADS = 4;
    static final int CASES = 50;

    @Test
    void killedThreeTimesUnderLoadTheAppLosesNothing() throws Exception {
        long t0 = System.nanoTime();
        rig = new FaultRig("crash");
        AppProcess app = rig.node("app", Map.of());
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, java.util.List.of("10507", "10525", "10532", "31"));

        Random random = new Random(rig.seed);
        LoadDriver load = new LoadDriver(rig.client, rig.db, THREADS, CASES, rig.seed);
        load.start();
        for (int round = 1; round <= ROUNDS; round++) {
            // a random moment once the restarted app is busy again
            FaultRig.awaitProgress(load, 10 + random.nextInt(40));
            long events = rig.db.count("select count(*) from case_event");
            assertThat(load.isDone()).as("round %d: the load still runs at the kill", round).isFalse();
            app.kill();
            rig.routeNone();
            log.info("round {}: killed after {} cases received, {} tasks completed, {} events in the log", round,
                    load.received(), load.completed(), events);
            app.start();
            app.awaitReady(FaultRig.START_TIMEOUT);
            rig.route();
        }
        assertThat(load.awaitDone(Duration.ofMinutes(3))).as("load finished: %s; %s", load.summary(),
                load.crashes()).isTrue();
        log.info("load: {}; failures {}", load.summary(), load.failures());

        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(90));
        log.info("{}: committed but unanswered (the answer was lost with the killed node): {} intakes, {} steps",
                "AppCrashIT", report.cases() - load.received(), report.steps() - load.completed());
        log.info("AppCrashIT: {} kills, {}; {} s", ROUNDS, report, (System.nanoTime() - t0) / 1_000_000_000);
    }
}
