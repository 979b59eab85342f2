package vn.hoso.documents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.EmbeddedS3;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;

/**
 * The Documents API end to end on the real app, PostgreSQL, Kafka and the S3 API server (s3proxy): intake with
 * documents, upload at a step, list, download of the same bytes, the result at the issue step, the refusals that
 * store nothing, the attacker's paths, and verification naming a document whose stored bytes were changed.
 */
@IntegrationTest
class DocumentsApiTest {

    static final String A = "10714";
    static final String B = "10726";
    static final String OFFICER_A = "officer." + A;
    static final String LEADER_A = "leader." + A;
    static final String OFFICER_B = "officer." + B;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedS3 s3;
    Http http;
    CaseDriver driver;
    final HttpClient bytesClient = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
    }

    // ------------------------------------------------------------------ helpers

    HttpResponse<String> post(String path, String user, MultipartBody body) {
        return http.send(http.request(path, user).header("Content-Type", body.contentType())
                .POST(body.publisher()).build());
    }

    HttpResponse<byte[]> getBytes(String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", Http.basic(user, Http.DEMO_PASSWORD));
        }
        return bytesClient.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String caseJson(String procedureCode, String unit) throws Exception {
        return JSON.writeValueAsString(procedure(procedureCode, unit, "IN_PERSON"));
    }

    String receiveWithDocuments(String unit, byte[] form, byte[] birthCertificate) throws Exception {
        MultipartBody body = new MultipartBody().json("case", caseJson("BIRTH_REG", unit))
                .file("file", "to-khai.pdf", "application/pdf", form).field("component", "TO_KHAI")
                .file("file", "giay-chung-sinh.png", "image/png", birthCertificate).field("component", "GIAY_CHUNG_SINH")
                .field("digitizedFromPaper", "true");
        HttpResponse<String> response = post("/api/cases", "officer." + unit, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("caseId").asText();
    }

    HttpResponse<String> upload(String caseId, String user, String component, String name, byte[] bytes) {
        return post("/api/cases/" + caseId + "/documents", user, new MultipartBody()
                .file("file", name, "application/octet-stream", bytes).field("component", component));
    }

    long rows() {
        return jdbc.queryForObject("select count(*) from case_document", Long.class);
    }

    long objects() throws Exception {
        Path dir = s3.bucketDirectory(EmbeddedS3.BUCKET);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    long events(String caseId) {
        return jdbc.queryForObject("select count(*) from case_event where case_id = ?", Long.class, caseId);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void documentsAtIntakeAndAtAStepAreListedAndDownloadedByteForByte() throws Exception {
        byte[] form = SampleFiles.pdf(4000);
        byte[] certificate = SampleFiles.png();
        String caseId = receiveWithDocuments(A, form, certificate);

        byte[] id = SampleFiles.jpeg();
        HttpResponse<String> added = post("/api/cases/" + caseId + "/documents", OFFICER_A, new MultipartBody()
                .file("file", "cccd.jpg", "image/jpeg", id).field("component", "GIAY_TO_TUY_THAN")
                .field("digitizedFromPaper", "true"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode addedJson = Http.json(added);
        assertThat(addedJson.get("sha256").asText()).isEqualTo(SampleFiles.sha256(id));
        assertThat(addedJson.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(addedJson.get("size").asLong()).isEqualTo(id.length);
        assertThat(addedJson.get("stage").asText()).isEqualTo("RECEPTION");
        assertThat(added.headers().firstValue("Location")).hasValue("/api/cases/" + caseId + "/documents/"
                + addedJson.get("documentId").asText());

        for (String reader : List.of(OFFICER_A, LEADER_A)) {
            HttpResponse<String> list = http.get("/api/cases/" + caseId + "/documents", reader);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode docs = Http.json(list);
            assertThat(docs).hasSize(3);
            assertThat(docs.findValuesAsText("component")).containsExactlyInAnyOrder("TO_KHAI", "GIAY_CHUNG_SINH",
                    "GIAY_TO_TUY_THAN");
            assertThat(docs.findValuesAsText("addedBy")).containsOnly(A);
            assertThat(docs.findValuesAsText("stage")).containsOnly("RECEPTION");
            assertThat(docs.findValues("digitizedFromPaper")).allMatch(JsonNode::asBoolean);
            for (JsonNode d : docs) {
                HttpResponse<byte[]> content = getBytes("/api/cases/" + caseId + "/documents/"
                        + d.get("documentId").asText() + "/content", reader);
                assertThat(content.statusCode()).isEqualTo(200);
                assertThat(SampleFiles.sha256(content.body())).isEqualTo(d.get("sha256").asText());
                assertThat(content.headers().firstValue("ETag")).hasValue("\"" + d.get("sha256").asText() + "\"");
                assertThat(content.headers().firstValue("Content-Type")).hasValue(d.get("mediaType").asText());
                assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
                        .startsWith("inline").contains(d.get("component").asText());
                assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
        Map<String, byte[]> uploaded = Map.of(SampleFiles.sha256(form), form, SampleFiles.sha256(certificate),
                certificate, SampleFiles.sha256(id), id);
        assertThat(Http.json(http.get("/api/cases/" + caseId + "/documents", OFFICER_A)).findValuesAsText("sha256"))
                .containsExactlyInAnyOrderElementsOf(uploaded.keySet());

        // one vn.hoso.document.attached event per document in the chain, without file names; the chain is valid
        JsonNode events = Http.json(http.get("/api/cases/" + caseId + "/events", OFFICER_A));
        List<JsonNode> attached = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("vn.hoso.document.attached")).toList();
        assertThat(attached).hasSize(3);
        assertThat(attached).allSatisfy(e -> {
            assertThat(e.get("data").has("sha256")).isTrue();
            assertThat(e.get("data").get("unitCode").asText()).isEqualTo(A);
            assertThat(e.toString()).doesNotContain(".pdf", ".png", ".jpg", "to-khai", "cccd");
        });
        JsonNode verify = Http.json(http.get("/api/cases/" + caseId + "/events/verify", OFFICER_A));
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("changedDocuments")).isEmpty();
    }

    @Test
    void theResultDocumentIsAddedAtTheIssueStepOnly() throws Exception {
        String caseId = receiveWithDocuments(A, SampleFiles.pdf(), SampleFiles.png());
        HttpResponse<String> early = upload(caseId, OFFICER_A, "KET_QUA", "kq.pdf", SampleFiles.pdf());
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);

        driver.complete(caseId, "receive", OFFICER_A, Map.of("outcome", "ACCEPT"));
        HttpResponse<String> scannedLate = post("/api/cases/" + caseId + "/documents", OFFICER_A, new MultipartBody()
                .file("file", "x.pdf", "application/pdf", SampleFiles.pdf()).field("component", "GIAY_TO_TUY_THAN")
                .field("digitizedFromPaper", "true"));
        assertThat(scannedLate.statusCode()).as(scannedLate.body()).isEqualTo(400);
        HttpResponse<String> processing = upload(caseId, OFFICER_A, "GIAY_TO_TUY_THAN", "x.pdf", SampleFiles.pdf());
        assertThat(Http.json(processing).get("stage").asText()).isEqualTo("PROCESSING");

        driver.complete(caseId, "appraise", OFFICER_A, Map.of("outcome", "APPROVE"));
        driver.complete(caseId, "approve", LEADER_A, Map.of("outcome", "APPROVE"));
        driver.task(caseId, "issue");
        // a leader reads but does not add
        assertThat(upload(caseId, LEADER_A, "KET_QUA", "kq.pdf", SampleFiles.pdf()).statusCode()).isEqualTo(403);
        byte[] result = SampleFiles.pdf(2000);
        HttpResponse<String> issued = upload(caseId, OFFICER_A, "KET_QUA", "kq.pdf", result);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(Http.json(issued).get("stage").asText()).isEqualTo("RESULT");
        // a correction is a new version; nothing is replaced
        HttpResponse<String> corrected = upload(caseId, OFFICER_A, "KET_QUA", "kq.pdf", SampleFiles.pdf(2100));
        assertThat(Http.json(corrected).get("version").asInt()).isEqualTo(2);
        assertThat(Http.json(http.get("/api/cases/" + caseId + "/documents", OFFICER_A)).findValuesAsText("stage"))
                .containsExactly("RECEPTION", "RECEPTION", "PROCESSING", "RESULT", "RESULT");
        driver.complete(caseId, "issue", OFFICER_A);
    }

    @Test
    void badUploadsAreRefusedAsProblemsAndStoreNothing() throws Exception {
        String caseId = receiveWithDocuments(A, SampleFiles.pdf(), SampleFiles.png());
        byte[] pdf = SampleFiles.pdf(3000);
        Map<String, MultipartBody> bad = new java.util.LinkedHashMap<>();
        bad.put("empty", new MultipartBody().file("file", "a.pdf", "application/pdf", new byte[0])
                .field("component", "GIAY_TO_TUY_THAN"));
        bad.put("oversize", new MultipartBody().file("file", "a.pdf", "application/pdf",
                SampleFiles.pdf(1024 * 1024 + 10)).field("component", "GIAY_TO_TUY_THAN"));
        bad.put("text named .pdf", new MultipartBody().file("file", "a.pdf", "application/pdf",
                "not a pdf at all".getBytes()).field("component", "GIAY_TO_TUY_THAN"));
        bad.put("truncated pdf", new MultipartBody().file("file", "a.pdf", "application/pdf",
                java.util.Arrays.copyOf(pdf, pdf.length - 30)).field("component", "GIAY_TO_TUY_THAN"));
        bad.put("unsigned xml", new MultipartBody().file("file", "a.xml", "application/xml",
                "<?xml version=\"1.0\"?><a/>".getBytes()).field("component", "GIAY_TO_TUY_THAN"));
        bad.put("unknown component", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .field("component", "NOT_A_COMPONENT"));
        bad.put("lower-case component", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .field("component", "../to_khai"));
        bad.put("no component", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf));
        bad.put("two files", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .file("file", "b.pdf", "application/pdf", SampleFiles.pdf()).field("component", "GIAY_TO_TUY_THAN"));
        bad.put("extra field", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .field("component", "GIAY_TO_TUY_THAN").field("stage", "RESULT"));
        bad.put("unit forged", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .field("component", "GIAY_TO_TUY_THAN").field("unitCode", B));
        bad.put("file as a field", new MultipartBody().field("file", "%PDF-1.4 %%EOF")
                .field("component", "GIAY_TO_TUY_THAN"));
        bad.put("flag not boolean", new MultipartBody().file("file", "a.pdf", "application/pdf", pdf)
                .field("component", "GIAY_TO_TUY_THAN").field("digitizedFromPaper", "yes"));
        long rows = rows();
        long objects = objects();
        long events = events(caseId);
        for (var entry : bad.entrySet()) {
            HttpResponse<String> response = post("/api/cases/" + caseId + "/documents", OFFICER_A, entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey() + ": " + response.body()).isBetween(400, 499);
            assertThat(Http.contentType(response)).as(entry.getKey()).startsWith("application/problem+json");
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(objects()).isEqualTo(objects);
        assertThat(events(caseId)).isEqualTo(events);

        // the limit per case: 3 MB in the tests; the upload that would go over it is refused
        int accepted = 0;
        HttpResponse<String> last;
        do {
            last = upload(caseId, OFFICER_A, "GIAY_TO_TUY_THAN", "big.pdf", SampleFiles.pdf(900_000));
            accepted += last.statusCode() == 201 ? 1 : 0;
        } while (last.statusCode() == 201 && accepted < 10);
        assertThat(accepted).isEqualTo(3);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(413);
        assertThat(Http.json(last).get("title").asText()).isEqualTo("Case file too large");

        // a dossier with a bad file is not received at all
        long cases = jdbc.queryForObject("select count(*) from case_file", Long.class);
        HttpResponse<String> intake = post("/api/cases", OFFICER_A, new MultipartBody()
                .json("case", caseJson("BIRTH_REG", A))
                .file("file", "a.pdf", "application/pdf", "plain text".getBytes()).field("component", "TO_KHAI"));
        assertThat(intake.statusCode()).as(intake.body()).isEqualTo(415);
        HttpResponse<String> badCase = post("/api/cases", OFFICER_A, new MultipartBody()
                .json("case", "{\"kind\":\"PROCEDURE\"}")
                .file("file", "a.pdf", "application/pdf", SampleFiles.pdf()).field("component", "TO_KHAI"));
        assertThat(badCase.statusCode()).as(badCase.body()).isEqualTo(400);
        HttpResponse<String> otherUnit = post("/api/cases", OFFICER_B, new MultipartBody()
                .json("case", caseJson("BIRTH_REG", A))
                .file("file", "a.pdf", "application/pdf", SampleFiles.pdf()).field("component", "TO_KHAI"));
        assertThat(otherUnit.statusCode()).as(otherUnit.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(cases);
    }

    @Test
    void anotherUnitsOfficerAnAuditorAndStrangersReadNothingThroughAnyPath() throws Exception {
        String caseId = receiveWithDocuments(A, SampleFiles.pdf(), SampleFiles.png());
        String documentId = Http.json(http.get("/api/cases/" + caseId + "/documents", OFFICER_A)).get(0)
                .get("documentId").asText();
        String list = "/api/cases/" + caseId + "/documents";
        String content = list + "/" + documentId + "/content";
        for (String stranger : List.of(OFFICER_B, "leader." + B, "auditor", "admin")) {
            assertThat(http.get(list, stranger).statusCode()).as(stranger + " list").isEqualTo(403);
            assertThat(getBytes(content, stranger).statusCode()).as(stranger + " content").isEqualTo(403);
            assertThat(upload(caseId, stranger, "GIAY_TO_TUY_THAN", "a.pdf", SampleFiles.pdf()).statusCode())
                    .as(stranger + " upload").isEqualTo(403);
        }
        assertThat(http.get(list, null).statusCode()).isEqualTo(401);
        assertThat(getBytes(content, null).statusCode()).isEqualTo(401);
        // other spellings of the same paths: refused or not found, never the bytes
        for (String path : List.of(
                "/api/cases/" + caseId + "/documents/" + documentId + "/content/",
                "/api/cases/" + caseId + "/documents/" + documentId + "%2Fcontent",
                "/api/cases/" + caseId + "/documents/%2e%2e/documents/" + documentId + "/content",
                "/api/cases/" + caseId + "/documents/" + documentId + "/content;x=y",
                "/api/cases/" + caseId.toUpperCase() + "/documents/" + documentId + "/content",
                "/api//cases/" + caseId + "/documents/" + documentId + "/content",
                "/api/cases/" + caseId + "/./documents/" + documentId + "/content")) {
            int status = getBytes(path, OFFICER_B).statusCode();
            assertThat(status).as(path).isBetween(400, 499);
        }
        // a document of A's case asked for through B's own case: not found
        String caseOfB = receiveWithDocuments(B, SampleFiles.pdf(), SampleFiles.png());
        assertThat(getBytes("/api/cases/" + caseOfB + "/documents/" + documentId + "/content", OFFICER_B)
                .statusCode()).isEqualTo(404);
        assertThat(getBytes("/api/cases/" + caseId + "/documents/not-a-uuid/content", OFFICER_A).statusCode())
                .isEqualTo(404);
        // the engine REST offers no way to the documents
        assertThat(http.get("/engine-rest/process-instance?businessKey=" + caseId, OFFICER_B).body())
                .doesNotContain(documentId);
    }

    @Test
    void verificationNamesADocumentWhoseStoredBytesChanged() throws Exception {
        String caseId = receiveWithDocuments(A, SampleFiles.pdf(1500), SampleFiles.png());
        JsonNode docs = Http.json(http.get("/api/cases/" + caseId + "/documents", OFFICER_A));
        JsonNode form = docs.get(0).get("component").asText().equals("TO_KHAI") ? docs.get(0) : docs.get(1);
        Path object = s3.bucketDirectory(EmbeddedS3.BUCKET).resolve("sha256").resolve(form.get("sha256").asText());
        assertThat(object).exists();
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 1;
        Files.write(object, bytes);

        // the changed bytes are never served whole under the recorded ETag
        String content = "/api/cases/" + caseId + "/documents/" + form.get("documentId").asText() + "/content";
        try {
            HttpResponse<byte[]> download = getBytes(content, OFFICER_A);
            assertThat(download.statusCode() == 200
                    && SampleFiles.sha256(download.body()).equals(form.get("sha256").asText())).isFalse();
            assertThat(download.statusCode()).isNotEqualTo(200);
        } catch (java.io.IOException cutOff) {
            // the connection closed before the end: as good
        }

        JsonNode verify = Http.json(http.get("/api/cases/" + caseId + "/events/verify", OFFICER_A));
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("changedDocuments").get(0).asText()).isEqualTo(form.get("documentId").asText());
        assertThat(verify.get("reason").asText()).contains(form.get("documentId").asText());

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<String> audit = http.postJson("/api/audit/verify", "auditor",
                "{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}");
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        JsonNode invalid = Http.json(audit).get("invalidCases");
        assertThat(java.util.stream.StreamSupport.stream(invalid.spliterator(), false)
                .filter(c -> c.get("caseId").asText().equals(caseId)).findFirst().orElseThrow()
                .get("changedDocuments").get(0).asText()).isEqualTo(form.get("documentId").asText());
    }
}
