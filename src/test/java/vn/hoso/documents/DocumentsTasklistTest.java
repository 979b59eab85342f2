package vn.hoso.documents;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
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
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Browser;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;

/**
 * The documents in Camunda Tasklist: through the Tasklist session's endpoints (same rules as the API, XSRF token on
 * uploads, another unit's officer refused) and in a real headless Chromium, where an officer opens the "Giấy tờ"
 * tab of a receive step, sees the missing required component, adds a scanned file and opens a document in the
 * browser without logging in again. Saves target/screenshots/tasklist-documents.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsTasklistTest {

    static final String UNIT = "10714";
    static final String OTHER = "10726";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    CaseDriver cases;
    Http http;
    Browser browser;

    @BeforeAll
    void setUp() {
        CaseDriver.resetClock();
        http = new Http(port);
        cases = new CaseDriver(http, taskService);
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A birth registration received with its form only (the birth certificate, required, is missing). */
    String caseWithTheFormOnly(String unit) throws Exception {
        MultipartBody body = new MultipartBody()
                .json("case", JSON.writeValueAsString(procedure("BIRTH_REG", unit, "IN_PERSON")))
                .file("file", "to-khai.pdf", "application/pdf", SampleFiles.pdf(3000)).field("component", "TO_KHAI");
        HttpResponse<String> response = http.send(http.request("/api/cases", "officer." + unit)
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("caseId").asText();
    }

    HttpResponse<String> upload(CamundaWebSession session, String taskId, boolean withToken, byte[] bytes) {
        MultipartBody body = new MultipartBody().file("file", "gcs.png", "image/png", bytes)
                .field("component", "GIAY_CHUNG_SINH");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/tasklist-documents/tasks/" + taskId + "/documents"))
                .header("Content-Type", body.contentType()).header("Accept", "application/json")
                .POST(body.publisher());
        if (withToken) {
            request.header("X-XSRF-TOKEN", session.xsrf());
        }
        return session.send(request.build());
    }

    @Test
    void theTasklistSessionSeesListsAndAddsUnderTheSameRules() throws Exception {
        String caseId = caseWithTheFormOnly(UNIT);
        String taskId = cases.task(caseId, "receive").getId();
        String path = "/tasklist-documents/tasks/" + taskId;

        assertThat(new CamundaWebSession(port).get(path).statusCode()).isEqualTo(401);
        CamundaWebSession intruder = CamundaWebSession.loggedIn(port, "tasklist", "officer." + OTHER);
        assertThat(intruder.get(path).statusCode()).isEqualTo(403);
        assertThat(upload(intruder, taskId, true, SampleFiles.png()).statusCode()).isEqualTo(403);

        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        JsonNode view = Http.json(officer.get(path));
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("canAdd").asBoolean()).isTrue();
        assertThat(view.get("missingRequired").findValuesAsText("code")).containsExactly("GIAY_CHUNG_SINH");
        assertThat(view.get("documents")).hasSize(1);
        String url = view.get("documents").get(0).get("url").asText();
        HttpResponse<String> content = officer.get(url);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("ETag")).hasValue("\"" + view.get("documents").get(0).get("sha256")
                .asText() + "\"");
        assertThat(intruder.get(url).statusCode()).isEqualTo(403);

        assertThat(upload(officer, taskId, false, SampleFiles.png()).statusCode()).isEqualTo(403);
        HttpResponse<String> added = upload(officer, taskId, true, SampleFiles.png());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Http.json(officer.get(path)).get("missingRequired")).isEmpty();

        // once received, the appraisal's tab lists the documents but adds nothing
        cases.complete(caseId, "receive", "officer." + UNIT, Map.of("outcome", "ACCEPT"));
        String appraisal = cases.task(caseId, "appraise").getId();
        JsonNode later = Http.json(officer.get("/tasklist-documents/tasks/" + appraisal));
        assertThat(later.get("canAdd").asBoolean()).isFalse();
        assertThat(later.get("documents")).hasSize(2);
        assertThat(upload(officer, appraisal, true, SampleFiles.png()).statusCode()).isEqualTo(403);
        // at the issue step the tab offers the result document, and adds it as such
        cases.complete(caseId, "appraise", "officer." + UNIT, Map.of("outcome", "APPROVE"));
        cases.complete(caseId, "approve", "leader." + UNIT, Map.of("outcome", "APPROVE"));
        String issue = cases.task(caseId, "issue").getId();
        JsonNode atIssue = Http.json(officer.get("/tasklist-documents/tasks/" + issue));
        assertThat(atIssue.get("canAdd").asBoolean()).isTrue();
        assertThat(atIssue.get("components").findValuesAsText("code")).containsExactly("KET_QUA");
        MultipartBody result = new MultipartBody().file("file", "kq.pdf", "application/pdf", SampleFiles.pdf())
                .field("component", "KET_QUA");
        HttpResponse<String> issued = officer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/tasklist-documents/tasks/" + issue + "/documents"))
                .header("Content-Type", result.contentType()).header("X-XSRF-TOKEN", officer.xsrf())
                .POST(result.publisher()).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(Http.json(issued).get("stage").asText()).isEqualTo("RESULT");
        // the Tasklist's configuration loads the tab
        assertThat(officer.get("/camunda/app/tasklist/scripts/config.js").body()).contains("scripts/documents");
        assertThat(officer.get("/camunda/app/tasklist/scripts/documents.js").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerSeesAddsAndOpensTheDocumentsOfAReceiveStepInTasklist() throws Exception {
        String caseId = caseWithTheFormOnly(UNIT);
        String code = cases.caseFile(caseId, "officer." + UNIT).get("code").asText();
        browser = Browser.headless(1440, 1100);
        WebDriver driver = browser.driver;
        try {
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model=username]")));
            driver.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("officer." + UNIT);
            driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Http.DEMO_PASSWORD);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            String taskId = cases.task(caseId, "receive").getId();
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId
                    + "&detailsTab=hoso-documents");
            WebElement tab = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Giấy tờ']")));
            tab.click();
            WebElement table = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".hoso-documents-table")));
            assertThat(driver.findElement(By.cssSelector(".hoso-documents h4")).getText()).contains(code);
            assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector(".hoso-missing")).getText()).contains("Giấy chứng sinh");

            Path scan = Files.createTempFile("giay-chung-sinh", ".png");
            Files.write(scan, SampleFiles.png());
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(".hoso-upload select")))
                    .selectByValue("GIAY_CHUNG_SINH");
            driver.findElement(By.cssSelector(".hoso-upload input[type=file]")).sendKeys(scan.toString());
            driver.findElement(By.cssSelector(".hoso-upload input[name=digitizedFromPaper]")).click();
            driver.findElement(By.cssSelector(".hoso-upload button[type=submit]")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector(".hoso-documents-table tbody tr")).size() == 2);
            assertThat(driver.findElements(By.cssSelector(".hoso-missing"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector(".hoso-documents-table")).getText())
                    .contains("Giấy chứng sinh", "số hóa từ bản giấy");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    driver.findElement(By.cssSelector(".hoso-documents")));
            browser.screenshot("tasklist-documents");

            // the link opens in the browser in the same session: the PDF's bytes, no login asked
            List<String> links = driver.findElements(By.cssSelector("a.hoso-open")).stream()
                    .map(a -> a.getDomProperty("href")).toList();
            assertThat(links).hasSize(2);
            Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
                            + " + r.headers.get('Content-Type')));", links.get(0));
            assertThat(status).isEqualTo("200 application/pdf");
            driver.get(links.get(1));
            assertThat(((JavascriptExecutor) driver).executeScript("return document.contentType")).isEqualTo("image/png");
        } catch (RuntimeException | AssertionError e) {
            browser.keepFailureEvidence("tasklist-documents");
            throw e;
        }
    }
}
