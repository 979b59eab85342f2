package vn.hoso.cases;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Browser;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * Civil servants at work in Camunda Tasklist, in a real headless Chromium: an officer of Phường Việt Hòa (10543)
 * finds a birth registration by its case code under "Việc của đơn vị tôi", opens it, sees the Vietnamese Camunda
 * Form filled from the case, claims and completes it; an officer of Phường Tân Hưng (10537) does not see it. Then
 * the same boundary through the web app's own engine API, which a curious officer could call by hand. Saves
 * target/screenshots/tasklist-form.png. Units 10543 and 10537 are used by no other test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTest {

    static final String UNIT = "10543";
    static final String OTHER_UNIT = "10537";
    static final String TASK_API = "/camunda/api/engine/engine/default/task";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    CaseDriver cases;
    Browser browser;

    @BeforeAll
    void startTheBrowser() {
        CaseDriver.resetClock();
        cases = new CaseDriver(new Http(port), taskService);
        browser = Browser.headless(1440, 1400);
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOfficerFindsTheCaseInHerUnitsFilterAndCompletesTheForm() {
        String caseId = cases.receive(procedure("BIRTH_REG", UNIT, "ONLINE"));
        String code = cases.caseFile(caseId, "officer." + UNIT).get("code").asText();
        String otherCode = codeOf(cases.receive(procedure("BIRTH_REG", OTHER_UNIT, "ONLINE")), OTHER_UNIT);
        try {
            logIntoTasklist("officer." + UNIT);
            WebDriver driver = browser.driver;
            assertThat(driver.findElement(By.cssSelector(".task-filter.active .name")).getText())
                    .contains(TasklistFilters.MY_UNIT);
            assertThat(listedCaseCodes()).doesNotContain(otherCode);

            taskCard(code).findElement(By.cssSelector("h4.task a")).click();
            WebElement caseCode = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[id$='info_caseCode']")));
            assertThat(driver.findElement(By.cssSelector(".fjs-form h2")).getText()).isEqualTo("Tiếp nhận hồ sơ");
            assertThat(caseCode.getDomProperty("value")).isEqualTo(code);
            assertThat(driver.findElement(By.cssSelector("input[id$='info_procedureName']")).getDomProperty("value"))
                    .isEqualTo("Đăng ký khai sinh");
            // the defaults: the file is complete, the step is done electronically
            assertThat(driver.findElement(By.cssSelector(".fjs-form-field-select")).getText())
                    .contains("Hồ sơ đầy đủ: tiếp nhận (Mẫu 01)");
            assertThat(driver.findElement(By.cssSelector(".fjs-form-field-radio label.fjs-checked")).getText())
                    .startsWith("Điện tử");

            driver.findElement(By.cssSelector("button.claim")).click();
            WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Hoàn thành']")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            browser.screenshot("tasklist-form");
            complete.click();

            // the next step of the same file appears in the list, and the engine has the officer's answer
            browser.waiting().until(d -> !openTasks(caseId, APPRAISE).isEmpty());
            HistoricTaskInstance received = historyService.createHistoricTaskInstanceQuery()
                    .processInstanceBusinessKey(caseId).taskDefinitionKey(RECEIVE).finished().singleResult();
            assertThat(received.getAssignee()).isEqualTo("officer." + UNIT);
            JsonNode step = stepCompleted(caseId, RECEIVE);
            assertThat(step.path("data").path("mode").asText()).isEqualTo("ELECTRONIC");
            assertThat(step.path("data").path("outcome").asText()).isEqualTo("ACCEPT");
            browser.waiting().until(d -> listedTaskNames(code).contains("Thẩm định hồ sơ"));

            // another commune's officer: her own file is there, this one is not
            driver.manage().deleteAllCookies();
            logIntoTasklist("officer." + OTHER_UNIT);
            browser.waiting().until(d -> listedCaseCodes().contains(otherCode));
            assertThat(listedCaseCodes()).doesNotContain(code);
        } catch (RuntimeException | AssertionError e) {
            browser.keepFailureEvidence("tasklist");
            throw e;
        }
    }

    @Test
    void theTasklistApiShowsAndLetsAnOfficerWorkOnlyHerOwnUnitsTasks() {
        String caseId = cases.receive(procedure("CERT_COPY", UNIT, "IN_PERSON"));
        String taskId = openTasks(caseId, RECEIVE).get(0).getId();
        String byCase = TASK_API + "?processInstanceBusinessKey=" + caseId;

        CamundaWebSession intruder = CamundaWebSession.loggedIn(port, "tasklist", "officer." + OTHER_UNIT);
        assertThat(Http.json(intruder.get(byCase))).isEmpty();
        assertThat(intruder.get(TASK_API + "/" + taskId).statusCode()).isIn(403, 404);
        assertThat(intruder.get(TASK_API + "/" + taskId + "/form-variables").statusCode()).isIn(403, 404);
        assertThat(intruder.postJson(TASK_API + "/" + taskId + "/claim", "{\"userId\":\"officer." + OTHER_UNIT + "\"}",
                true).statusCode()).isIn(403, 404);
        assertThat(intruder.postJson(TASK_API + "/" + taskId + "/submit-form",
                "{\"variables\":{\"mode\":{\"value\":\"ELECTRONIC\"},\"outcome\":{\"value\":\"ACCEPT\"}}}", true)
                .statusCode()).isIn(403, 404);
        Task untouched = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(untouched).as("still open").isNotNull();
        assertThat(untouched.getAssignee()).isNull();

        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        JsonNode mine = Http.json(officer.get(byCase));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("id").asText()).isEqualTo(taskId);
        assertThat(Http.json(officer.get(TASK_API + "/" + taskId + "/form-variables")).path("caseCode")
                .path("value").asText()).startsWith(UNIT + "-");
        HttpResponse<String> submitted = officer.postJson(TASK_API + "/" + taskId + "/submit-form",
                "{\"variables\":{\"mode\":{\"value\":\"PAPER\"},\"outcome\":{\"value\":\"ACCEPT\"}}}", true);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(stepCompleted(caseId, RECEIVE).path("data").path("mode").asText()).isEqualTo("PAPER");
    }

    private void logIntoTasklist(String user) {
        WebDriver driver = browser.driver;
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        driver.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Http.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".task-filter.active")).isEmpty()
                && !d.findElements(By.cssSelector("ol.tasks-list li.task")).isEmpty());
    }

    private WebElement taskCard(String caseCode) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task")).stream()
                .filter(card -> card.findElements(By.cssSelector(".variable-value")).stream()
                        .anyMatch(v -> v.getText().equals(caseCode)))
                .findFirst().orElse(null));
    }

    /** Read in one script: Angular re-renders the list while it refreshes, which would leave Selenium stale. */
    @SuppressWarnings("unchecked")
    private List<String> listedCaseCodes() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return [...document.querySelectorAll('ol.tasks-list li.task .variable-value')]"
                        + ".map(v => v.textContent.trim());");
    }

    @SuppressWarnings("unchecked")
    private List<String> listedTaskNames(String caseCode) {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return [...document.querySelectorAll('ol.tasks-list li.task')]"
                        + ".filter(card => card.textContent.includes(arguments[0]))"
                        + ".map(card => card.querySelector('h4.task').textContent.trim());", caseCode);
    }

    private List<Task> openTasks(String caseId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).list();
    }

    private String codeOf(String caseId, String unit) {
        return cases.caseFile(caseId, "officer." + unit).get("code").asText();
    }

    private JsonNode stepCompleted(String caseId, String step) {
        JsonNode events = Http.json(cases.http.get("/api/cases/" + caseId + "/events", "officer." + UNIT));
        return StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.path("type").asText().endsWith("step.completed")
                        && e.path("data").path("step").asText().equals(step))
                .findFirst().orElseThrow(() -> new AssertionError("no step.completed for " + step + ": " + events));
    }
}
