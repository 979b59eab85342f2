package vn.hoso.units;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.infra.Http.contentType;
import static vn.hoso.infra.Http.json;

@IntegrationTest
class UnitApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void listsTheUnitsValidOnADateFilteredByTierAndParent() {
        var districts = http.get("/api/units?date=2021-11-01&tier=DISTRICT", "officer.10507");
        assertThat(districts.statusCode()).isEqualTo(200);
        assertThat(json(districts)).hasSize(12);

        var communesOfHaiDuongCity = json(http.get("/api/units?date=2025-03-01&tier=COMMUNE&parent=288", "auditor"));
        assertThat(communesOfHaiDuongCity).isNotEmpty()
                .allSatisfy(u -> assertThat(u.get("parentCode").asText()).isEqualTo("288"));

        assertThat(json(http.get("/api/units?date=2025-07-01", "auditor"))).hasSize(115);
    }

    @Test
    void aUnitComesWithItsSuccessorsAndPredecessors() {
        JsonNode old = json(http.get("/api/units/10507?date=2025-03-01", "auditor"));
        assertThat(old.get("name").asText()).isEqualTo("Phường Cẩm Thượng");
        assertThat(old.get("tier").asText()).isEqualTo("COMMUNE");
        assertThat(old.get("successors").get(0).get("newName").asText()).isEqualTo("Phường Thành Đông");

        JsonNode now = json(http.get("/api/units/10507?date=2025-07-01", "auditor"));
        assertThat(now.get("name").asText()).isEqualTo("Phường Thành Đông");
        assertThat(now.get("predecessors")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(now.get("history")).hasSize(2);
    }

    @Test
    void targetsInForceOnADate() {
        JsonNode before = json(http.get("/api/targets?date=2025-05-01", "auditor"));
        assertThat(before.get("tiers")).hasSize(3);
        assertThat(before.get("targets")).extracting(t -> t.get("tier").asText() + "=" + t.get("target").asText())
                .containsExactly("PROVINCE=0.9", "DISTRICT=0.8", "COMMUNE=0.7");

        JsonNode after = json(http.get("/api/targets?date=2026-05-01", "auditor"));
        assertThat(after.get("targets")).extracting(t -> t.get("tier").asText() + "=" + t.get("target").asText())
                .containsExactly("PROVINCE=1.0", "COMMUNE=1.0");
    }

    @Test
    void unknownCodeIsA404Problem() {
        var response = http.get("/api/units/99999?date=2025-03-01", "auditor");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("99999");

        // a code that exists, but not on that date
        assertThat(http.get("/api/units/288?date=2025-07-01", "auditor").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedInputIsA400Problem() {
        for (String path : new String[] {"/api/units?date=2025-13-45", "/api/units?date=yesterday",
                "/api/units?tier=HAMLET", "/api/units/10507?date=01-07-2025", "/api/targets?date=2025-02-30"}) {
            var response = http.get(path, "auditor");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(contentType(response)).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void anonymousAndWrongPasswordCallsAre401Problems() {
        var anonymous = http.get("/api/units", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(contentType(anonymous)).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        var wrongPassword = http.send(http.request("/api/units", null)
                .header("Authorization", Http.basic("leader.291", "not-the-password")).GET().build());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }
}
