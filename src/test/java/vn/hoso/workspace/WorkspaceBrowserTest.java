package vn.hoso.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Browser;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's day in a real headless Chromium at 1366×768, the acceptance of issue 15: a Vietnamese login page;
 * the reception counter refuses bad input with the API's message next to the field and stores nothing, then
 * receives the case; Tasklist shows it under "Việc của đơn vị tôi" in Vietnamese, without the vendor's migration
 * banner and without "Start process" / "Create task"; the counter's link to the task opens it directly after a
 * fresh login, and the officer completes it. On the way, the day at a glance: every shared filter shows its count,
 * and an overdue file stands out on its card in colour and words. Screenshots in target/screenshots/workspace-*.png. Unit 10615 is used
 * by no other test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserTest {

    static final String UNIT = "10615";
    static final String OFFICER = "officer." + UNIT;
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** English words of Tasklist's own labels that must not be left on an officer's screen. */
    static final Set<String> PROPER_NAMES = Set.of("Camunda", "Tasklist", "Cockpit", "Admin");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    List<String> english;
    CaseDriver cases;

    @BeforeAll
    void start() {
        CaseDriver.resetClock();
        cases = new CaseDriver(new Http(port), taskService);
        browser = Browser.headless(1366, 768);
        english = englishLabels();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOfficerReceivesACaseAtTheCounterAndWorksItInVietnameseTasklist() throws IOException {
        WebDriver driver = browser.driver;
        try {
            // the login page, in Vietnamese although the browser asks for nothing in particular
            driver.get(base() + "/camunda/app/tasklist/default/");
            WebElement username = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model=username]")));
            assertThat(username.getDomAttribute("placeholder")).isEqualTo("Tên đăng nhập");
            assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Đăng nhập");
            assertVietnamese("login page");
            browser.screenshot("workspace-1-login");
            logIn();

            // Tasklist: our name, Vietnamese, no banner, no Start process / Create task
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".task-filter.active")).isEmpty());
            assertThat(driver.findElement(By.cssSelector(".navbar-brand")).getText()).contains("Hồ sơ");
            assertThat(shown(".ce-eol-banner")).as("the migration banner").isFalse();
            assertThat(shown(".start-process-action")).as("Start process").isFalse();
            assertThat(shown(".create-task-action")).as("Create task").isFalse();
            browser.waiting().until(d -> shown("a.hoso-counter-link"));
            assertThat(shown("a.hoso-approvals-link")).as("bulk approval is for leaders").isFalse();

            // to the counter, from Tasklist's header
            driver.findElement(By.cssSelector("a.hoso-counter-link")).click();
            WebElement procedure = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("procedureCode")));
            assertThat(driver.switchTo().activeElement()).as("the procedure has the focus").isEqualTo(procedure);
            new Select(procedure).selectByValue("BIRTH_REG");
            // birth registration is done the same day (Luật Hộ tịch 2014 Art. 16)
            assertThat(driver.findElement(By.id("procedure-info")).getText()).contains("Thời hạn giải quyết: trong ngày")
                    .contains("nhận sau 15 giờ");
            driver.findElement(By.id("subject")).sendKeys("Đăng ký khai sinh cho cháu Trần Minh An");
            driver.findElement(By.id("applicantName")).sendKeys("Trần Thị Bình");
            WebElement idNumber = driver.findElement(By.id("applicantIdNumber"));
            idNumber.sendKeys("12345");
            int before = stored();

            // Enter checks, Esc goes back to the form
            idNumber.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")))
                    .sendKeys(Keys.ESCAPE);
            browser.waiting().until(ExpectedConditions.visibilityOf(idNumber));
            // bad input: Enter checks, Enter receives; the API refuses and says why, next to the field
            idNumber.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")))
                    .sendKeys(Keys.ENTER);
            WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#error-applicant\\.idNumber .api-message")));
            assertThat(error.getText()).isEqualTo("A citizen id number is exactly 12 digits.");
            assertThat(driver.findElement(By.id("error-applicant.idNumber")).getText())
                    .startsWith("Số định danh cá nhân gồm đúng 12 chữ số.");
            assertThat(driver.switchTo().activeElement()).as("the bad field has the focus").isEqualTo(idNumber);
            assertThat(stored()).as("nothing stored").isEqualTo(before);
            browser.screenshot("workspace-2-counter-bad-input");

            idNumber.clear();
            idNumber.sendKeys("001199012345", Keys.ENTER);
            WebElement confirm = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("confirm")));
            assertThat(driver.findElement(By.id("review-list")).getText()).contains("Trần Thị Bình", "001199012345",
                    "Đăng ký khai sinh");
            browser.screenshot("workspace-3-counter-review");
            confirm.sendKeys(Keys.ENTER);
            WebElement code = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("result-code")));
            String caseCode = code.getText();
            assertThat(caseCode).startsWith(UNIT + "-");
            assertThat(driver.findElement(By.id("result-due")).getText()).matches("\\d{2}/\\d{2}/\\d{4}");
            assertThat(stored()).isEqualTo(before + 1);
            String taskLink = driver.findElement(By.id("result-task")).getDomProperty("href");
            // the application form, scanned from paper at the counter, attached to the case just received
            assertThat(driver.findElement(By.id("attach-missing")).getText()).contains("Tờ khai đăng ký khai sinh");
            java.nio.file.Path scan = java.nio.file.Files.createTempFile("to-khai", ".pdf");
            byte[] pdf = vn.hoso.documents.SampleFiles.pdf();
            java.nio.file.Files.write(scan, pdf);
            new Select(driver.findElement(By.id("attach-component"))).selectByValue("TO_KHAI");
            driver.findElement(By.id("attach-file")).sendKeys(scan.toString());
            driver.findElement(By.id("attach-scanned")).click();
            driver.findElement(By.id("attach-button")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#attached li")).size() == 1);
            assertThat(driver.findElement(By.id("attached")).getText()).contains("Tờ khai đăng ký khai sinh",
                    "số hóa từ bản giấy", vn.hoso.documents.SampleFiles.sha256(pdf).substring(0, 12));
            assertThat(driver.findElement(By.id("attach-missing")).getText())
                    .doesNotContain("Tờ khai đăng ký khai sinh");
            assertThat(jdbc.queryForObject("select count(*) from case_document d join case_file f using (case_id) "
                    + "where f.code = ? and d.component = 'TO_KHAI' and d.digitized_from_paper", Integer.class,
                    caseCode)).isEqualTo(1);
            browser.screenshot("workspace-4-counter-received");
            // Alt+N: the next applicant, on an empty form
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, "n"));
            browser.waiting().until(d -> d.switchTo().activeElement().equals(d.findElement(By.id("procedureCode"))));
            assertThat(driver.findElement(By.id("subject")).getDomProperty("value")).isEmpty();

            // an old file of the same unit, received two weeks ago and never worked: overdue
            Map<String, Object> old = CaseDriver.procedure("BIRTH_REG", UNIT, "POST");
            old.put("receivedAt", OffsetDateTime.now(ZONE).minusDays(14).withHour(9).toString());
            String oldCode = cases.caseFile(cases.receive(old), OFFICER).path("code").asText();

            // back in Tasklist: the case under "Việc của đơn vị tôi", everything in Vietnamese
            driver.findElement(By.linkText("Danh sách công việc")).click();
            browser.waiting().until(d -> listed().contains(caseCode) && listed().contains(oldCode));
            // the day at a glance: every filter with its count, the overdue file marked in colour and words
            browser.waiting().until(d -> filterCounts().size() == 3);
            // (the old file may also have its apology task by now: count what the list shows)
            browser.waiting().until(d -> String.valueOf(cards()).equals(filterCounts().get("Việc của đơn vị tôi")));
            assertThat(Integer.parseInt(filterCounts().get("Quá hạn"))).isPositive();
            assertThat(dueBadge(oldCode)).isEqualTo("Quá hạn");
            assertThat(dueBadge(caseCode)).isEqualTo(expectedBadge(caseCode));
            assertThat(driver.findElement(By.cssSelector(".task-filter.active .name")).getText())
                    .contains("Việc của đơn vị tôi");
            assertVietnamese("the task list");
            browser.screenshot("workspace-5-tasklist");

            // the counter's link, in a fresh browser session: log in, and the task is open
            driver.manage().deleteAllCookies();
            driver.get(taskLink);
            logIn();
            WebElement caseCodeField = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[id$='info_caseCode']")));
            assertThat(caseCodeField.getDomProperty("value")).isEqualTo(caseCode);
            assertVietnamese("the task");
            browser.screenshot("workspace-6-deep-link");

            driver.findElement(By.cssSelector("button.claim")).click();
            WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Hoàn thành']")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            browser.screenshot("workspace-7-complete");
            String caseId = jdbc.queryForObject("select case_id::text from case_file where code = ?", String.class,
                    caseCode);
            complete.click();
            browser.waiting().until(d -> taskService.createTaskQuery().processInstanceBusinessKey(caseId).list()
                    .stream().map(Task::getTaskDefinitionKey).anyMatch(key -> !key.equals("receive")));
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("receive")
                    .count()).isZero();

            // the Welcome page, in the same session: Vietnamese too
            driver.get(base() + "/camunda/app/welcome/default/");
            browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Ứng dụng"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Thông tin cá nhân",
                    "Tiếp nhận hồ sơ", "Asia/Ho_Chi_Minh");
            assertVietnamese("the Welcome page");
            browser.screenshot("workspace-11-welcome");

            // English stays selectable, and back
            driver.get(base() + "/camunda/app/tasklist/default/");
            browser.waiting().until(d -> shown("a.hoso-language"));
            driver.findElement(By.cssSelector("a.hoso-language")).click();
            browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Receive a case")
                    && d.findElement(By.tagName("body")).getText().contains("Keyboard Shortcuts"));
            driver.findElement(By.cssSelector("a.hoso-language")).click();
            browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Phím tắt"));
        } catch (RuntimeException | AssertionError e) {
            browser.keepFailureEvidence("workspace");
            throw e;
        }
    }

    @Test
    void aLeaderSeesApprovalsFirstAndApprovesRoutineCasesInOneGo() {
        String unit = "10645";
        String leader = "leader." + unit;
        String routine = atApproval(unit, null);
        String overdue = atApproval(unit, OffsetDateTime.now(ZONE).minusDays(14).withHour(9));
        String routineCode = cases.caseFile(routine, leader).path("code").asText();
        String overdueCode = cases.caseFile(overdue, leader).path("code").asText();
        WebDriver driver = browser.driver;
        try {
            driver.manage().deleteAllCookies();
            driver.get(base() + "/camunda/app/tasklist/default/");
            logIn(leader);
            // the approvals filter comes first and is the one open
            browser.waiting().until(d -> listed().contains(routineCode) && listed().contains(overdueCode));
            assertThat(driver.findElement(By.cssSelector(".task-filter.active .name")).getText())
                    .contains("Chờ tôi phê duyệt");
            assertThat(driver.findElements(By.cssSelector(".task-filter .name")).get(0).getText())
                    .contains("Chờ tôi phê duyệt");
            assertVietnamese("the leader's task list");
            browser.screenshot("workspace-8-leader-tasklist");

            browser.waiting().until(d -> shown("a.hoso-approvals-link"));
            driver.findElement(By.cssSelector("a.hoso-approvals-link")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#rows tr")).size() >= 2);
            WebElement routineBox = row(routineCode).findElement(By.cssSelector("input.pick"));
            WebElement overdueBox = row(overdueCode).findElement(By.cssSelector("input.pick"));
            assertThat(routineBox.isEnabled()).isTrue();
            assertThat(overdueBox.isEnabled()).as("an overdue case is approved on its own").isFalse();
            assertThat(row(overdueCode).getText()).contains("quá hạn");
            routineBox.click();
            browser.screenshot("workspace-9-bulk-approval");
            driver.findElement(By.id("approve")).click();
            WebElement summary = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("summary")));
            browser.waiting().until(d -> summary.getText().startsWith("Đã phê duyệt 1 hồ sơ"));
            browser.waiting().until(d -> d.findElements(By.xpath("//tr[td[text()='" + routineCode + "']]"))
                    .isEmpty());
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(routine).taskDefinitionKey("issue")
                    .count()).isEqualTo(1);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(overdue)
                    .taskDefinitionKey("approve").count()).isEqualTo(1);
            browser.screenshot("workspace-10-bulk-approved");
        } catch (RuntimeException | AssertionError e) {
            browser.keepFailureEvidence("workspace-leader");
            throw e;
        }
    }

    private WebElement row(String caseCode) {
        return browser.driver.findElement(By.xpath("//tr[td[text()='" + caseCode + "']]"));
    }

    /** A birth registration received (now or at {@code receivedAt}), checked and appraised by the unit's officer. */
    private String atApproval(String unit, OffsetDateTime receivedAt) {
        Map<String, Object> body = CaseDriver.procedure("BIRTH_REG", unit, "ONLINE");
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt.toString());
        }
        String caseId = cases.receive(body);
        cases.complete(caseId, "receive", "officer." + unit);
        cases.complete(caseId, "appraise", "officer." + unit);
        return caseId;
    }

    private void logIn() {
        logIn(OFFICER);
    }

    private void logIn(String user) {
        WebDriver driver = browser.driver;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model=username]")));
        driver.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Http.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".task-filter.active")).isEmpty());
    }

    /** What the card of a case says of its due date, as the page computes it. */
    private String dueBadge(String caseCode) {
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "const card = [...document.querySelectorAll('ol.tasks-list li.task')]"
                        + ".find(c => c.textContent.includes(arguments[0]));"
                        + "const badge = card && card.querySelector('.hoso-due-badge');"
                        + "return badge ? badge.textContent.trim() : null;", caseCode);
    }

    /** The same rule, in Java: overdue, due today or due tomorrow in the business zone. */
    private String expectedBadge(String caseCode) {
        String caseId = jdbc.queryForObject("select case_id::text from case_file where code = ?", String.class,
                caseCode);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        ZonedDateTime due = task.getDueDate().toInstant().atZone(ZONE);
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        if (due.isBefore(now)) {
            return "Quá hạn";
        }
        if (due.toLocalDate().equals(now.toLocalDate())) {
            return "Đến hạn hôm nay";
        }
        return due.toLocalDate().equals(now.toLocalDate().plusDays(1)) ? "Đến hạn ngày mai" : "";
    }

    private long cards() {
        return (Long) ((JavascriptExecutor) browser.driver).executeScript(
                "return document.querySelectorAll('ol.tasks-list li.task').length;");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> filterCounts() {
        return (Map<String, String>) ((JavascriptExecutor) browser.driver).executeScript(
                "const counts = {};"
                        + "document.querySelectorAll('.task-filter').forEach(f => {"
                        + "  const c = f.querySelector('.hoso-filter-count');"
                        + "  if (c && c.textContent.trim()) counts[f.querySelector('h4.name a').firstChild"
                        + "      .textContent.trim()] = c.textContent.trim(); });"
                        + "return counts;");
    }

    private boolean shown(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** No line on the screen is one of Tasklist's English labels (proper names like Camunda aside). */
    private void assertVietnamese(String where) {
        String text = (String) ((JavascriptExecutor) browser.driver).executeScript("return document.body.innerText;");
        List<String> left = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (english.contains(trimmed)) {
                left.add(trimmed);
            }
        }
        assertThat(left).as("English labels on " + where).isEmpty();
        assertThat(text).as(where).doesNotContainIgnoringCase("migrate to Camunda 8")
                .doesNotContain("Claim").doesNotContain("Complete").doesNotContain("Created")
                .doesNotContain("Start process").doesNotContain("Create task").doesNotContain("Log in");
    }

    @SuppressWarnings("unchecked")
    private List<String> listed() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return [...document.querySelectorAll('ol.tasks-list li.task .variable-value')]"
                        + ".map(v => v.textContent.trim());");
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from case_file where receiving_unit = ?", Integer.class, UNIT);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The English labels of Tasklist and Welcome (the web jar's files). */
    private static List<String> englishLabels() {
        List<String> texts = new ArrayList<>();
        for (String app : List.of("tasklist", "welcome")) {
            try (InputStream in = WorkspaceBrowserTest.class.getClassLoader().getResourceAsStream(
                    WebAppLocalesTest.LOCALES.formatted(app, "en"))) {
                JsonNode labels = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\uFEFF", "")).path("labels");
                labels.forEach(label -> {
                    String text = label.asText().strip();
                    if (text.length() >= 3 && text.chars().anyMatch(Character::isLetter)
                            && !PROPER_NAMES.contains(text)) {
                        texts.add(text);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
