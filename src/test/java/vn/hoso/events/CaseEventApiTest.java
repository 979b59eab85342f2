package vn.hoso.events;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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
import static vn.hoso.infra.Http.contentType;
import static vn.hoso.infra.Http.json;

/** GET /api/cases/{caseId}/events[/verify], POST /api/audit/verify and the relay's metrics, over HTTP. */
@IntegrationTest
class CaseEventApiTest {

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
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** A case received at 10507 and transferred to 288, on the given day. */
    String transferredCase(String day) {
        String caseId = "api-" + UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse(day + "T08:00:00+07:00");
        tx.executeWithoutResult(s -> {
            log.append(new NewCaseEvent(caseId, CaseEventTypes.RECEIVED, "10507", t,
                    Map.of("code", "10507-250304-0001", "kind", "PROCEDURE", "procedureCode", "1.001",
                            "tier", "COMMUNE", "channel", "ONLINE", "subject", "Đăng ký hộ kinh doanh")));
            log.append(new NewCaseEvent(caseId, CaseEventTypes.STEP_COMPLETED, "10507", t.plusHours(1),
                    Map.of("step", "receive", "mode", "ELECTRONIC", "actor", "officer.10507")));
        });
        tx.executeWithoutResult(s -> log.append(new NewCaseEvent(caseId, CaseEventTypes.TRANSFERRED, "288",
                t.plusHours(2), Map.of("fromUnit", "10507", "toUnit", "288", "mode", "ELECTRONIC"))));
        return caseId;
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(status);
    }

    @Test
    void officersAndLeadersOfTheUnitsTheCasePassedThroughAuditorsAndAdminsReadItsEventsAsPublished() {
        String caseId = transferredCase("2025-03-04");
        String expected = "[" + String.join(",", log.eventsOf(caseId).stream().map(RecordedEvent::toCloudEventJson)
                .toList()) + "]";
        for (String user : List.of("officer.10507", "leader.10507", "officer.288", "leader.288", "auditor", "admin")) {
            var response = http.get("/api/cases/" + caseId + "/events", user);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(contentType(response)).startsWith("application/json");
            assertThat(response.body()).as(user).isEqualTo(expected);
        }
        JsonNode events = json(http.get("/api/cases/" + caseId + "/events", "officer.288"));
        assertThat(events).extracting(e -> e.get("hososeq").asInt()).containsExactly(1, 2, 3);
        assertThat(events.get(0).get("data").get("subject").asText()).isEqualTo("Đăng ký hộ kinh doanh");
        assertThat(events.get(2).get("source").asText()).isEqualTo("/units/288");

        // the same bytes as the records on Kafka
        try (TopicReader topic = new TopicReader(String.join(",", kafka.getBootstrapServers()), List.of(caseId))) {
            var received = TopicReader.deduplicated(topic.awaitDistinct(Map.of(caseId, 3), Duration.ofSeconds(30))
                    .get(caseId));
            assertThat(received).extracting(r -> r.event().toString())
                    .containsExactly(events.get(0).toString(), events.get(1).toString(), events.get(2).toString());
        }
    }

    @Test
    void othersAre403UnknownCasesAre404AnonymousIs401() {
        String caseId = transferredCase("2025-03-05");
        for (String path : List.of("/api/cases/" + caseId + "/events", "/api/cases/" + caseId + "/events/verify")) {
            assertProblem(http.get(path, "officer.30"), 403);
            assertProblem(http.get(path, "leader.291"), 403);
            assertProblem(http.get(path, null), 401);
        }
        assertProblem(http.get("/api/cases/no-such-case/events", "auditor"), 404);
        assertProblem(http.get("/api/cases/no-such-case/events/verify", "officer.10507"), 404);
    }

