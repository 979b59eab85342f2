package vn.hoso.citizens;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Browser;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.clockAt;

/**
 * The public lookup: the right code and PIN answer status, appointment date, what to do and the timeline, with
 * nothing personal; a wrong PIN and an unknown code get the very same answer; the 21st failure of a client in the
 * window is 429. And the page /tra-cuu in a phone-sized headless Chromium (target/screenshots/tra-cuu-phone.png).
 */
@IntegrationTest
class PublicLookupTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    Http http;
    CaseDriver driver;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
        clockAt("2026-03-02T09:05:00+07:00");
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    /** A building permit at Phường Thành Đông, received, appraised, sent back for supplementation. */
    private JsonNode caseWaitingForSupplementation() {
        var response = driver.post(CitizenIntakeAndReceiptTest.withContact("hoa@example.vn", null), "officer.10507");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode received = Http.json(response);
        String caseId = received.get("caseId").asText();
        clockAt("2026-03-02T10:30:00+07:00");
        driver.complete(caseId, "receive", "officer.10507");
        clockAt("2026-03-02T14:00:00+07:00");
        driver.complete(caseId, "appraise", "officer.10507", Map.of("outcome", "SUPPLEMENT"));
        return received;
    }

    @Test
    void theRightPinShowsStatusDueDateWhatToDoAndTheTimelineWithNothingPersonal() {
        JsonNode received = caseWaitingForSupplementation();
        String code = received.get("code").asText();
        String pin = received.get("pin").asText();

        var response = http.get("/api/public/cases/" + code + "?pin=" + pin.toLowerCase(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode view = Http.json(response);
        assertThat(view.get("code").asText()).isEqualTo(code);
        assertThat(view.get("procedure").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(view.get("receivingUnit").asText()).isEqualTo("Phường Thành Đông");
        assertThat(view.get("receivedOn").asText()).isEqualTo("2026-03-02");
        // a same-day procedure received at 09:05 (Luật Hộ tịch 2014 Art. 16)
        assertThat(view.get("appointmentDate").asText()).isEqualTo("2026-03-02");
        assertThat(view.get("status").asText()).isEqualTo("SUPPLEMENTATION_REQUESTED");
        assertThat(view.get("statusText").asText()).isEqualTo("Chờ người nộp bổ sung hồ sơ");
        assertThat(view.get("action").asText()).isEqualTo("SUPPLEMENT");
        assertThat(view.get("actionText").asText()).contains("bổ sung hồ sơ").contains("Phường Thành Đông");
        assertThat(view.get("timeline")).hasSize(3);
        assertThat(view.get("timeline").get(0).toString()).contains("\"date\":\"2026-03-02\"")
                .contains("\"time\":\"09:05\"").contains("Phường Thành Đông").contains("Tiếp nhận hồ sơ");
        assertThat(view.get("timeline").get(1).get("text").asText()).isEqualTo("Thẩm định hồ sơ");
        assertThat(view.get("timeline").get(2).get("text").asText()).isEqualTo("Yêu cầu bổ sung hồ sơ");
        assertThat(response.body()).doesNotContain("Nguyễn").doesNotContain("030195004321")
                .doesNotContain("example.vn").doesNotContain("officer").doesNotContain("leader")
                .doesNotContain("caseId").doesNotContain(received.get("caseId").asText()).doesNotContain("subject");
    }

    @Test
    void aWrongPinIsAnsweredExactlyLikeAMissingCase() {
        JsonNode received = caseWaitingForSupplementation();
        String code = received.get("code").asText();
        String other = "99999-260302-0001"; // never issued
        var wrongPin = http.get("/api/public/cases/" + code + "?pin=ABCD-EFGH", null);
        var missing = http.get("/api/public/cases/" + other + "?pin=ABCD-EFGH", null);
        var noPin = http.get("/api/public/cases/" + code, null);
        var malformedPin = http.get("/api/public/cases/" + code + "?pin=%27%20or%201=1--", null);
        for (HttpResponse<String> r : java.util.List.of(wrongPin, missing, noPin, malformedPin)) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(Http.contentType(r)).isEqualTo(Http.contentType(missing)).startsWith("application/problem+json");
        }
        assertThat(wrongPin.body().replace(code, "X")).isEqualTo(missing.body().replace(other, "X"));
        assertThat(noPin.body().replace(code, "X")).isEqualTo(missing.body().replace(other, "X"));
        assertThat(missing.body()).contains("Không tìm thấy hồ sơ");
        // the public side does not lead into the rest of the API
        assertThat(http.get("/api/cases/" + received.get("caseId").asText(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePublicPathLeadsNowhereElse() {
        JsonNode received = caseWaitingForSupplementation();
        String caseId = received.get("caseId").asText();
        var raw = new vn.hoso.infra.RawHttp(port);
        for (String target : new String[] {"/api/public/../cases/" + caseId, "/api/public/%2e%2e/cases/" + caseId,
                "/api/public/cases/..%2f..%2fcases%2f" + caseId, "/api/public/cases/%2e%2e%2f" + caseId,
                "/tra-cuu/../api/cases/" + caseId, "/api/public;x=1/../cases/" + caseId}) {
            var r = raw.send("GET", target, null);
            assertThat(r.status()).as(target).isIn(400, 401, 404);
            assertThat(r.body()).as(target).doesNotContain("Nguyễn").doesNotContain("receivingUnit");
        }
        // only reading: other methods are not allowed
        var post = raw.send("POST", "/api/public/cases/" + received.get("code").asText() + "?pin="
                + received.get("pin").asText(), new byte[0]);
        assertThat(post.status()).isIn(403, 405);
    }

    @Test
    void theTwentyFirstFailureOfAClientInTheWindowIs429AndOtherClientsGoOn() throws Exception {
        JsonNode received = caseWaitingForSupplementation();
        String code = received.get("code").asText();
        String pin = received.get("pin").asText();
        // this test's client connects from 127.0.0.2 (all of 127/8 is loopback), so its count is its own
        for (int i = 1; i <= 20; i++) {
            String[] r = fromOtherClient("/api/public/cases/" + code + "?pin=AAAA-AAA" + (i % 8 + 2));
            assertThat(r[0]).as("failure %d", i).contains(" 404 ");
        }
        String[] limited = fromOtherClient("/api/public/cases/" + code + "?pin=BBBB-BBBB");
        assertThat(limited[0]).contains(" 429 ");
        assertThat(limited[1]).containsIgnoringCase("Content-Type: application/problem+json");
        var retryAfter = java.util.regex.Pattern.compile("(?i)Retry-After: (\\d+)").matcher(limited[1]);
        assertThat(retryAfter.find()).isTrue();
        assertThat(Long.parseLong(retryAfter.group(1))).isBetween(1L, 300L);
        // held back even with the right PIN: nothing is looked up for it any more
        assertThat(fromOtherClient("/api/public/cases/" + code + "?pin=" + pin)[0]).contains(" 429 ");
        // another client is not affected
        assertThat(http.get("/api/public/cases/" + code + "?pin=" + pin, null).statusCode()).isEqualTo(200);
    }

    /** GET from the local address 127.0.0.2: {status line, head}. */
    private String[] fromOtherClient(String target) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"),
                0)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int endOfHead = answer.indexOf("\r\n\r\n");
            return new String[] {answer.substring(0, answer.indexOf("\r\n")), answer.substring(0, endOfHead)};
        }
    }

    @Test
    void thePageWorksOnAPhone() {
        JsonNode received = caseWaitingForSupplementation();
        String code = received.get("code").asText();
        String pin = received.get("pin").asText();
        try (Browser browser = Browser.headless(390, 844)) {
            try {
                // a phone's screen: 390 × 844 CSS pixels at 2 device pixels each, touch, mobile layout
                ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                        "width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
                // as the receipt's QR code opens it: the code in the query, the PIN in the fragment
                browser.driver.get("http://localhost:" + port + "/tra-cuu?code=" + code + "#pin=" + pin);
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
                assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Chờ người nộp bổ sung hồ sơ");
                assertThat(browser.driver.findElement(By.id("r-due")).getText()).isEqualTo("02/03/2026");
                assertThat(browser.driver.findElement(By.id("action-text")).getText()).contains("bổ sung hồ sơ");
                assertThat(browser.driver.findElements(By.cssSelector("#timeline li"))).hasSize(3);
                assertThat(browser.driver.getCurrentUrl()).doesNotContain(pin); // the PIN left the address bar
                JavascriptExecutor js = (JavascriptExecutor) browser.driver;
                assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
                assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("no sideways scrolling on a phone")
                        .isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).intValue());
                browser.screenshot("tra-cuu-phone");
                js.executeScript("document.getElementById('timeline').scrollIntoView()");
                browser.screenshot("tra-cuu-phone-timeline");

                // typing a wrong PIN by hand
                browser.driver.get("http://localhost:" + port + "/tra-cuu");
                browser.driver.findElement(By.id("code")).sendKeys(code);
                browser.driver.findElement(By.id("pin")).sendKeys("ZZZZ-ZZZZ");
                browser.driver.findElement(By.id("submit")).click();
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
                assertThat(browser.driver.findElement(By.id("message")).getText()).contains("Không tìm thấy hồ sơ");
                assertThat(browser.driver.findElement(By.id("result")).isDisplayed()).isFalse();
                browser.screenshot("tra-cuu-phone-not-found");
            } catch (AssertionError | RuntimeException e) {
                browser.keepFailureEvidence("tra-cuu-phone");
                throw e;
            }
        }
    }
}
