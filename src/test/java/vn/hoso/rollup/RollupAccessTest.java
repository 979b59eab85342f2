package vn.hoso.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.infra.Http.json;

/** Who reads which rollup: auditors everything, officers and leaders their unit and below, others nothing. */
@IntegrationTest
class RollupAccessTest {

    static final String PERIOD = "from=2022-05-01&to=2022-05-31";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private void assertForbidden(String path, String user) {
        var response = http.get(path, user);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void anOfficerOfDistrict288GetsA403ForDistrict290() {
        assertForbidden("/api/rollups/units?tier=DISTRICT&unit=290&" + PERIOD, "officer.288");
        assertForbidden("/api/rollups/units/290/segments?" + PERIOD, "officer.288");
        assertForbidden("/api/rollups/units/10546/segments?" + PERIOD, "officer.288"); // a commune of 290
        assertForbidden("/api/rollups/trend?unit=290&" + PERIOD, "officer.288");
        assertForbidden("/api/rollups/units?parent=290&" + PERIOD, "leader.288");
        // and its own unit and the communes below it are fine
        assertThat(http.get("/api/rollups/units?tier=DISTRICT&unit=288&" + PERIOD, "officer.288").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/rollups/units/10510/segments?" + PERIOD, "officer.288").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerSeesOnlyTheirUnitAndTheUnitsBelowIt() {
        JsonNode rows = json(http.get("/api/rollups/units?" + PERIOD, "officer.288"));
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> assertThat(r.path("unitCode").asText().equals("288")
                || r.path("parentCode").asText().equals("288")).as(r.toString()).isTrue());
        assertThat(rows).extracting(r -> r.path("unitCode").asText()).contains("288", "10507", "10510");

        JsonNode commune = json(http.get("/api/rollups/units?" + PERIOD, "officer.10510"));
        assertThat(commune).extracting(r -> r.path("unitCode").asText()).containsOnly("10510");
    }

    @Test
    void tierRollupsAreForAuditorsAdministratorsAndTheProvinceLevelOnly() {
        assertForbidden("/api/rollups/tiers?" + PERIOD, "officer.288");
        assertForbidden("/api/rollups/tiers?" + PERIOD, "leader.10507");
        assertForbidden("/api/rollups/trend?" + PERIOD, "officer.288");
        for (String user : new String[] {"auditor", "admin", "leader.30", "officer.31"}) {
            assertThat(http.get("/api/rollups/tiers?" + PERIOD, user).statusCode()).as(user).isEqualTo(200);
        }
    }

    @Test
    void anAuditorReadsEveryUnitOfEveryTier() {
        JsonNode rows = json(http.get("/api/rollups/units?" + PERIOD, "auditor"));
        assertThat(rows).extracting(r -> r.path("tier").asText()).contains("PROVINCE", "DISTRICT", "COMMUNE");
        assertThat(rows.size()).isGreaterThan(200);
        assertThat(http.get("/api/rollups/units/290/segments?" + PERIOD, "auditor").statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallsAre401AndOnlyAdministratorsRebuild() {
        for (String path : new String[] {"/api/rollups/tiers?" + PERIOD, "/api/rollups/units?" + PERIOD,
                "/api/rollups/trend?" + PERIOD, "/api/rollups/units/288/segments?" + PERIOD}) {
            var response = http.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
        }
        assertThat(http.get("/dashboard/api/rollups/tiers?" + PERIOD, null).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/rollups/rebuild", null, "").statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/rollups/rebuild", "officer.30", "").statusCode()).isEqualTo(403);
    }

    @Test
    void theAuditorApiIsDescribedInOpenApiForUsersOnly() {
        var anonymous = http.get("/v3/api-docs/rollups", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Http.contentType(anonymous)).startsWith("application/problem+json");
        var response = http.get("/v3/api-docs/rollups", "auditor");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).path("paths");
        assertThat(paths.has("/api/rollups/tiers")).isTrue();
        assertThat(paths.has("/api/rollups/units/{code}/segments")).isTrue();
        assertThat(paths.has("/dashboard/api/rollups/tiers")).isFalse();
        assertThat(paths.path("/api/rollups/tiers").path("get").path("parameters"))
                .extracting(p -> p.path("name").asText()).contains("from", "to", "kind", "format");
    }
}
