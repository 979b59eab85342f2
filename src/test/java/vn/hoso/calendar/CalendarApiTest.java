package vn.hoso.calendar;

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
class CalendarApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aYearListsItsHolidaysAndMakeUpWorkingDays() {
        var response = http.get("/api/calendar/2026", "officer.10507");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode year = json(response);
        assertThat(year.get("year").asInt()).isEqualTo(2026);
        assertThat(year.get("provisional").asBoolean()).isFalse();
        assertThat(year.get("workingDayCount").asInt()).isEqualTo(250);
        assertThat(year.get("holidays")).extracting(d -> d.get("date").asText())
                .contains("2026-01-01", "2026-01-02", "2026-02-16", "2026-02-20", "2026-04-27", "2026-08-31",
                        "2026-09-02")
                .doesNotContain("2026-01-10", "2026-02-14");
        assertThat(year.get("holidays")).anySatisfy(d -> {
            assertThat(d.get("date").asText()).isEqualTo("2026-02-17");
            assertThat(d.get("name").asText()).isEqualTo("Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)");
        });
        assertThat(year.get("makeUpWorkingDays")).extracting(d -> d.get("date").asText())
                .containsExactly("2026-01-10", "2026-08-22");

        JsonNode provisional = json(http.get("/api/calendar/2027", "auditor"));
        assertThat(provisional.get("provisional").asBoolean()).isTrue();
        assertThat(provisional.get("holidays")).allSatisfy(d -> assertThat(d.get("provisional").asBoolean()).isTrue());
    }

    @Test
    void anUnknownYearIsA404AndAMalformedOneA400() {
        for (String year : new String[] {"2020", "2028", "1999"}) {
            var response = http.get("/api/calendar/" + year, "auditor");
            assertThat(response.statusCode()).as(year).isEqualTo(404);
            assertThat(contentType(response)).startsWith("application/problem+json");
            assertThat(json(response).get("detail").asText()).contains(year, "2021–2027");
        }
        for (String year : new String[] {"20x6", "202", "20266", "-2026", "2026.0"}) {
            var response = http.get("/api/calendar/" + year, "auditor");
            assertThat(response.statusCode()).as(year).isEqualTo(400);
            assertThat(contentType(response)).as(year).startsWith("application/problem+json");
        }
    }

    @Test
    void workingDaysGivesTheDueDate() {
        var response = http.get("/api/calendar/working-days?from=2024-02-02&days=10", "officer.10507");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode due = json(response);
        assertThat(due.get("from").asText()).isEqualTo("2024-02-02");
        assertThat(due.get("days").asInt()).isEqualTo(10);
        assertThat(due.get("due").asText()).isEqualTo("2024-02-23");

        assertThat(json(http.get("/api/calendar/working-days?from=2026-02-23&days=-1", "auditor"))
                .get("due").asText()).isEqualTo("2026-02-13");
        assertThat(json(http.get("/api/calendar/working-days?from=2026-02-14&days=0", "auditor"))
                .get("due").asText()).isEqualTo("2026-02-23");
        assertThat(json(http.get("/api/calendar/working-days?from=2021-01-01&days=1000", "auditor"))
                .get("due").asText()).isNotBlank();
    }

    @Test
    void badWorkingDaysInputIsA400Problem() {
        for (String query : new String[] {"from=2024-02-02&days=1001", "from=2024-02-02&days=-1001",
                "from=2024-02-02&days=abc", "from=2024-02-02&days=99999999999", "from=2024-02-02",
                "days=3", "from=2024-02-30&days=3", "from=02/02/2024&days=3", "from=2030-01-02&days=3",
                "from=2027-12-30&days=5", "from=2021-01-04&days=-1"}) {
            var response = http.get("/api/calendar/working-days?" + query, "auditor");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(contentType(response)).as(query).startsWith("application/problem+json");
        }
        assertThat(json(http.get("/api/calendar/working-days?from=2027-12-30&days=5", "auditor"))
                .get("detail").asText()).contains("2028");
    }

    @Test
    void theCalendarNeedsAnAuthenticatedUser() {
        var response = http.get("/api/calendar/2026", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(http.get("/api/calendar/working-days?from=2024-02-02&days=1", null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorReloads() {
        var forbidden = http.send(http.request("/api/calendar/reload", "officer.10507")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(contentType(forbidden)).startsWith("application/problem+json");

        var reloaded = http.send(http.request("/api/calendar/reload", "admin")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(reloaded.statusCode()).isEqualTo(200);
        JsonNode body = json(reloaded);
        assertThat(body.get("firstYear").asInt()).isEqualTo(2021);
        assertThat(body.get("lastYear").asInt()).isEqualTo(2027);
        assertThat(body.get("exceptions").asInt()).isEqualTo(104);
    }
}
