package vn.hoso.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka broker restarted under load (stopped, its log directory kept, started again): appends go on meanwhile,
 * the relay resumes and the consumers reconnect; nothing lost, no duplicate in effect ({@link LossCheck}).
 *
 * <p>{@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KafkaBrokerIT}
 */
class KafkaBrokerIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerIT.class);
    static final int THREADS = 4;
    static final int CASES = 40;
    private static final Map<String, String> SETTINGS = Map.of("hoso.events.relay.send-timeout", "4s");

    @Test
    void theRelayAndTheConsumersRideOutABrokerRestart() throws Exception {
        long t0 = System.nanoTime();
        rig = new FaultRig("broker");
        AppProcess app = rig.node("app", SETTINGS);
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));
        LoadDriver load = new LoadDriver(rig.client, rig.db, THREADS, CASES, rig.seed);
        load.start();
        FaultRig.awaitProgress(load, 30);

        long failures = (long) rig.metric(app, "hoso_events_relay_failures_total", null);
        long eventsAtStop = rig.db.count("select count(*) from case_event");
        long stoppedAt = System.nanoTime();
        rig.infra.restartBroker(() -> rig.db.count("select count(*) from case_event") - eventsAtStop >= 20
                && rig.metric(app, "hoso_events_relay_failures_total", null) > failures);
        log.info("broker down for {} ms; {} events appended meanwhile",
                (System.nanoTime() - stoppedAt) / 1_000_000, rig.db.count("select count(*) from case_event")
                        - eventsAtStop);

        assertThat(load.awaitDone(Duration.ofMinutes(3))).as("load finished: %s", load.summary()).isTrue();
        assertThat(rig.metric(app, "hoso_events_relay_failures_total", null)).as("the relay felt the restart")
                .isGreaterThan(failures);
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(120));
        log.info("KafkaBrokerIT, restart: {}; load {}; {} s", report, load.summary(),
                (System.nanoTime() - t0) / 1_000_000_000);

        // The broker lost its log: the disaster procedure of docs/operations.md
        long events = rig.db.count("select count(*) from case_event");
        rig.infra.replaceBrokerWithAnEmptyOne();
        app.kill(); // 1. restart the app nodes: they create the topics, their clients start afresh
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        // 2. forget the read model's offsets in the lost topic
        rig.db.query("delete from rollup_offset where topic = 'hoso.case-events' returning 1", rs -> 1);
        // 3. re-publish every case from the log
        Client.Result republished = rig.client.post("/api/events/republish", Users.ADMIN,
                "{\"from\":\"2000-01-01\",\"to\":\"2099-12-31\"}");
        assertThat(republished.status()).as(republished.body()).isEqualTo(202);
        assertThat(republished.json().get("events").asLong()).isEqualTo(events);
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofMinutes(2))
                .until(() -> rig.db.count("select count(*) from case_event_outbox") == 0);
        // 4. check the read model against the refilled topic
        org.awaitility.Awaitility.await("rebuild equal").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    Client.Result rebuild = rig.client.post("/api/rollups/rebuild", Users.ADMIN, "");
                    log.info("rebuild: {}", rebuild.body().length() > 400 ? rebuild.body().substring(0, 400)
                            : rebuild.body());
                    return rebuild.status() == 200 && rebuild.json().get("equal").asBoolean()
                            && rebuild.json().get("recordsRead").asLong() == events;
                });
        LossCheck.Report refilled = rig.lossCheck().run(Duration.ofSeconds(120));
        assertThat(refilled.topicRecords()).as("the new topic holds the log once").isEqualTo(events);
        log.info("KafkaBrokerIT, lost log re-published: {}; {} s", refilled, (System.nanoTime() - t0) / 1_000_000_000);
    }
}
