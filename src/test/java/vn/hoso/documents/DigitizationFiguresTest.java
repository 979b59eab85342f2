package vn.hoso.documents;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Browser;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.cases.CaseDriver.procedure;

/**
 * The "Số hóa hồ sơ" figures end to end: dossiers received with and without their required components as
 * documents (born digital, scanned), a result issued with and one without an electronic result document, the
 * events through Kafka into the rollups' read model, the figures in the API (JSON and CSV) for the readers of the
 * rollups only, and on the dashboard. Counts are compared before and after (the database is shared).
 */
@IntegrationTest
class DigitizationFiguresTest {

    static final String UNIT = "10714";
    static final String OFFICER = "officer." + UNIT;
    static final String LEADER = "leader." + UNIT;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    String path() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        return "/api/rollups/digitization?from=" + today + "&to=" + today;
    }

    JsonNode unitRow(Http http, String user) {
        HttpResponse<String> response = http.get(path(), user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(Http.json(response).get("units").spliterator(), false)
                .filter(r -> r.get("unitCode").asText().equals(UNIT)).findFirst()
                .orElse(JSON.createObjectNode().put("received", 0).put("digital", 0).put("scannedAtReception", 0)
                        .put("results", 0).put("electronicResults", 0));
    }

    String receive(Http http, String channel, boolean scanned, String... components) throws Exception {
        MultipartBody body = new MultipartBody().json("case",
                JSON.writeValueAsString(procedure("BIRTH_REG", UNIT, channel)));
        for (String c : components) {
            body.file("file", c + ".pdf", "application/pdf", SampleFiles.pdf()).field("component", c);
        }
        if (scanned) {
            body.field("digitizedFromPaper", "true");
        }
        HttpResponse<String> response = http.send(http.request("/api/cases", OFFICER)
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("caseId").asText();
    }

    void issue(Http http, CaseDriver driver, String caseId, boolean electronicResult) {
        driver.complete(caseId, "receive", OFFICER, Map.of("outcome", "ACCEPT"));
        driver.complete(caseId, "appraise", OFFICER, Map.of("outcome", "APPROVE"));
        driver.complete(caseId, "approve", LEADER, Map.of("outcome", "APPROVE"));
        if (electronicResult) {
            MultipartBody body = new MultipartBody().file("file", "kq.pdf", "application/pdf", SampleFiles.pdf())
                    .field("component", "KET_QUA");
            assertThat(http.send(http.request("/api/cases/" + caseId + "/documents", OFFICER)
                    .header("Content-Type", body.contentType()).POST(body.publisher()).build()).statusCode())
                    .isEqualTo(201);
        }
        driver.complete(caseId, "issue", OFFICER);
        // received and issued here: the case is resolved when the result is returned and the stay ends
        driver.complete(caseId, "returnResult", OFFICER);
    }

    @Test
    void digitalDossiersAndElectronicResultsAreCountedForTheirReaders() throws Exception {
        CaseDriver.resetClock();
        Http http = new Http(port);
        CaseDriver driver = new CaseDriver(http, taskService);
        JsonNode before = unitRow(http, "auditor");

        String online = receive(http, "ONLINE", false, "TO_KHAI", "GIAY_CHUNG_SINH");          // digital
        receive(http, "IN_PERSON", true, "TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN");     // digital, scanned
        String partial = receive(http, "IN_PERSON", true, "TO_KHAI");                           // a required one missing
        receive(http, "IN_PERSON", false);                                                       // no documents
        issue(http, driver, online, true);
        issue(http, driver, partial, false);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode after = unitRow(http, "auditor");
            assertThat(after.get("received").asLong() - before.get("received").asLong()).isEqualTo(4);
            assertThat(after.get("digital").asLong() - before.get("digital").asLong()).isEqualTo(2);
            assertThat(after.get("scannedAtReception").asLong() - before.get("scannedAtReception").asLong())
                    .isEqualTo(1);
            assertThat(after.get("results").asLong() - before.get("results").asLong()).isEqualTo(2);
            assertThat(after.get("electronicResults").asLong() - before.get("electronicResults").asLong())
                    .isEqualTo(1);
        });
        JsonNode row = unitRow(http, "auditor");
        assertThat(row.get("digitalRate").decimalValue().doubleValue())
                .isCloseTo((double) row.get("digital").asLong() / row.get("received").asLong(),
                        org.assertj.core.data.Offset.offset(0.0001));
        HttpResponse<String> all = http.get(path(), "auditor");
        assertThat(Http.json(all).get("tiers").findValuesAsText("tier")).contains("COMMUNE");

        // the unit's officer reads her unit, not the tiers; another commune's officer does not read this one
        assertThat(unitRow(http, OFFICER).get("received").asLong()).isEqualTo(row.get("received").asLong());
        assertThat(Http.json(http.get(path(), OFFICER)).get("tiers")).isEmpty();
        assertThat(Http.json(http.get(path(), "officer.10726")).get("units").findValuesAsText("unitCode"))
                .doesNotContain(UNIT);
        assertThat(http.get(path(), null).statusCode()).isEqualTo(401);

        HttpResponse<String> csv = http.get(path() + "&format=csv", "auditor");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Tỷ lệ hồ sơ số hóa", "Tỷ lệ kết quả điện tử", UNIT);

        try (Browser browser = Browser.headless(1440, 1400)) {
            browser.driver.get("http://localhost:" + port + "/dashboard/");
            browser.waiting().until(d -> d.getCurrentUrl().endsWith("/dashboard/login"));
            browser.driver.findElement(By.id("username")).sendKeys("auditor");
            browser.driver.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
            browser.driver.findElement(By.id("login-submit")).click();
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            // the dashboard opens on a period of its own choosing; look at today's
            String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('from').value = arguments[0];"
                            + "document.getElementById('to').value = arguments[0];"
                            + "document.getElementById('apply').click();", today);
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#digitization tbody tr[data-tier=COMMUNE]"))
                    .isEmpty());
            String rate = browser.driver.findElement(By.cssSelector(
                    "#digitization tbody tr[data-tier=COMMUNE] .digital-rate")).getText();
            assertThat(rate).endsWith("%");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('digitization-section').scrollIntoView({block: 'start'});");
            browser.screenshot("dashboard-digitization");
        }
    }
}
