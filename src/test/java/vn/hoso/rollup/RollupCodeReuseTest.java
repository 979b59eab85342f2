package vn.hoso.rollup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * A reused code in access: {@code 10546} is Phường Phả Lại under the district 290 (Thành phố Chí Linh) until
 * 2025-06-30 and Phường Chí Linh directly under the city 31 from 2025-07-01. The leader of the abolished district reads
 * the old ward's figures and nothing of the new ward's; the city's leader the other way round; the code's own leader
 * both. Cases on 2025-06-16 and 2025-07-16, dates and unit no other test writes into.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupCodeReuseTest {

    static final String CODE = "10546";
    static final String PERIOD = "from=2025-06-10&to=2025-07-20";
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String DISTRICT_LEADER = "leader.290";
    static final String CITY_LEADER = "leader.31";

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;

    Http http;
    CaseEventsFixture fixture;
    final List<String> oldWard = new ArrayList<>();
    final List<String> newWard = new ArrayList<>();

    @BeforeAll
    void produce() {
        http = new Http(port);
        fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()));
        for (int i = 0; i < 3; i++) {
            oldWard.add(fixture.singleSegment(CODE, "COMMUNE", OffsetDateTime.of(2025, 6, 16, 10, i, 0, 0, VN), i < 2,
                    "PROCEDURE").send().caseId);
        }
        for (int i = 0; i < 2; i++) {
            newWard.add(fixture.singleSegment(CODE, "COMMUNE", OffsetDateTime.of(2025, 7, 16, 10, i, 0, 0, VN), true,
                    "PROCEDURE").send().caseId);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(caseIds(segments("auditor"))).containsAll(oldWard).containsAll(newWard));
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    private JsonNode segments(String user) {
        var response = http.get("/api/rollups/units/" + CODE + "/segments?" + PERIOD, user);
        assertThat(response.statusCode()).as(user).isEqualTo(200);
        return json(response).path("segments");
    }

    private static List<String> caseIds(JsonNode segments) {
        List<String> ids = new ArrayList<>();
        segments.forEach(s -> ids.add(s.path("caseId").asText()));
        return ids;
    }

    @Test
    void theLeaderOfTheAbolishedDistrictReadsTheOldWardsSegmentsOnly() {
        JsonNode segments = segments(DISTRICT_LEADER);
        assertThat(caseIds(segments)).containsAll(oldWard).doesNotContainAnyElementsOf(newWard);
        segments.forEach(s -> assertThat(LocalDate.parse(s.path("closedOn").asText())).isBefore(REFORM));
        assertThat(json(http.get("/api/rollups/units/" + CODE + "/segments?" + PERIOD, DISTRICT_LEADER))
                .path("total").asLong()).isEqualTo(segments.size());

        // and the city's leader the other way round
        assertThat(caseIds(segments(CITY_LEADER))).containsAll(newWard).doesNotContainAnyElementsOf(oldWard);
        // the code's own leader (its groups are named by the code) reads both
        assertThat(caseIds(segments("leader." + CODE))).containsAll(oldWard).containsAll(newWard);
        // a period wholly after the reform: the district leader reads nothing of the code
        var after = http.get("/api/rollups/units/" + CODE + "/segments?from=2025-07-01&to=2025-07-20", DISTRICT_LEADER);
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(Http.contentType(after)).startsWith("application/problem+json");
    }

    @Test
    void theSegmentExportsLeaveTheOtherVersionOut() {
        var csv = RollupTestSupport.bytes(port, "/api/rollups/units/" + CODE + "/segments?format=csv&" + PERIOD,
                DISTRICT_LEADER, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(oldWard);
        newWard.forEach(id -> assertThat(text).doesNotContain(id));

        var xlsx = RollupTestSupport.bytes(port, "/api/rollups/units/" + CODE + "/segments?format=xlsx&" + PERIOD,
                DISTRICT_LEADER, null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        String cells = cellText(xlsx.body());
        assertThat(cells).contains(oldWard).contains("Phường Phả Lại").doesNotContain("Phường Chí Linh");
        newWard.forEach(id -> assertThat(cells).doesNotContain(id));
    }

    @Test
    void unitRowsAreThoseOfTheVersionsTheCallerReads() {
        JsonNode all = json(http.get("/api/rollups/units?unit=" + CODE + "&" + PERIOD, "auditor"));
        assertThat(all).extracting(r -> r.path("validFrom").asText()).contains(REFORM.toString());
        JsonNode oldRow = null;
        for (JsonNode r : all) {
            if (!r.path("validFrom").asText().equals(REFORM.toString())) {
                oldRow = r;
            }
        }
        assertThat(oldRow).isNotNull();
        assertThat(oldRow.path("parentCode").asText()).isEqualTo("290");

        JsonNode mine = json(http.get("/api/rollups/units?unit=" + CODE + "&" + PERIOD, DISTRICT_LEADER));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("unitName").asText()).isEqualTo("Phường Phả Lại");
        assertThat(mine.get(0).path("segments").asLong()).isEqualTo(oldRow.path("segments").asLong())
                .isGreaterThanOrEqualTo(oldWard.size());
        var csv = http.get("/api/rollups/units?unit=" + CODE + "&format=csv&" + PERIOD, DISTRICT_LEADER);
        assertThat(csv.body()).contains("Phường Phả Lại").doesNotContain("Phường Chí Linh");
    }

    @Test
    void theTrendCountsOnlyTheDaysOfTheVersionsTheCallerReads() {
        JsonNode mine = json(http.get("/api/rollups/trend?unit=" + CODE + "&" + PERIOD, DISTRICT_LEADER))
                .path("series").get(0);
        JsonNode all = json(http.get("/api/rollups/trend?unit=" + CODE + "&" + PERIOD, "auditor"))
                .path("series").get(0);
        assertThat(mine.path("unitName").asText()).isEqualTo("Phường Phả Lại");
        assertThat(month(all, "2025-07").path("segments").asLong()).isGreaterThanOrEqualTo(newWard.size());
        assertThat(month(mine, "2025-07").path("segments").asLong()).isZero();
        assertThat(month(mine, "2025-06").path("segments").asLong())
                .isEqualTo(month(all, "2025-06").path("segments").asLong()).isGreaterThanOrEqualTo(oldWard.size());
        var csv = http.get("/api/rollups/trend?unit=" + CODE + "&format=csv&" + PERIOD, DISTRICT_LEADER);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Phường Phả Lại").doesNotContain("Phường Chí Linh");
    }

    @Test
    void theReportCountsOnlyTheCasesTheCallersVersionsReceived() {
        JsonNode all = reportRow("auditor", PERIOD);
        JsonNode june = reportRow("auditor", "from=2025-06-10&to=2025-06-30");
        JsonNode mine = reportRow(DISTRICT_LEADER, PERIOD);
        assertThat(mine.path("received").asLong()).isEqualTo(june.path("received").asLong())
                .isGreaterThanOrEqualTo(oldWard.size());
        assertThat(all.path("received").asLong() - mine.path("received").asLong()).isEqualTo(newWard.size());
        assertThat(mine.path("unitName").asText()).isEqualTo("Phường Phả Lại");
        assertThat(mine.path("parentCode").asText()).isEqualTo("290");
        assertThat(all.path("unitName").asText()).isEqualTo("Phường Chí Linh");

        // the whole report (no unit filter) says the same of the code
        JsonNode rows = json(http.get("/api/rollups/report/units?" + PERIOD, DISTRICT_LEADER));
        JsonNode inWhole = null;
        for (JsonNode r : rows) {
            if (r.path("unitCode").asText().equals(CODE)) {
                inWhole = r;
            }
        }
        assertThat(inWhole).isNotNull();
        assertThat(inWhole.path("received").asLong()).isEqualTo(mine.path("received").asLong());
        var csv = http.get("/api/rollups/report/units?unit=" + CODE + "&format=csv&" + PERIOD, DISTRICT_LEADER);
        assertThat(csv.body()).contains("Phường Phả Lại").doesNotContain("Phường Chí Linh");

        // the city's leader counts the new ward's cases only
        assertThat(reportRow(CITY_LEADER, PERIOD).path("received").asLong())
                .isEqualTo(all.path("received").asLong() - june.path("received").asLong())
                .isGreaterThanOrEqualTo(newWard.size());
    }

    private JsonNode reportRow(String user, String period) {
        var response = http.get("/api/rollups/report/units?unit=" + CODE + "&" + period, user);
        assertThat(response.statusCode()).as(user).isEqualTo(200);
        JsonNode rows = json(response);
        assertThat(rows).as(user + " " + period).hasSize(1);
        return rows.get(0);
    }

    private static JsonNode month(JsonNode series, String month) {
        for (JsonNode p : series.path("points")) {
            if (p.path("month").asText().equals(month)) {
                return p;
            }
        }
        throw new AssertionError("no " + month + " in " + series);
    }

    private static String cellText(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        text.append(cell.getStringCellValue()).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
