package vn.hoso.rollup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.infra.Http.json;

/**
 * On-time figures, progress score and Biểu II.06a columns for commune 10558 (Xã Bắc An) in August 2022, a unit and
 * month only this test writes into, from nine cases whose fate is known.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressReportTest {

    static final String PERIOD = "from=2022-08-01&to=2022-08-31";
    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String UNIT = "10558";

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    Http http;
    CaseEventsFixture fixture;

    static OffsetDateTime day(int month, int day) {
        return OffsetDateTime.of(2022, month, day, 9, 0, 0, 0, VN);
    }

    @BeforeAll
    void produce() {
        http = new Http(port);
        fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()));
        // carried over, still open at the end, due 4/8: in progress, late
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(7, 25), 10).step("receive", "ELECTRONIC", 1).send();
        // carried over, finished 3/8 early
        fixture.newCase("PROCEDURE", "IN_PERSON", UNIT, "COMMUNE", day(7, 28), 10).step("receive", "ELECTRONIC", 1)
                .resolve("APPROVED", "EARLY", 6 * 24).send();
        // received in August: online early, in person on time, by post late
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(8, 10), 10).step("receive", "ELECTRONIC", 1)
                .resolve("APPROVED", "EARLY", 2 * 24).send();
        fixture.newCase("PROCEDURE", "IN_PERSON", UNIT, "COMMUNE", day(8, 11), 9).step("receive", "ELECTRONIC", 1)
                .resolve("REJECTED", "ON_TIME", 9 * 24).send();
        fixture.newCase("PROCEDURE", "POST", UNIT, "COMMUNE", day(8, 12), 5).step("receive", "PAPER", 1)
                .resolve("APPROVED", "LATE", 18 * 24).send();
        // two supplementation requests: late whatever the resolved event says
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(8, 15), 10).step("receive", "ELECTRONIC", 1)
                .supplementation(1).supplementation(2).resolve("APPROVED", "EARLY", 5 * 24).send();
        // received 20/8, due 10/9, open at the end: in progress within time
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(8, 20), 21).step("receive", "ELECTRONIC", 1).send();
        // finished before the period, and received after it: not counted
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(7, 1), 10).step("receive", "ELECTRONIC", 1)
                .resolve("APPROVED", "EARLY", 19 * 24).send();
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(9, 2), 10).step("receive", "ELECTRONIC", 1).send();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                row(json(http.get("/api/rollups/report/units?tier=COMMUNE&unit=" + UNIT + "&" + PERIOD, "auditor")))
                        .path("received").asLong() == 7
                        && row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor")))
                        .path("finished").asLong() == 5);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    static JsonNode row(JsonNode rows) {
        return rows.size() == 0 ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : rows.get(0);
    }

    @Test
    void theStatutoryReportCountsReceivedFinishedAndInProgressCasesAndTheProgressScore() {
        JsonNode r = row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor")));
        assertThat(r.path("unitName").asText()).isEqualTo("Xã Bắc An");
        assertThat(r.path("received").asLong()).isEqualTo(7);
        assertThat(r.path("receivedOnline").asLong()).isEqualTo(3);
        assertThat(r.path("receivedInPersonOrPost").asLong()).isEqualTo(2);
        assertThat(r.path("carriedOver").asLong()).isEqualTo(2);
        assertThat(r.path("finished").asLong()).isEqualTo(5);
        assertThat(r.path("finishedEarly").asLong()).isEqualTo(2);
        assertThat(r.path("finishedOnTime").asLong()).isEqualTo(1);
        assertThat(r.path("finishedLate").asLong()).isEqualTo(2);
        assertThat(r.path("inProgress").asLong()).isEqualTo(2);
        assertThat(r.path("inProgressWithinTime").asLong()).isEqualTo(1);
        assertThat(r.path("inProgressLate").asLong()).isEqualTo(1);
        // (2 early + 1 on time + 1 within time) / 7
        assertThat(r.path("progressRate").asDouble()).isEqualTo(0.571429);
        assertThat(r.path("progressScore").asDouble()).isEqualTo(11.43);
    }

    @Test
    void theTierReportIncludesTheUnitAndExportsWithTheStatutoryHeaders() {
        JsonNode tiers = json(http.get("/api/rollups/report/tiers?" + PERIOD, "auditor"));
        assertThat(tiers).extracting(t -> t.path("tier").asText()).containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        assertThat(tiers.get(2).path("received").asLong()).isGreaterThanOrEqualTo(7);
        var csv = RollupTestSupport.bytes(port, "/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor",
                "text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Từ kỳ trước chuyển qua", "Đã giải quyết: Trước hạn", "Đang giải quyết: Trong hạn",
                "Điểm tiến độ (tối đa 20)", ",Xã Bắc An,", ",11.43");
        assertThat(http.get("/api/rollups/report/tiers?" + PERIOD, "officer.290").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "officer.288").statusCode())
                .isEqualTo(403);
        assertThat(row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "officer.290")))
                .path("received").asLong()).isEqualTo(7);
    }
}
