package vn.hoso.events;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.infra.Http.json;

/**
 * The disaster procedure's first half (docs/operations.md): an administrator re-publishes cases' events from the log;
 * the relay sends them again with the same ids and bytes, in order, and the rollup consumer takes them as duplicates.
 * Nobody else may, and a bad request queues nothing.
 */
@IntegrationTest
class EventRepublishTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseEventLog log;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    MeterRegistry meters;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** A case of three events received on the given day at 10507, relayed to Kafka before this returns. */
    private String relayedCase(String day) {
        String caseId = "republish-" + UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse(day + "T08:00:00+07:00");
        tx.executeWithoutResult(s -> {
            log.append(new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", t,
                    Map.of("code", "10507-" + day.replace("-", "").substring(2) + "-0001", "kind", "PROCEDURE",
                            "procedureCode", "1.001", "tier", "COMMUNE", "channel", "ONLINE",
                            "subject", "Đăng ký hộ kinh doanh")));
            log.append(new NewCaseEvent(caseId, CaseEventTypes.STEP_COMPLETED, "10507", t.plusHours(1),
                    Map.of("step", "receive", "mode", "ELECTRONIC", "actor", "officer.10507")));
        });
        tx.executeWithoutResult(s -> log.append(new NewCaseEvent(caseId, CaseEventTypes.TRANSFERRED, "288",
                t.plusHours(2), Map.of("fromUnit", "10507", "toUnit", "288", "mode", "ELECTRONIC"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(caseId) == 0 && sentSeq(caseId) == 3);
        return caseId;
    }

    private long pending(String caseId) {
        return jdbc.queryForObject("select count(*) from case_event_outbox where case_id = ?", Long.class, caseId);
    }

    private long sentSeq(String caseId) {
        return jdbc.queryForObject("select sent_seq from case_event_relay where case_id = ?", Long.class, caseId);
    }

    private double rollupDuplicates() {
        var counter = meters.find("hoso.rollup.events").tag("outcome", "duplicate").functionCounter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAdministratorRepublishesNamedCasesAndTheTopicHasEveryEventAgainInOrderWithTheSameBytes() {
        String caseId = relayedCase("2025-03-04");
        String other = relayedCase("2025-03-04");
        double duplicatesBefore = rollupDuplicates();

        HttpResponse<String> response = http.postJson("/api/events/republish", "admin",
                "{\"caseIds\":[\"" + caseId + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("cases").asInt()).isEqualTo(1);
        assertThat(json(response).get("events").asLong()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(caseId) == 0 && sentSeq(caseId) == 3);

        try (TopicReader topic = new TopicReader(String.join(",", kafka.getBootstrapServers()),
                List.of(caseId, other))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.drain().get(caseId).size() >= 6);
            var records = topic.drain();
            List<TopicReader.Received> ours = records.get(caseId);
            assertThat(ours).hasSize(6);
            // each event twice, the copies identical (bytes as JSON, header), the second round in seq order too
            assertThat(ours).extracting(TopicReader.Received::seq).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
            for (int i = 0; i < 3; i++) {
                // the first copy is the record value the append wrote, the second one the relay built from the log
                assertThat(ours.get(i + 3).value()).isEqualTo(ours.get(i).value());
                assertThat(ours.get(i + 3).recordedAt()).isNotNull().isEqualTo(ours.get(i).recordedAt());
                assertThat(ours.get(i + 3).partition()).isEqualTo(ours.get(i).partition());
            }
            TopicReader.assertValidChain(caseId, TopicReader.deduplicated(ours), 3);
            assertThat(records.get(other)).as("a case not named is not sent again").hasSize(3);
        }
        // the rollup consumer read them as duplicates of what it had applied
        await().atMost(Duration.ofSeconds(30)).until(() -> rollupDuplicates() >= duplicatesBefore + 3);
        assertThat(json(http.get("/api/cases/" + caseId + "/events/verify", "admin")).get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void aPeriodRepublishesTheCasesWhoseFirstEventFallsInIt() {
        String day = "2012-0" + ThreadLocalRandom.current().nextInt(1, 10) + "-1"
                + ThreadLocalRandom.current().nextInt(0, 10);
        String caseId = relayedCase(day);
        HttpResponse<String> response = http.postJson("/api/events/republish", "admin",
                "{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("cases").asInt()).isGreaterThanOrEqualTo(1);
        try (TopicReader topic = new TopicReader(String.join(",", kafka.getBootstrapServers()), List.of(caseId))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.drain().get(caseId).size() >= 6);
        }
    }

    @Test
    void onlyAdministratorsMayAndBadRequestsQueueNothing() {
        String caseId = relayedCase("2025-03-05");
        String ids = "{\"caseIds\":[\"" + caseId + "\"]}";
        for (String user : List.of("officer.10507", "leader.10507", "auditor")) {
            CaseEventApiTest.assertProblem(http.postJson("/api/events/republish", user, ids), 403);
        }
        CaseEventApiTest.assertProblem(http.postJson("/api/events/republish", null, ids), 401);
        for (String bad : List.of("{}", "[]", "{\"caseIds\":[]}", "{\"caseIds\":\"" + caseId + "\"}",
                "{\"caseIds\":[\"" + caseId + "\"],\"from\":\"2025-03-05\",\"to\":\"2025-03-05\"}",
                "{\"caseIds\":[\"" + caseId + "\"],\"toUnit\":\"288\"}", "{\"caseIds\":[17]}",
                "{\"from\":\"2025-03-05\"}", "{\"from\":\"2025-03-06\",\"to\":\"2025-03-05\"}",
                "{\"from\":\"2025-13-01\",\"to\":\"2025-13-02\"}")) {
            CaseEventApiTest.assertProblem(http.postJson("/api/events/republish", "admin", bad), 400);
        }
        HttpResponse<String> unknown = http.postJson("/api/events/republish", "admin",
                "{\"caseIds\":[\"" + caseId + "\",\"no-such-case\"]}");
        CaseEventApiTest.assertProblem(unknown, 404);
        assertThat(json(unknown).get("unknownCaseIds").get(0).asText()).isEqualTo("no-such-case");
        assertThat(pending(caseId)).isZero();
        assertThat(sentSeq(caseId)).isEqualTo(3);
    }
}
