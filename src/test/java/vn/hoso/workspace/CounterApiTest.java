package vn.hoso.workspace;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Tier;
import vn.hoso.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reception counter's API in the officer's Tasklist session: the same intake as {@code POST /api/cases} (same
 * problems, nothing stored on bad input, officers of the receiving unit only), the session's token required for
 * a change, nobody without a Tasklist login; and officers cannot start processes or create free tasks through the
 * engine API, neither with HTTP Basic nor with the Tasklist session. Units 10570, 10573 and 10603 are used by no
 * other test.
 */
@IntegrationTest
class CounterApiTest {

    static final String UNIT = "10570";
    static final String OTHER_UNIT = "10573";
    static final String TOKEN_HEADER = "X-Hoso-Counter-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    UnitRegistry units;

    @Test
    void withoutATasklistLoginTheCounterAnswers401() {
        CamundaWebSession anonymous = new CamundaWebSession(port);
        HttpResponse<String> session = anonymous.get("/tiep-nhan/api/session");
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(Http.contentType(session)).isEqualTo("application/problem+json");
        assertThat(post(anonymous, "token", body("001199012345")).statusCode()).isIn(401, 403);
        // HTTP Basic is the API's, not the counter's
        assertThat(new Http(port).get("/tiep-nhan/api/session", "officer." + UNIT).statusCode()).isEqualTo(401);
    }

    @Test
    void theCounterOffersTheProceduresTheUnitMayReceiveToday() {
        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        JsonNode session = Http.json(officer.get("/tiep-nhan/api/session"));
        assertThat(session.path("userId").asText()).isEqualTo("officer." + UNIT);
        assertThat(session.path("units").findValuesAsText("code")).containsExactly(UNIT);
        assertThat(session.path("token").asText()).hasSize(64);

        JsonNode offered = Http.json(officer.get("/tiep-nhan/api/procedures?unit=" + UNIT));
        List<String> codes = java.util.stream.StreamSupport.stream(offered.spliterator(), false)
                .map(p -> p.path("code").asText()).toList();
        assertThat(codes).contains("BIRTH_REG");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        List<Tier> inForce = units.tiersOn(today);
        List<String> receivable = catalogue.all().stream().filter(p -> p.canStartAt(Tier.COMMUNE, inForce))
                .map(p -> p.code()).toList();
        assertThat(codes).containsExactlyInAnyOrderElementsOf(receivable);
        assertThat(receivable).hasSizeLessThan(catalogue.all().size());
        assertThat(offered.findValuesAsText("totalDays")).as("the limits, in working days").contains("20");
        // the dossier's components, from the catalogue (documents module's decision table)
        JsonNode birth = java.util.stream.StreamSupport.stream(offered.spliterator(), false)
                .filter(p -> p.path("code").asText().equals("BIRTH_REG")).findFirst().orElseThrow();
        assertThat(birth.path("totalDays").asInt()).as("the same day (Luật Hộ tịch 2014, Art. 16)").isZero();
        assertThat(birth.path("components").findValuesAsText("code")).contains("TO_KHAI");
        assertThat(birth.path("components").get(0).path("required").asBoolean()).isTrue();

        HttpResponse<String> other = officer.get("/tiep-nhan/api/procedures?unit=" + OTHER_UNIT);
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void theCounterReceivesThroughTheSameIntakeAndStoresNothingOnBadInput() throws Exception {
        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        String token = Http.json(officer.get("/tiep-nhan/api/session")).path("token").asText();
        int before = stored(UNIT);

        // no token, a wrong token: refused before the intake
        assertThat(post(officer, null, body("001199012345")).statusCode()).isEqualTo(403);
        assertThat(post(officer, "0".repeat(64), body("001199012345")).statusCode()).isEqualTo(403);

        // bad input: the API's own problem, field by field, and nothing stored
        HttpResponse<String> bad = post(officer, token, body("12345"));
        HttpResponse<String> api = new Http(port).postJson("/api/cases", "officer." + UNIT,
                JSON.writeValueAsString(body("12345")));
        assertThat(bad.statusCode()).isEqualTo(400).isEqualTo(api.statusCode());
        assertThat(Http.contentType(bad)).isEqualTo("application/problem+json");
        assertThat(Http.json(bad).path("errors")).isEqualTo(Http.json(api).path("errors"));
        assertThat(Http.json(bad).path("errors").get(0).path("field").asText()).isEqualTo("applicant.idNumber");

        // another unit's counter: the intake's own refusal
        Map<String, Object> elsewhere = new java.util.LinkedHashMap<>(body("001199012345"));
        elsewhere.put("receivingUnit", OTHER_UNIT);
        assertThat(post(officer, token, elsewhere).statusCode()).isEqualTo(403);
        assertThat(stored(UNIT)).isEqualTo(before);
        assertThat(stored(OTHER_UNIT)).isZero();

        HttpResponse<String> received = post(officer, token, body("001199012345"));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode receipt = Http.json(received);
        String caseId = receipt.path("caseId").asText();
        assertThat(received.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
        assertThat(receipt.path("code").asText()).startsWith(UNIT + "-");
        assertThat(receipt.path("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(receipt.path("taskUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(stored(UNIT)).isEqualTo(before + 1);
        JsonNode file = Http.json(new Http(port).get("/api/cases/" + caseId, "officer." + UNIT));
        assertThat(file.path("code").asText()).isEqualTo(receipt.path("code").asText());
        assertThat(file.path("receivingUnit").asText()).isEqualTo(UNIT);
    }

    @Test
    void theCounterHandsOverTheLookupPinAndPrintsTheReceiptInTheSameSession() throws Exception {
        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        String token = Http.json(officer.get("/tiep-nhan/api/session")).path("token").asText();
        JsonNode receipt = Http.json(post(officer, token, body("001199054321")));
        String pin = receipt.path("pin").asText();
        assertThat(pin).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        String url = receipt.path("receiptUrl").asText();
        assertThat(url).isEqualTo("/tiep-nhan/api/cases/" + receipt.path("caseId").asText() + "/receipt?pin=" + pin);

        HttpResponse<byte[]> pdf = officer.sendForBytes(url);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").contains(receipt.path("code").asText())
                    .contains("Mã tra cứu (PIN): " + pin);
        }
        // the same rules as GET /api/cases/{id}/receipt: another unit's officer, no login
        CamundaWebSession other = CamundaWebSession.loggedIn(port, "tasklist", "officer." + OTHER_UNIT);
        assertThat(other.sendForBytes(url).statusCode()).isEqualTo(403);
        assertThat(new CamundaWebSession(port).sendForBytes(url).statusCode()).isEqualTo(401);
    }

    @Test
    void officersCanNeitherStartProcessesNorCreateTasksThroughTheEngineApi() {
        String officer = "officer.10603";
        Http basic = new Http(port);
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(basic.postJson("/engine-rest/process-definition/key/hoso-case/start", officer,
                "{\"businessKey\":\"forged-start\"}"));
        answers.add(basic.postJson("/engine-rest/task/create", officer, "{\"name\":\"forged-task\"}"));
        CamundaWebSession session = CamundaWebSession.loggedIn(port, "tasklist", officer);
        answers.add(session.postJson("/camunda/api/engine/engine/default/process-definition/key/hoso-case/start",
                "{\"businessKey\":\"forged-start\"}", true));
        answers.add(session.postJson("/camunda/api/engine/engine/default/task/create",
                "{\"name\":\"forged-task\"}", true));
        // Tasklist's own start dialog submits the start form
        answers.add(session.postJson("/camunda/api/engine/engine/default/process-definition/key/hoso-case/submit-form",
                "{\"businessKey\":\"forged-start\",\"variables\":{}}", true));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
            assertThat(Http.contentType(answer)).isEqualTo("application/problem+json");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("forged-start").count())
                .isZero();
        assertThat(taskService.createTaskQuery().taskName("forged-task").count()).isZero();
    }

    static Map<String, Object> body(String idNumber) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "PROCEDURE");
        body.put("procedureCode", "BIRTH_REG");
        body.put("receivingUnit", UNIT);
        body.put("channel", "IN_PERSON");
        body.put("subject", "Đăng ký khai sinh tại quầy");
        body.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", idNumber));
        return body;
    }

