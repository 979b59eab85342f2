package vn.hoso.rollup;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Browser;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.infra.Http.json;
import static vn.hoso.rollup.RollupTestSupport.byTier;
import static vn.hoso.rollup.RollupTestSupport.get;

/**
 * An auditor in a real (headless) Chromium: logs in, opens the dashboard for 2023 (a year only this test writes
 * into), sees the three tier gauges with their targets and figures, drills into district 288 and downloads the Excel
 * file. Saves target/screenshots/dashboard.png. Chromium and ChromeDriver come from Debian (chromium,
 * chromium-driver); paths can be set with -Dhoso.chromium and -Dhoso.chromedriver.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate TO = LocalDate.of(2023, 12, 31);
    static final String PERIOD = "from=" + FROM + "&to=" + TO;

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;

    Http http;
    Map<String, long[]> expected;
    final Map<String, Long> received = new HashMap<>();
    Browser browser;
    WebDriver driver;
    Path downloads;

    @BeforeAll
    void produceAYearOfCasesAndStartTheBrowser() throws Exception {
        http = new Http(port);
        try (CaseEventsFixture fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()))) {
            Random random = new Random(2023);
            Map<String, Double> units = new HashMap<>();
            units.put("PROVINCE/30", 0.82);
            units.put("DISTRICT/288", 0.78);
            units.put("DISTRICT/290", 0.62);
            units.put("DISTRICT/291", 0.84);
            units.put("DISTRICT/292", 0.70);
            units.put("COMMUNE/10507", 0.72);
            units.put("COMMUNE/10510", 0.55);
            units.put("COMMUNE/10519", 0.66);
            units.put("COMMUNE/10546", 0.45);
            units.put("COMMUNE/10549", 0.60);
            units.put("COMMUNE/10606", 0.74);
            for (int month = 1; month <= 12; month++) {
                for (var unit : units.entrySet()) {
                    String[] tu = unit.getKey().split("/");
                    double p = Math.min(0.98, unit.getValue() + month * 0.012);
                    int n = tu[0].equals("PROVINCE") ? 8 : 4;
                    for (int i = 0; i < n; i++) {
                        var at = OffsetDateTime.of(2023, month, 1 + random.nextInt(27), 9 + random.nextInt(8),
                                random.nextInt(60), 0, 0, VN);
                        boolean online = random.nextDouble() < p;
                        var c = fixture.newCase(random.nextInt(3) == 0 ? "WORK" : "PROCEDURE",
                                online ? "ONLINE" : random.nextBoolean() ? "IN_PERSON" : "POST", tu[1], tu[0], at, 7)
                                .step("receive", online ? "ELECTRONIC" : "PAPER", 1).step("appraise", "ELECTRONIC", 20);
                        double fate = random.nextDouble();
                        if (month < 12 || fate < 0.7) { // some cases of December are still in progress
                            c.resolve("APPROVED", fate < 0.6 ? "EARLY" : fate < 0.85 ? "ON_TIME" : "LATE", 24);
                        }
                        c.send();
                    }
                }
            }
            expected = fixture.countSegments(FROM, TO);
            // Biểu II.06a counts procedure dossiers only: work files have their own view
            fixture.produced.stream().filter(e -> e.path("type").asText().equals("vn.hoso.case.received")
                            && e.path("data").path("kind").asText().equals("PROCEDURE"))
                    .forEach(e -> received.merge(e.path("data").path("tier").asText(), 1L, Long::sum));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, long[]> tiers = byTier(json(http.get("/api/rollups/tiers?" + PERIOD, "auditor")));
            for (String tier : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
                assertThat(get(tiers, tier)).as(tier).containsExactly(get(expected, tier));
            }
        });

        browser = Browser.headless(1440, 2700);
        driver = browser.driver;
        downloads = browser.downloads;
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebDriverWait waiting() {
        return browser.waiting();
    }

    @Test
    void anAuditorSeesTheTierGaugesDrillsIntoADistrictAndDownloadsTheExcelFile() throws Exception {
        try {
            auditorJourney();
        } catch (Exception | AssertionError e) {
            browser.keepFailureEvidence("dashboard");
            throw e;
        }
    }

    private void auditorJourney() throws Exception {
        String base = "http://localhost:" + port;
        driver.get(base + "/dashboard/");
        // not logged in: the Vietnamese login form, with its CSRF token
        waiting().until(d -> d.getCurrentUrl().endsWith("/dashboard/login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        driver.findElement(By.id("username")).sendKeys("auditor");
        driver.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.findElement(By.id("user-name")).getText()).contains("auditor");

        // the period picker: 2023
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];", FROM.toString(), TO.toString());
        driver.findElement(By.id("apply")).click();
        waiting().until(d -> d.findElement(By.id("period-label")).getText().contains("01/01/2023 – 31/12/2023")
                && d.findElements(By.cssSelector("#gauges .gauge")).size() == 3
                && !d.findElements(By.cssSelector("#league tbody tr[data-unit='288']")).isEmpty());
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();

        List<WebElement> gauges = driver.findElements(By.cssSelector("#gauges .gauge"));
        assertThat(gauges).extracting(g -> g.getDomAttribute("data-tier"))
                .containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        Map<String, String> targets = Map.of("PROVINCE", "0.9", "DISTRICT", "0.8", "COMMUNE", "0.7");
        for (WebElement gauge : gauges) {
            String tier = gauge.getDomAttribute("data-tier");
            WebElement target = gauge.findElement(By.cssSelector(".target"));
            assertThat(Double.parseDouble(target.getDomAttribute("data-target")))
                    .isEqualTo(Double.parseDouble(targets.get(tier)));
            assertThat(target.getText()).startsWith("Chỉ tiêu ").contains(targets.get(tier).substring(2) + "0");
            long[] e = get(expected, tier);
            assertThat(gauge.findElement(By.cssSelector(".counts")).getText().replace(".", ""))
                    .startsWith(e[1] + " / " + e[0]);
            // the gauge is a Chart.js chart, drawn
            assertThat((Boolean) js.executeScript("return Chart.getChart(arguments[0]) !== undefined;",
                    gauge.findElement(By.tagName("canvas")))).isTrue();
        }
        assertThat((Boolean) js.executeScript("return Chart.getChart(document.getElementById('trend-chart'))"
                + ".data.labels.length === 12;")).isTrue();

        // the progress report per tier: every case of this year was received at one unit of the tier
        List<WebElement> report = driver.findElements(By.cssSelector("#report tbody tr"));
        assertThat(report).extracting(r -> r.getDomAttribute("data-tier"))
                .containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        assertThat(report.get(1).findElements(By.tagName("td")).get(1).getText().replace(".", ""))
                .as("procedure dossiers only: the work files have their own view").isEqualTo(
                        String.valueOf(received.get("DISTRICT")));
        // the legal wording (issue 12): the report is titled for procedures, refusals have their own column
        assertThat(driver.findElement(By.id("report-kind")).getText())
                .isEqualTo("Tiến độ giải quyết thủ tục hành chính");
        assertThat(driver.findElement(By.cssSelector("#report thead")).getText())
                .contains("Từ chối tiếp nhận (Mẫu 03)");
        assertThat(driver.findElement(By.id("period-label")).getText())
                .contains("mọi loại hồ sơ (thủ tục hành chính và công việc)");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Chưa đạt", "Xử lý trực tuyến")
                .contains("Xử lý trên môi trường mạng");

        // the league table, worst first: district 290 (lowest rate) comes before 288
        List<String> order = driver.findElements(By.cssSelector("#league tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-unit")).toList();
        assertThat(order.indexOf("290")).isLessThan(order.indexOf("291"));

        // drill into district 288
        driver.findElement(By.cssSelector("#league tbody tr[data-unit='288']")).click();
        waiting().until(d -> d.findElement(By.id("drill")).isDisplayed()
                && !d.findElements(By.cssSelector("#drill-segments tbody tr")).isEmpty());
        assertThat(driver.findElement(By.id("drill-title")).getText()).contains("Thành phố Hải Dương", "288");
        assertThat(driver.findElements(By.cssSelector("#drill-children tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-unit")).toList()).contains("10507", "10510", "10519");
        assertThat(driver.findElement(By.id("drill-count")).getText()).contains(String.valueOf(get(expected, "DISTRICT/288")[0]));

        js.executeScript("window.scrollTo(0, 0);");
        browser.screenshot("dashboard");

        // download the district's Excel file
        driver.findElement(By.id("drill-xlsx")).click();
        Path[] file = new Path[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(downloads)) {
                file[0] = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
            }
            return file[0] != null;
        });
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file[0])))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("288", "Thành phố Hải Dương");
            assertThat(sheet.getLastRowNum() - 3).isEqualTo((int) get(expected, "DISTRICT/288")[0]);
        }
    }
}
