package vn.hoso.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request size limits (413 problem+json: 256 KB on /api, 5 MB on /engine-rest and the web apps' API, 1 MiB for a
 * JSON engine query) and requests refused before any handler (bad Accept header, encoded slash), all as
 * application/problem+json.
 */
@IntegrationTest
class RequestLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aBodyOverTheApiLimitIs413AndNothingIsStored() {
        long cases = jdbc.queryForObject("select count(*) from case_file", Long.class);
        String big = caseWithSubject("x".repeat(300 * 1024));
        var response = http.postJson("/api/cases", "officer.10843", big);
        assertProblem(response, 413);
        // under the limit: the intake's own validation answers (subject too long), not the limit
        var underLimit = http.postJson("/api/cases", "officer.10843", caseWithSubject("x".repeat(200 * 1024)));
        assertProblem(underLimit, 400);
        assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(cases);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] big = caseWithSubject("y".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);
        var response = http.send(http.request("/api/cases", "officer.10843")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertProblem(response, 413);
        // and a small chunked body goes through to the intake
        byte[] small = "{\"kind\":\"LETTER\"}".getBytes(StandardCharsets.UTF_8);
        var ok = http.send(http.request("/api/cases", "officer.10843").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build());
        assertProblem(ok, 400);
        assertThat(ok.body()).contains("kind");
    }

    @Test
    void aBodyOverTheEngineLimitIs413() {
        // of unknown length (chunked): read up to the limit, then refused
        byte[] big = new byte[5 * 1024 * 1024 + 512 * 1024];
        var response = http.send(http.request("/engine-rest/deployment/create", "admin")
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertProblem(response, 413);
    }

    @Test
    void aJsonEngineQueryOverOneMegabyteIs413() {
        String query = "{\"processDefinitionKey\":\"" + "z".repeat(1_100_000) + "\"}";
        assertProblem(http.postJson("/engine-rest/task", "officer.10843", query), 413);
        assertThat(http.postJson("/engine-rest/task", "officer.10843", "{\"processDefinitionKey\":\"nothing\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTaskCompletionOverOneMegabyteIs413NotTruncated() {
        var response = http.send(http.request("/engine-rest/task/no-such-task/complete", "officer.10843")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("v".repeat(1_100_000))).build());
        assertProblem(response, 413);
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeIs400() {
        assertProblem(http.get("/api/rollups/tiers", "auditor", "garbage"), 400);
        assertProblem(http.get("/api/units", "auditor", "text/"), 400);
        // a well-formed Accept that nothing matches still gets its problem as JSON
        assertProblem(http.get("/api/rollups/tiers", "auditor", "application/xml"), 400);
    }

    @Test
    void anEncodedSlashInAPathIsRefusedWithAProblem() throws IOException {
        assertProblem(http.get("/api/rollups/units/a%2Fb/segments?from=2025-01-01&to=2025-01-02", "auditor"), 400);
        assertProblem(http.get("/api/rollups/units/a%00b/segments?from=2025-01-01&to=2025-01-02", "auditor"), 400);
        assertProblem(http.get("/api/rollups/units/a%5Cb/segments?from=2025-01-01&to=2025-01-02", "auditor"), 400);
        assertProblem(http.get("/api/rollups/units/10714;x/segments?from=2025-01-01&to=2025-01-02", "auditor"), 400);
    }

    private static String caseWithSubject(String subject) {
        return "{\"kind\":\"WORK\",\"procedureCode\":\"WORK_INCOMING\",\"receivingUnit\":\"10843\","
                + "\"channel\":\"ONLINE\",\"subject\":\"" + subject + "\"}";
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(Http.json(response).path("status").asInt()).isEqualTo(status);
    }
}
