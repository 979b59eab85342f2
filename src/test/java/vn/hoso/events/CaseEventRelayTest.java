package vn.hoso.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.infra.Infrastructure;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** The relay: per-case order on the topic with many cases, with two relays at once, and across a broker outage. */
@IntegrationTest
class CaseEventRelayTest {

    static final String[] UNITS = {"10507", "288", "30"};
    static final String[] TYPES = {CaseEventTypes.RECEIVED, CaseEventTypes.STEP_COMPLETED,
            CaseEventTypes.TRANSFERRED, CaseEventTypes.SEGMENT_CLOSED, CaseEventTypes.RESOLVED};

    @Autowired
    CaseEventLog log;
    @Autowired
    CaseEventRelay appRelay;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    Infrastructure infrastructure;

    String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }

    List<String> newCases(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i + "-" + UUID.randomUUID()).toList();
    }

    /** Event {@code seq} of a case: a contract type and unit by position; seq and step in data for the checks. */
    RecordedEvent append(String caseId, int seq) {
        return log.append(new NewCaseEvent(caseId, TYPES[(seq - 1) % TYPES.length], UNITS[seq % UNITS.length],
                OffsetDateTime.parse("2025-06-01T08:00:00+07:00").plusMinutes(seq),
                Map.of("step", "s" + seq, "tier", "COMMUNE", "mode", seq % 2 == 0 ? "PAPER" : "ELECTRONIC")));
    }

    CaseEventRelay secondRelay(String name, String bootstrapServers, EventsProperties.Relay settings,
                               RelaySignal signal) {
        return secondRelay(name, bootstrapServers, settings, signal, new SimpleMeterRegistry());
    }

    CaseEventRelay secondRelay(String name, String bootstrapServers, EventsProperties.Relay settings,
                               RelaySignal signal, MeterRegistry meters) {
        Map<String, Object> base = new HashMap<>();
        base.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, Object> config = EventsConfiguration.relayProducerConfig(base, settings, "test-relay-" + name);
        return new CaseEventRelay(name, jdbc, EventsConfiguration.producers(config), settings, signal, meters);
    }

    static EventsProperties.Relay settings(int batch, Duration poll, Duration sendTimeout) {
        return new EventsProperties.Relay(true, batch, poll, sendTimeout, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ZERO);
    }

    /** Whole-log view of a set of cases: the events as the database has them, in seq order. */
    Map<String, List<String>> idsInLog(List<String> cases) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        cases.forEach(c -> ids.put(c, log.eventsOf(c).stream().map(e -> e.id().toString()).toList()));
        return ids;
    }

    static void assertTopicMatchesLog(Map<String, List<TopicReader.Received>> received, Map<String, List<String>> log) {
        log.forEach((caseId, ids) -> {
            List<TopicReader.Received> records = received.get(caseId);
            List<TopicReader.Received> firsts = TopicReader.deduplicated(records);
            TopicReader.assertValidChain(caseId, firsts, ids.size());
            assertThat(firsts).extracting(TopicReader.Received::id).containsExactlyElementsOf(ids);
            assertThat(records.stream().map(TopicReader.Received::partition).distinct()).as("one partition per case")
                    .hasSize(1);
        });
    }

    /**
     * 60 cases moving at once, several events per transaction and several cases per transaction, in interleaved
     * rounds: on the topic every case has all its events in seq order, a valid chain and the contract's attributes.
     */
    @Test
    void manyCasesReachTheTopicInSeqOrderWithValidChainsAndTheContractAttributes() {
        List<String> cases = newCases("order", 60);
        int events = 6;
        for (int round = 0; round < events / 2; round++) {
            int first = round * 2 + 1;
            for (int i = 0; i < cases.size(); i += 10) {
                List<String> group = cases.subList(i, i + 10);
                tx.executeWithoutResult(s -> group.forEach(c -> {
                    append(c, first);
                    append(c, first + 1);
                }));
            }
        }
        try (TopicReader topic = new TopicReader(bootstrap(), cases)) {
            Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(
                    cases.stream().collect(Collectors.toMap(c -> c, c -> events)), Duration.ofSeconds(60));
            assertTopicMatchesLog(received, idsInLog(cases));
            for (String caseId : cases) {
                List<TopicReader.Received> firsts = TopicReader.deduplicated(received.get(caseId));
                // the relay's record values are byte for byte the events as the log and the API give them
                assertThat(firsts).extracting(TopicReader.Received::value).containsExactlyElementsOf(
                        log.eventsOf(caseId).stream().map(RecordedEvent::toCloudEventJson).toList());
                for (int seq = 1; seq <= events; seq++) {
                    var e = firsts.get(seq - 1).event();
                    assertThat(e.get("type").asText()).isEqualTo(TYPES[(seq - 1) % TYPES.length]);
                    assertThat(e.get("source").asText()).isEqualTo("/units/" + UNITS[seq % UNITS.length]);
                    assertThat(e.get("time").asText()).isEqualTo(
                            EventData.TIME.format(OffsetDateTime.parse("2025-06-01T08:00:00+07:00").plusMinutes(seq)));
                    assertThat(e.get("data").get("step").asText()).isEqualTo("s" + seq);
                }
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from case_event_outbox where case_id = any(?)", Long.class,
                (Object) cases.toArray(String[]::new))).isZero();
        assertThat(jdbc.queryForList("select distinct sent_seq from case_event_relay where case_id = any(?)",
                Long.class, (Object) cases.toArray(String[]::new))).containsExactly((long) events);
    }

    /**
     * A second relay (its own producer, same database) runs beside the app's while 80 cases get events from two
     * threads: both relays do part of the work, and every case's events are on the topic exactly once, in order.
     */
    @Test
    void twoRelaysAtOnceKeepPerCaseOrderAndLoseNothing() throws Exception {
        RelaySignal signal = new RelaySignal();
        CaseEventRelay second = secondRelay("second", bootstrap(), settings(50, Duration.ofMillis(20),
                Duration.ofSeconds(30)), signal);
        List<String> cases = newCases("two-relays", 80);
        Map<String, Integer> appended = new HashMap<>();
        cases.forEach(c -> appended.put(c, 0));
        long appRelayedBefore = appRelay.relayed();
        second.start();
        try {
            int round = 0;
            while (round < 6 || second.relayed() == 0 || appRelay.relayed() == appRelayedBefore) {
                assertThat(round).as("rounds until both relays have sent something").isLessThan(200);
                List<Thread> writers = new ArrayList<>();
                for (int half = 0; half < 2; half++) {
                    List<String> mine = cases.subList(half * 40, half * 40 + 40);
                    Thread writer = new Thread(() -> mine.forEach(c -> {
                        int seq;
                        synchronized (appended) {
                            seq = appended.merge(c, 1, Integer::sum);
                        }
                        tx.executeWithoutResult(s -> append(c, seq));
                        signal.signal();
                    }));
                    writer.start();
                    writers.add(writer);
                }
                for (Thread w : writers) {
                    w.join();
                }
                round++;
            }
            try (TopicReader topic = new TopicReader(bootstrap(), cases)) {
                Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(appended, Duration.ofSeconds(60));
                assertTopicMatchesLog(received, idsInLog(cases));
                received = topic.drain();
                received.forEach((caseId, records) -> assertThat(records).as("no duplicates of %s", caseId)
                        .hasSize(appended.get(caseId)));
            }
            assertThat(second.relayed()).isPositive();
            assertThat(appRelay.relayed()).isGreaterThan(appRelayedBefore);
            assertThat(second.failures()).isZero();
        } finally {
            second.stop();
        }
    }

    /** Committed but not yet sent when the node stops (as after a crash between commit and send): the events wait in
     * the outbox and are sent, in order, when a relay runs again. */
    @Test
    void eventsCommittedWhileNoRelayRunsAreSentWhenOneStartsAgain() {
        List<String> cases = newCases("restart", 10);
        appRelay.stop();
        try (TopicReader topic = new TopicReader(bootstrap(), cases)) {
            try {
                for (int seq = 1; seq <= 3; seq++) {
                    int n = seq;
                    cases.forEach(c -> tx.executeWithoutResult(s -> append(c, n)));
                }
                assertThat(jdbc.queryForObject("select count(*) from case_event_outbox where case_id = any(?)",
                        Long.class, (Object) cases.toArray(String[]::new))).isEqualTo(30L);
                assertThat(topic.drain().values()).allSatisfy(records -> assertThat(records).isEmpty());
            } finally {
                appRelay.start();
            }
            Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(
                    cases.stream().collect(Collectors.toMap(c -> c, c -> 3)), Duration.ofSeconds(30));
            assertTopicMatchesLog(received, idsInLog(cases));
        }
    }

    /**
     * A relay woken by a commit waits its linger before the pass: it sends nothing in the 0.2 s after each of three
     * commits, and then their events go to the topic in one pass (with no linger, each commit's wake-up would start a
     * pass of its own).
     */
    @Test
    void aRelayWokenByACommitLingersSoTheCommitsMeanwhileGoInOnePass() throws Exception {
        List<String> cases = newCases("linger", 3);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RelaySignal signal = new RelaySignal();
        CaseEventRelay relay = secondRelay("linger", bootstrap(), new EventsProperties.Relay(true, 2000,
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(3)), signal, meters);
        appRelay.stop();
        try (TopicReader topic = new TopicReader(bootstrap(), cases)) {
            relay.start();
            // idle: after its passes at start (whatever the outbox held), one found nothing to send
            await("the relay idle").atMost(Duration.ofSeconds(30))
                    .until(() -> passes(meters, "claim") > passes(meters, "read"));
            long sentBefore = passes(meters, "read");
            for (String c : cases) {
                tx.executeWithoutResult(s -> append(c, 1));
                signal.signal();
                await("no pass during the linger").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                        .until(() -> passes(meters, "read") == sentBefore);
            }
            Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(
                    cases.stream().collect(Collectors.toMap(c -> c, c -> 1)), Duration.ofSeconds(30));
            assertTopicMatchesLog(received, idsInLog(cases));
            assertThat(passes(meters, "read") - sentBefore).as("passes that sent events").isEqualTo(1);
        } finally {
            relay.stop();
            appRelay.start();
        }
    }

    /** How many passes of a relay reached a phase ({@code claim}: every pass; {@code read}: those with events). */
    static long passes(MeterRegistry meters, String phase) {
        return meters.get("hoso.events.relay.phase").tag("phase", phase).timer().count();
    }

    /**
     * The relay reaches Kafka only through a TCP link that the test cuts: events appended meanwhile commit and stay in
     * the outbox while the relay's passes fail; once the link is restored they all arrive, in order, and any
     * duplicate carries the id of the first copy.
     */
    @Test
    void eventsAppendedWhileTheBrokerIsUnreachableCommitAndArriveInOrderOnceItIsBack() throws Exception {
        var linked = infrastructure.kafkaLink();
        assumeThat(linked).as("a cuttable link to the broker (embedded infrastructure)").isPresent();
        var link = linked.get().link();
        RelaySignal signal = new RelaySignal();
        CaseEventRelay relay = secondRelay("linked", linked.get().bootstrapServers(),
                settings(100, Duration.ofMillis(50), Duration.ofSeconds(3)), signal);
        List<String> before = newCases("outage-before", 5);
        List<String> during = newCases("outage-during", 30);
        appRelay.stop();
        relay.start();
        try {
            before.forEach(c -> tx.executeWithoutResult(s -> append(c, 1)));
            signal.signal();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.relayed() >= before.size());

            link.cut();
            for (int seq = 1; seq <= 3; seq++) {
                int n = seq;
                for (String c : during) {
                    tx.executeWithoutResult(s -> append(c, n));
                    signal.signal();
                }
                if (seq == 1) {
                    before.forEach(c -> tx.executeWithoutResult(s -> append(c, 2)));
                }
            }
            // committed, and waiting in the outbox while the relay fails
            assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = any(?)", Long.class,
                    (Object) during.toArray(String[]::new))).isEqualTo(90L);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.failures() >= 2);
            assertThat(jdbc.queryForObject("select count(*) from case_event_outbox where case_id = any(?)", Long.class,
                    (Object) during.toArray(String[]::new))).isEqualTo(90L);

            link.restore();
            List<String> all = new ArrayList<>(before);
            all.addAll(during);
            Map<String, Integer> expected = new HashMap<>();
            before.forEach(c -> expected.put(c, 2));
            during.forEach(c -> expected.put(c, 3));
            try (TopicReader topic = new TopicReader(bootstrap(), all)) {
                Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(expected, Duration.ofSeconds(60));
                assertTopicMatchesLog(received, idsInLog(all));
                // duplicates, if any, are copies (same id, same content) of events already delivered
                received.values().forEach(records -> {
                    Map<String, String> byId = new HashMap<>();
                    records.forEach(r -> assertThat(byId.computeIfAbsent(r.id(), id -> r.event().toString()))
                            .isEqualTo(r.event().toString()));
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from case_event_outbox where case_id = any(?)", Long.class,
                    (Object) all.toArray(String[]::new)) == 0);
        } finally {
            link.restore();
            relay.stop();
            appRelay.start();
        }
    }
}
