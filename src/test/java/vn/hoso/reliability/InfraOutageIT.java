package vn.hoso.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app's neighbours fail under load and the app recovers by itself: Kafka is cut off from the app for a while
 * (its every connection to the broker goes through a {@link vn.hoso.infra.TcpLink} that is cut), PostgreSQL is
 * stopped and started again on the same port and data directory, and poison records are put on the topic before and
 * during the load. Then nothing may be lost ({@link LossCheck}), every poison record is on the DLT, and the consumer
 * went on past them (the rollups count every segment of the log).
 *
 * <p>{@code mvn verify -Dit.test=InfraOutageIT}
 */
class InfraOutageIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(InfraOutageIT.class);
    static final int THREADS = 4;
    static final int CASES = 70;
    /* Kafka stays away until steps have gone on without it and the relay has failed (its send timeout for this run is
       4 s, see SETTINGS). PostgreSQL stays away until the clients have been refused and a rollup consumer has been
       failing to write a batch for longer than the error handler's retry budget of this run (3 s): CaseEventListener
       waits 0.5, 1, 2 s (3.5 s) and then logs its fourth wait, of 4000 ms. */
    static final int EVENTS_WITHOUT_KAFKA = 20;
    static final String CONSUMER_FAILING_FOR_3_5_S = "events is written again in 4000 ms";
    /**
     * For this run the app waits at most 1 s for a database connection (Hikari's default 30 s) and the rollup
     * consumer retries a batch it cannot write for 3 s of back-off (default 30 min): a 10 s outage is then "long" for
     * the consumer, as an outage of about an hour is with the defaults.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "hoso.events.relay.send-timeout", "4s",
            "spring.datasource.hikari.connection-timeout", "1000",
            "hoso.rollup.retry-max-elapsed", "PT3S");

    @Test
    void theAppRidesOutAKafkaOutageAPostgresRestartAndPoisonRecords() throws Exception {
        long t0 = System.nanoTime();
        rig = new FaultRig("outage");
        AppProcess app = rig.node("app", SETTINGS);
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));

        List<byte[]> poison = new ArrayList<>(poisonRecords("before"));
        send(poison);
        LoadDriver load = new LoadDriver(rig.client, rig.db, THREADS, CASES, rig.seed);
        load.start();

        // Kafka away: appends keep committing, the relay backs off and catches up, the consumers reconnect
        FaultRig.awaitProgress(load, 25);
        long relayFailures = (long) rig.metric(app, "hoso_events_relay_failures_total", null);
        rig.infra.kafkaLink().cut();
        long eventsAtCut = rig.db.count("select count(*) from case_event");
        long kafkaCutAt = System.nanoTime();
        await("steps without Kafka, and a failed relay pass").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() ->
                        rig.db.count("select count(*) from case_event") - eventsAtCut >= EVENTS_WITHOUT_KAFKA
                                && rig.metric(app, "hoso_events_relay_failures_total", null) > relayFailures);
        Duration kafkaDown = Duration.ofNanos(System.nanoTime() - kafkaCutAt);
        long pendingAtRestore = rig.db.count("select count(*) from case_event_outbox");
        long eventsDuringCut = rig.db.count("select count(*) from case_event") - eventsAtCut;
        long relayFailuresAfter = (long) rig.metric(app, "hoso_events_relay_failures_total", null);
        rig.infra.kafkaLink().restore();
        log.info("Kafka cut for {}: {} events appended meanwhile, {} waiting in the outbox at the restore, "
                + "{} failed relay passes", kafkaDown, eventsDuringCut, pendingAtRestore,
                relayFailuresAfter - relayFailures);
        assertThat(eventsDuringCut).as("steps went on while Kafka was away").isPositive();
        assertThat(relayFailuresAfter).as("the relay noticed the outage").isGreaterThan(relayFailures);

        List<byte[]> more = poisonRecords("during");
        send(more);
        poison.addAll(more);

        // PostgreSQL restarted: every open connection is cut, new ones are refused for a while
        FaultRig.awaitProgress(load, 10);
        assertThat(load.isDone()).as("the load still runs at the PostgreSQL restart").isFalse();
        long failuresBefore = load.failures().size();
        // while the database is down, a valid event arrives on the topic (as when the relay sent it just before)
        String probeId = UUID.randomUUID().toString();
        byte[] probe = ("{\"specversion\":\"1.0\",\"id\":\"" + probeId + "\",\"type\":\"vn.hoso.step.completed\","
                + "\"source\":\"/units/10507\",\"subject\":\"PROBE-" + probeId + "\",\"hososeq\":1,"
                + "\"time\":\"2026-01-05T10:00:00.000+07:00\",\"data\":{\"caseId\":\"PROBE-" + probeId + "\","
                + "\"step\":\"receive\",\"unitCode\":\"10507\",\"tier\":\"COMMUNE\",\"mode\":\"ELECTRONIC\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long longRetriesBefore = app.logLines(CONSUMER_FAILING_FOR_3_5_S);
        AtomicBoolean readinessWentDown = new AtomicBoolean();
        rig.infra.restartPostgres(() -> send(List.of(probe)),
                "clients refused, readiness down, a consumer failing for 3.5 s", () -> {
                    if (readiness(app) == 503) {
                        readinessWentDown.set(true);
                    }
                    return load.failures().size() > failuresBefore && readinessWentDown.get()
                            && app.logLines(CONSUMER_FAILING_FOR_3_5_S) > longRetriesBefore;
                });
        List<LoadDriver.Failure> whileDown = List.copyOf(
                load.failures().subList((int) failuresBefore, load.failures().size()));
        await("readiness back UP").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> readiness(app) == 200);
        FaultRig.awaitProgress(load, 25);
        log.info("PostgreSQL restarted; {} requests refused meanwhile, {} while it was down: statuses {}",
                load.failures().size() - failuresBefore, whileDown.size(),
                whileDown.stream().map(LoadDriver.Failure::status).distinct().sorted().toList());
        // while the database was down users got 503 problems, never a 500 (DatabaseOutageFilter)
        assertThat(whileDown).as("requests refused while PostgreSQL was down").isNotEmpty()
                .noneMatch(f -> f.status() == 500);
        assertThat(whileDown).anyMatch(f -> f.status() == 503 && f.body().contains("The database is briefly"));

        assertThat(load.awaitDone(Duration.ofMinutes(3))).as("load finished: %s; %s", load.summary(),
                load.crashes()).isTrue();
        log.info("load: {}; failures {}", load.summary(), load.failures());
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(120));

        // the event that arrived while the database was down is in the read model, not on the DLT
        await("event consumed during the outage applied").atMost(Duration.ofSeconds(30))
                .until(() -> rig.db.count("select count(*) from rollup_case_position where case_id = ?",
                        "PROBE-" + probeId) == 1);

        // every poison record is on the DLT (compared as the same lossy UTF-8 decoding of the bytes), and nothing
        // else: no valid event went there; the consumer kept going (the check above)
        List<String> dlt = LossCheck.readAll(rig.infra.kafkaBootstrap(), "hoso.case-events.DLT").stream()
                .map(r -> r.value()).toList();
        List<String> poisonText = poison.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
        assertThat(dlt).as("every poison record on the DLT").containsAll(poisonText);
        assertThat(poisonText).as("nothing but poison on the DLT").containsAll(dlt);
        // at least once: a consumer that loses its partitions (e.g. during the Kafka cut) before committing may
        // hand the same poison record to the DLT again
        assertThat(rig.metric(app, "hoso_rollup_events_total", "outcome=\"poison\""))
                .isGreaterThanOrEqualTo(poison.size());
        log.info("InfraOutageIT: Kafka down {}, PostgreSQL restarted, {} poison records on the DLT; {}; {} s",
                kafkaDown, poison.size(), report, (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** The readiness probe's status (200 UP, 503 DOWN), or 0 when the app does not answer. */
    private static int readiness(AppProcess app) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Records the consumer cannot use: not JSON, not UTF-8, no id, a segment.closed without its unit. */
    private static List<byte[]> poisonRecords(String tag) {
        String caseId = "POISON-" + tag + "-" + UUID.randomUUID();
        return List.of(
                ("not json {" + tag).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1, 2, (byte) tag.charAt(0)},
                ("{\"specversion\":\"1.0\",\"type\":\"vn.hoso.segment.closed\",\"subject\":\"" + caseId + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"vn.hoso.segment.closed\","
                        + "\"source\":\"/units/10507\",\"subject\":\"" + caseId + "\",\"hososeq\":1,"
                        + "\"data\":{\"caseId\":\"" + caseId + "\",\"tier\":\"COMMUNE\",\"processedOnline\":true,"
                        + "\"closedAt\":\"2026-01-05T10:00:00.000+07:00\"}}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(List<byte[]> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.infra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : records) {
                producer.send(new ProducerRecord<>("hoso.case-events", ("poison-" + Arrays.hashCode(value))
                        .getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
    }

}