    @Test
    void verifyReportsAValidChain() {
        String caseId = transferredCase("2025-03-06");
        JsonNode v = json(http.get("/api/cases/" + caseId + "/events/verify", "leader.288"));
        assertThat(v.get("caseId").asText()).isEqualTo(caseId);
        assertThat(v.get("events").asInt()).isEqualTo(3);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("firstBadSeq").isNull()).isTrue();
        assertThat(v.get("reason").isNull()).isTrue();
    }

    @Test
    void auditorsAndAdminsVerifyEveryCaseStartedInAPeriodAndSeeTheForgedOnes() {
        String a = transferredCase("2019-05-20");
        String b = transferredCase("2019-05-21");
        String forged = transferredCase("2019-05-21");
        transferredCase("2019-05-22"); // outside the period
        tx.executeWithoutResult(s -> {
            jdbc.execute("alter table case_event disable trigger case_event_append_only");
            jdbc.update("update case_event set source = '/units/30' where case_id = ? and seq = 2", forged);
            jdbc.execute("alter table case_event enable trigger case_event_append_only");
        });

        JsonNode verified = json(http.get("/api/cases/" + forged + "/events/verify", "auditor"));
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("firstBadSeq").asLong()).isEqualTo(2);

        for (String user : List.of("auditor", "admin")) {
            var response = http.postJson("/api/audit/verify", user, "{\"from\":\"2019-05-20\",\"to\":\"2019-05-21\"}");
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            JsonNode report = json(response);
            assertThat(report.get("cases").asInt()).isEqualTo(3);
            assertThat(report.get("events").asInt()).isEqualTo(9);
            assertThat(report.get("validCases").asInt()).isEqualTo(2);
            assertThat(report.get("invalidCases")).hasSize(1);
            JsonNode bad = report.get("invalidCases").get(0);
            assertThat(bad.get("caseId").asText()).isEqualTo(forged);
            assertThat(bad.get("firstBadSeq").asLong()).isEqualTo(2);
            assertThat(bad.get("reason").asText()).contains("hosohash");
        }
        assertThat(List.of(a, b)).allSatisfy(c -> assertThat(log.verify(c).valid()).isTrue());
    }

    @Test
    void onlyAuditorsAndAdminsMayVerifyAPeriod() {
        String period = "{\"from\":\"2019-05-20\",\"to\":\"2019-05-21\"}";
        assertProblem(http.postJson("/api/audit/verify", "officer.10507", period), 403);
        assertProblem(http.postJson("/api/audit/verify", "leader.30", period), 403);
        assertProblem(http.postJson("/api/audit/verify", null, period), 401);
    }

    @Test
    void badPeriodsAre400Problems() {
        Map<String, String> bad = Map.of(
                "{\"from\":\"2025-13-01\",\"to\":\"2025-12-31\"}", "from",
                "{\"from\":\"2025-01-01\"}", "to",
                "{\"from\":\"2025-02-01\",\"to\":\"2025-01-31\"}", "to",
                "{\"from\":20250101,\"to\":\"2025-01-31\"}", "from",
                "{\"from\":\"01/01/2025\",\"to\":\"yesterday\"}", "from");
        bad.forEach((body, field) -> {
            var response = http.postJson("/api/audit/verify", "auditor", body);
            assertProblem(response, 400);
            assertThat(json(response).get("errors").has(field)).as(body).isTrue();
        });
        assertProblem(http.postJson("/api/audit/verify", "auditor", "{not json"), 400);
        assertProblem(http.postJson("/api/audit/verify", "auditor", ""), 400);
    }

    @Test
    void theRelayMetricsAreExposedToAdministrators() {
        transferredCase("2025-03-07");
        var metrics = http.get("/actuator/prometheus", "admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hoso_events_written_total{", "type=\"vn.hoso.case.transferred\"",
                "hoso_events_relayed_total{", "hoso_events_relay_lag_seconds ", "hoso_events_relay_pending ",
                "hoso_events_relay_delay_seconds_count{", "hoso_events_relay_failures_total{");
        assertThat(http.get("/actuator/prometheus", "auditor").statusCode()).isEqualTo(403);
    }
}
