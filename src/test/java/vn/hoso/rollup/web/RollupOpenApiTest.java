package vn.hoso.rollup.web;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated description of the auditor API ({@code /v3/api-docs/rollups}) is the recorded one: every path, its
 * operation, summary, parameters (declared once, {@link QueryParameter}) and response schemas. The record is the
 * document as generated before the rollup controller was split (issue 17), without {@code servers} (the port); if
 * the API changes on purpose, record the new document in {@code openapi-rollups.json}.
 */
@IntegrationTest
class RollupOpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedDescriptionIsTheRecordedOne() throws IOException {
        ObjectNode generated = (ObjectNode) Http.json(new Http(port).get("/v3/api-docs/rollups", "auditor"));
        generated.remove("servers");
        JsonNode recorded;
        try (InputStream in = getClass().getResourceAsStream("openapi-rollups.json")) {
            recorded = new ObjectMapper().readTree(in);
        }
        assertThat(generated.path("paths").path("/api/rollups/units").path("get").path("parameters"))
                .extracting(p -> p.path("name").asText())
                .containsExactly("from", "to", "kind", "format", "tier", "asOf", "unit", "parent");
        assertThat(generated).isEqualTo(recorded);
    }
}