    @Test
    void documentsAttachedAtTheCounterFollowTheDocumentsRulesForTheSessionsUser() {
        CamundaWebSession officer = CamundaWebSession.loggedIn(port, "tasklist", "officer." + UNIT);
        String token = Http.json(officer.get("/tiep-nhan/api/session")).path("token").asText();
        String caseId = Http.json(post(officer, token, body("001199067890"))).path("caseId").asText();
        String path = "/tiep-nhan/api/cases/" + caseId + "/documents";
        byte[] pdf = vn.hoso.documents.SampleFiles.pdf();

        // another unit's officer, with a token of their own session: the case is not at their unit
        CamundaWebSession other = CamundaWebSession.loggedIn(port, "tasklist", "officer." + OTHER_UNIT);
        String otherToken = Http.json(other.get("/tiep-nhan/api/session")).path("token").asText();
        HttpResponse<String> foreign = attach(other, otherToken, path, new vn.hoso.documents.MultipartBody()
                .field("component", "TO_KHAI").file("file", "to-khai.pdf", "application/pdf", pdf));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        // no token; an extra part (a unit the caller would like the document filed under)
        assertThat(attach(officer, null, path, new vn.hoso.documents.MultipartBody().field("component", "TO_KHAI")
                .file("file", "to-khai.pdf", "application/pdf", pdf)).statusCode()).isEqualTo(403);
        HttpResponse<String> extra = attach(officer, token, path, new vn.hoso.documents.MultipartBody()
                .field("component", "TO_KHAI").field("unitCode", OTHER_UNIT)
                .file("file", "to-khai.pdf", "application/pdf", pdf));
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
        assertThat(Http.contentType(extra)).isEqualTo("application/problem+json");
        assertThat(documents(caseId)).isZero();

        HttpResponse<String> added = attach(officer, token, path, new vn.hoso.documents.MultipartBody()
                .field("component", "TO_KHAI").field("digitizedFromPaper", "true")
                .file("file", "to-khai.pdf", "application/pdf", pdf));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Http.json(added).path("sha256").asText()).isEqualTo(vn.hoso.documents.SampleFiles.sha256(pdf));
        assertThat(documents(caseId)).isEqualTo(1);
    }

    private HttpResponse<String> attach(CamundaWebSession session, String token, String path,
                                        vn.hoso.documents.MultipartBody body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", body.contentType()).header("Accept", "application/json")
                .POST(body.publisher());
        if (token != null) {
            request.header(TOKEN_HEADER, token);
        }
        return session.send(request.build());
    }

    private int documents(String caseId) {
        return jdbc.queryForObject("select count(*) from case_document where case_id = ?::uuid", Integer.class,
                caseId);
    }

    private HttpResponse<String> post(CamundaWebSession session, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/tiep-nhan/api/cases"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header(TOKEN_HEADER, token);
            }
            return session.send(request.build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int stored(String unit) {
        return jdbc.queryForObject("select count(*) from case_file where receiving_unit = ?", Integer.class, unit);
    }
}
