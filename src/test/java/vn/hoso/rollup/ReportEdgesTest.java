package vn.hoso.rollup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
 * The edges of Biểu II.06a and the progress score (issue 12), from events, at commune 10561 (Xã Hưng Đạo) in March
 * 2023, a unit and month only this test writes into: a Mẫu 04 apology makes a case late whatever its new date,
 * finished or not; a file refused at reception (Mẫu 03) is neither received nor finished and has its own column; the
 * report counts procedure dossiers only unless work files are asked for.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEdgesTest {

    static final String PERIOD = "from=2023-03-01&to=2023-03-31";
    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String UNIT = "10561";

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    Http http;
    CaseEventsFixture fixture;

    static OffsetDateTime day(int day) {
        return OffsetDateTime.of(2023, 3, day, 9, 0, 0, 0, VN);
    }

    @BeforeAll
    void produce() {
        http = new Http(port);
        fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()));
        // due 11/3, apologised with the new date 31/3 (the period's last day), still open: late, not within time
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(1), 10).step("receive", "ELECTRONIC", 1)
                .apology(LocalDate.of(2023, 3, 31)).send();
        // apologised, then finished before its new date: late whatever the resolved event says
        fixture.newCase("PROCEDURE", "IN_PERSON", UNIT, "COMMUNE", day(2), 5).step("receive", "ELECTRONIC", 1)
                .apology(LocalDate.of(2023, 3, 20)).resolve("APPROVED", "EARLY", 24 * 10).send();
        // refused at reception (Mẫu 03): not received, not finished early, counted as refused
        fixture.newCase("PROCEDURE", "IN_PERSON", UNIT, "COMMUNE", day(3), 5).refuse(1).send();
        // returned incomplete at reception (Mẫu 02): the clock never started, counted nowhere
        fixture.newCase("PROCEDURE", "ONLINE", UNIT, "COMMUNE", day(3), 5).returnIncomplete(1).send();
        // finished early: the control
        fixture.newCase("PROCEDURE", "POST", UNIT, "COMMUNE", day(6), 10).step("receive", "PAPER", 1)
                .resolve("APPROVED", "EARLY", 24 * 2).send();
        // a work file, open and within time: never in the default report, alone in the work files' view
        fixture.newCase("WORK", "ONLINE", UNIT, "COMMUNE", day(7), 30).step("receive", "ELECTRONIC", 1).send();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor")))
                        .path("refused").asLong() == 1
                        && row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor")))
                        .path("finished").asLong() == 2
                        && row(json(http.get("/api/rollups/report/units?kind=WORK&unit=" + UNIT + "&" + PERIOD,
                        "auditor"))).path("received").asLong() == 1);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    static JsonNode row(JsonNode rows) {
        return rows.size() == 0 ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : rows.get(0);
    }

    @Test
    void anApologisedCaseIsLateFinishedOrNotARefusalIsNotReceivedAndWorkFilesStayOut() {
        JsonNode r = row(json(http.get("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor")));
        assertThat(r.path("received").asLong())
                .as("the refusal, the file returned with Mẫu 02 and the work file are not received dossiers")
                .isEqualTo(3);
        assertThat(r.path("receivedOnline").asLong()).isEqualTo(1);
        assertThat(r.path("receivedInPersonOrPost").asLong()).isEqualTo(2);
        assertThat(r.path("refused").asLong()).isEqualTo(1);
        assertThat(r.path("finished").asLong()).isEqualTo(2);
        assertThat(r.path("finishedEarly").asLong()).as("the refusal is not finished early").isEqualTo(1);
        assertThat(r.path("finishedOnTime").asLong()).isZero();
        assertThat(r.path("finishedLate").asLong()).as("apologised, then finished").isEqualTo(1);
        assertThat(r.path("inProgress").asLong()).isEqualTo(1);
        assertThat(r.path("inProgressWithinTime").asLong()).as("the apology's new date is not 'within time'")
                .isZero();
        assertThat(r.path("inProgressLate").asLong()).isEqualTo(1);
        // 766 score: 1 early of 3 received
        assertThat(r.path("progressRate").asDouble()).isEqualTo(0.333333);
        assertThat(r.path("progressScore").asDouble()).isEqualTo(6.67);

        // the same with kind=PROCEDURE said explicitly
        assertThat(row(json(http.get("/api/rollups/report/units?kind=PROCEDURE&unit=" + UNIT + "&" + PERIOD,
                "auditor")))).isEqualTo(r);
    }

    @Test
    void workFilesHaveTheirOwnView() {
        JsonNode w = row(json(http.get("/api/rollups/report/units?kind=WORK&unit=" + UNIT + "&" + PERIOD, "auditor")));
        assertThat(w.path("received").asLong()).isEqualTo(1);
        assertThat(w.path("inProgressWithinTime").asLong()).isEqualTo(1);
        assertThat(w.path("refused").asLong()).isZero();
        assertThat(titles("/api/rollups/report/units?kind=WORK&unit=" + UNIT + "&" + PERIOD))
                .contains("hồ sơ công việc").doesNotContain("Biểu II.06a/VPCP/KSTT");
    }

    /** The title and subtitle of an Excel export (its first two rows). */
    private String titles(String path) {
        var xlsx = RollupTestSupport.bytes(port, path + "&format=xlsx", "auditor", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            return sheet.getRow(0).getCell(0).getStringCellValue() + "\n"
                    + sheet.getRow(1).getCell(0).getStringCellValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theExportsNameTheRefusalColumnAndWhatIsCounted() {
        var csv = RollupTestSupport.bytes(port, "/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD, "auditor",
                "text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Từ chối tiếp nhận (Mẫu 03)", ",Xã Hưng Đạo,", ",6.67");
        assertThat(titles("/api/rollups/report/units?unit=" + UNIT + "&" + PERIOD)).contains("Biểu II.06a/VPCP/KSTT",
                "loại: hồ sơ thủ tục hành chính", "tổ chức, cá nhân", "Mẫu 04");
        assertThat(titles("/api/rollups/units?unit=" + UNIT + "&" + PERIOD)).as("the online rate says which files")
                .contains("mọi loại hồ sơ (hồ sơ thủ tục hành chính và hồ sơ công việc)");
        var units = RollupTestSupport.bytes(port, "/api/rollups/units?unit=" + UNIT + "&" + PERIOD, "auditor",
                "text/csv");
        assertThat(new String(units.body(), StandardCharsets.UTF_8)).contains("Không đạt").doesNotContain("Chưa đạt");
    }
}
