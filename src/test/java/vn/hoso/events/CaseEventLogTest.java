package vn.hoso.events;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Appending to the log inside the caller's transaction: seq, chain, rollback, concurrency, immutability, tampering. */
@IntegrationTest
class CaseEventLogTest {

    @Autowired
    CaseEventLog log;
    @Autowired
    ChainAudit audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;

    static String newCaseId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static NewCaseEvent step(String caseId, String unit, OffsetDateTime time, Map<String, Object> data) {
        return new NewCaseEvent(caseId, CaseEventTypes.STEP_COMPLETED, unit, time, data);
    }

    static OffsetDateTime at(String isoLocal) {
        return OffsetDateTime.parse(isoLocal + "+07:00");
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        String caseId = newCaseId("no-tx");
        assertThatThrownBy(() -> log.append(step(caseId, "10507", at("2025-03-04T09:00:00"), Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        assertThat(log.eventsOf(caseId)).isEmpty();
    }

    @Test
    void eventsGetSeqOneTwoThreeAndAChainOfHashesInTheirTransaction() {
        String caseId = newCaseId("chain");
        List<RecordedEvent> appended = tx.execute(s -> List.of(
                log.append(new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", at("2025-03-04T09:00:00"),
                        Map.of("kind", "PROCEDURE", "channel", "ONLINE", "dueDate", LocalDate.of(2025, 3, 7)))),
                log.append(step(caseId, "10507", at("2025-03-04T10:00:00"), Map.of("step", "receive")))));
        RecordedEvent third = tx.execute(s -> log.append(step(caseId, "10507",
                OffsetDateTime.of(2025, 3, 4, 4, 0, 0, 987_654_321, ZoneOffset.UTC), Map.of("step", "appraise"))));

        List<RecordedEvent> stored = log.eventsOf(caseId);
        assertThat(stored).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(stored).extracting(RecordedEvent::id)
                .containsExactly(appended.get(0).id(), appended.get(1).id(), third.id());
        assertThat(stored.get(0).prevHash()).isEqualTo("0".repeat(64));
        assertThat(stored.get(1).prevHash()).isEqualTo(stored.get(0).hash());
        assertThat(stored.get(2).prevHash()).isEqualTo(stored.get(1).hash());
        assertThat(stored).allSatisfy(e -> assertThat(e.hash())
                .isEqualTo(CanonicalJson.chainHash(e.prevHash(), e.hashedJson())));
        // business time at the business offset, milliseconds; caseId added to data
        assertThat(stored.get(2).toCloudEvent().get("time").asText()).isEqualTo("2025-03-04T11:00:00.987+07:00");
        assertThat(stored.get(0).data().get("caseId").asText()).isEqualTo(caseId);
        assertThat(stored.get(0).data().get("dueDate").asText()).isEqualTo("2025-03-07");
        assertThat(stored.get(2)).isEqualTo(third);
        assertThat(log.verify(caseId)).isEqualTo(new ChainVerification(caseId, 3, true, null, null));
    }

    @Test
    void personalDataIsRefusedAndNothingIsStored() {
        String caseId = newCaseId("pii");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> log.append(new NewCaseEvent(caseId,
                CaseEventTypes.RECEIVED, "10507", at("2025-03-04T09:00:00"),
                Map.of("kind", "PROCEDURE", "applicant", Map.of("name", "Nguyễn Văn A", "idNumber", "001099012345"))))))
                .isInstanceOf(PersonalDataRejectedException.class).hasMessageContaining("applicant");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> log.append(step(caseId, "10507",
                at("2025-03-04T09:00:00"), Map.of("idNumber", "001099012345")))))
                .isInstanceOf(PersonalDataRejectedException.class);
        assertThat(log.eventsOf(caseId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from case_event_stream where case_id = ?", Long.class, caseId))
                .isZero();
    }

    @Test
    void badEventsAreRefused() {
        String caseId = newCaseId("bad");
        OffsetDateTime t = at("2025-03-04T09:00:00");
        for (NewCaseEvent bad : List.of(
                new NewCaseEvent(" ", CaseEventTypes.RECEIVED, "10507", t, Map.of()),
                new NewCaseEvent(caseId, "", "10507", t, Map.of()),
                new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "/units/10507", t, Map.of()),
                new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", null, Map.of()),
                new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", t, Map.of("caseId", "another")),
                new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", t, Map.of("rate", 0.5)))) {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> log.append(bad))).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(log.eventsOf(caseId)).isEmpty();
    }

    /** The rolled-back event leaves no row, no seq and no record: the next committed event is seq 1, and it is the
     * only record of the case on the topic. */
    @Test
    void aRolledBackTransactionLeavesNothingInTheLogAndNothingOnTheTopic() {
        String caseId = newCaseId("rollback");
        List<UUID> rolledBack = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            rolledBack.add(log.append(new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507",
                    at("2025-03-04T09:00:00"), Map.of("attempt", "rolled back"))).id());
            rolledBack.add(log.append(step(caseId, "10507", at("2025-03-04T09:01:00"), Map.of("step", "receive"))).id());
            throw new IllegalStateException("the engine step failed");
        })).hasMessage("the engine step failed");
        assertThat(rolledBack).hasSize(2);
        assertThat(log.eventsOf(caseId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from case_event_outbox where case_id = ?", Long.class, caseId))
                .isZero();

        RecordedEvent committed = tx.execute(s -> log.append(new NewCaseEvent(caseId, CaseEventTypes.RECEIVED,
                "10507", at("2025-03-04T09:05:00"), Map.of("attempt", "committed"))));
        assertThat(committed.seq()).isEqualTo(1);
        assertThat(committed.prevHash()).isEqualTo("0".repeat(64));

        try (TopicReader topic = new TopicReader(String.join(",", kafka.getBootstrapServers()), List.of(caseId))) {
            topic.awaitDistinct(Map.of(caseId, 1), Duration.ofSeconds(30));
            List<TopicReader.Received> records = topic.drain().get(caseId);
            assertThat(records).extracting(TopicReader.Received::id).containsExactly(committed.id().toString());
            assertThat(records.get(0).event().get("data").get("attempt").asText()).isEqualTo("committed");
            assertThat(records).extracting(TopicReader.Received::id)
                    .doesNotContainAnyElementsOf(rolledBack.stream().map(UUID::toString).toList());
        }
    }

    /**
     * 200 cases, 4 threads, each thread appending 2 events to every case in its own shuffled order, one transaction
     * per event: every case ends with seq 1..8 without gaps or duplicates, each thread's events of a case in the
     * thread's order, valid chains, and the same order on the topic.
     */
    @Test
    void concurrentTransactionsOnTheSameAndOnDifferentCasesGiveGaplessOrderedChains() throws Exception {
        int cases = 200;
        int threads = 4;
        int perThread = 2;
        List<String> caseIds = IntStream.range(0, cases).mapToObj(i -> newCaseId("conc-" + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<String> order = new ArrayList<>(caseIds);
                    for (int n = 0; n < perThread; n++) {
                        Collections.shuffle(order, new Random(thread * 31L + n));
                        for (String caseId : order) {
                            int k = n;
                            tx.executeWithoutResult(s -> log.append(step(caseId, "10507",
                                    at("2025-03-04T09:00:00"), Map.of("thread", thread, "n", k))));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        int perCase = threads * perThread;
        Map<String, List<RecordedEvent>> stored = new HashMap<>();
        for (String caseId : caseIds) {
            List<RecordedEvent> events = log.eventsOf(caseId);
            stored.put(caseId, events);
            assertThat(events).extracting(RecordedEvent::seq)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, perCase).mapToObj(i -> (long) i).toList());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                assertThat(events.stream().filter(e -> e.data().get("thread").asInt() == thread)
                        .map(e -> e.data().get("n").asInt()).toList()).containsExactly(0, 1);
            }
            assertThat(log.verify(caseId).valid()).as(caseId).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(distinct id) from case_event where case_id = any(?)",
                Long.class, (Object) caseIds.toArray(String[]::new))).isEqualTo((long) cases * perCase);

        try (TopicReader topic = new TopicReader(String.join(",", kafka.getBootstrapServers()), caseIds)) {
            Map<String, Integer> expected = new HashMap<>();
            caseIds.forEach(c -> expected.put(c, perCase));
            Map<String, List<TopicReader.Received>> received = topic.awaitDistinct(expected, Duration.ofSeconds(60));
            for (String caseId : caseIds) {
                List<TopicReader.Received> events = TopicReader.deduplicated(received.get(caseId));
                TopicReader.assertValidChain(caseId, events, perCase);
                assertThat(events).extracting(TopicReader.Received::id)
                        .containsExactlyElementsOf(stored.get(caseId).stream().map(e -> e.id().toString()).toList());
            }
        }
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEvents() {
        String caseId = newCaseId("immutable");
        tx.executeWithoutResult(s -> log.append(step(caseId, "10507", at("2025-03-04T09:00:00"), Map.of("step", "a"))));
        for (String sql : List.of(
                "update case_event set data = '{\"step\":\"forged\"}' where case_id = '" + caseId + "'",
                "update case_event set type = 'vn.hoso.case.resolved'",
                "delete from case_event where case_id = '" + caseId + "'",
                "truncate case_event")) {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                s.setRollbackOnly(); // should the refusal ever be missing, nothing shared is lost
                jdbc.execute(sql);
            })).as(sql).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        assertThat(log.eventsOf(caseId)).singleElement()
                .satisfies(e -> assertThat(e.data().get("step").asText()).isEqualTo("a"));
        assertThat(log.verify(caseId).valid()).isTrue();
    }

    /** The table owner can switch the trigger off and forge an event; verification names exactly that case and seq,
     * also when a case's last event is removed. */
    @Test
    void tamperingAsTableOwnerIsFoundByVerificationAtTheForgedSeq() {
        OffsetDateTime day = at("2019-04-11T08:00:00");
        String forged = newCaseId("forged");
        String truncated = newCaseId("truncated");
        String intact = newCaseId("intact");
        for (String caseId : List.of(forged, truncated, intact)) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                tx.executeWithoutResult(s -> log.append(step(caseId, "10507", day.plusMinutes(n), Map.of("stepNo", n))));
            }
        }
        asTableOwnerBypassingTheTrigger("update case_event set data = jsonb_set(data, '{stepNo}', '33') "
                + "where case_id = '" + forged + "' and seq = 3");
        asTableOwnerBypassingTheTrigger("delete from case_event where case_id = '" + truncated + "' and seq = 5");

        ChainVerification v = log.verify(forged);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3L);
        assertThat(v.reason()).contains("hosohash");
        assertThat(log.verify(truncated)).satisfies(t -> {
            assertThat(t.valid()).isFalse();
            assertThat(t.firstBadSeq()).isEqualTo(5L);
            assertThat(t.reason()).contains("missing");
        });
        assertThat(log.verify(intact).valid()).isTrue();

        ChainAudit.Report report = audit.audit(LocalDate.of(2019, 4, 11), LocalDate.of(2019, 4, 11));
        assertThat(report.cases()).isEqualTo(3);
        assertThat(report.events()).isEqualTo(14);
        assertThat(report.validCases()).isEqualTo(1);
        assertThat(report.invalidCases()).extracting(c -> c.caseId() + "@" + c.firstBadSeq())
                .containsExactlyInAnyOrder(forged + "@3", truncated + "@5");
        // the trigger is back
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.execute(
                "delete from case_event where case_id = '" + intact + "'"))).hasMessageContaining("append-only");
    }

    private void asTableOwnerBypassingTheTrigger(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.execute("alter table case_event disable trigger case_event_append_only");
            jdbc.execute(sql);
            jdbc.execute("alter table case_event enable trigger case_event_append_only");
        });
    }
}
