package vn.hoso.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.clockAt;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.CASE_PROCESS;

/** POST /api/cases: every bad input is a 400 problem naming the field, and nothing is stored or started. */
@IntegrationTest
class CaseIntakeTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(new Http(port), taskService);
        clockAt("2026-03-02T09:00:00+07:00");
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void aValidCaseGetsItsCodeDueDateAndProcessInstance() {
        var response = driver.post(procedure("BUILDING_PERMIT", "10507", "ONLINE"), "officer.10507");
        // 2026: no district tier; a district-level procedure is received at the commune
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Http.json(response);
        assertThat(body.get("code").asText()).matches("10507-260302-\\d{4}");
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("dueDate").asText()).isEqualTo("2026-03-23");
        String caseId = body.get("caseId").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CASE_PROCESS).count()).isEqualTo(1);

        var second = Http.json(driver.post(procedure("BUILDING_PERMIT", "10507", "ONLINE"), "officer.10507"));
        int first = Integer.parseInt(body.get("code").asText().substring(13));
        assertThat(second.get("code").asText()).isEqualTo("10507-260302-%04d".formatted(first + 1));
    }

    @Test
    void workFilesHaveNoApplicantAndCanBeOpenedAtAnyTier() {
        Map<String, Object> work = new HashMap<>(Map.of("kind", "WORK", "procedureCode", "WORK_INCOMING",
                "receivingUnit", "31", "channel", "ONLINE", "subject", "Công văn số 12/UBND về chuyển đổi số"));
        assertThat(driver.post(work, "officer.31").statusCode()).isEqualTo(201);
        work.put("receivingUnit", "10507");
        assertThat(driver.post(work, "officer.10507").statusCode()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        int cases = count();
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(CASE_PROCESS).count();

        bad(b -> b.put("procedureCode", "NO_SUCH_THING"), "procedureCode");
        bad(b -> b.put("receivingUnit", "288"), "receivingUnit");            // district abolished in 2025
        bad(b -> b.put("receivingUnit", "99999"), "receivingUnit");
        bad(b -> b.put("receivingUnit", "10507; drop table case_file"), "receivingUnit");
        bad(b -> b.put("procedureCode", "ENTERPRISE_REG"), "receivingUnit");  // province-only procedure
        bad(b -> b.remove("applicant"), "applicant");
        bad(b -> b.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "12345")), "applicant.idNumber");
        bad(b -> b.put("applicant", Map.of("name", "", "idNumber", "030095001234")), "applicant.name");
        bad(b -> b.put("applicant", "Nguyễn Văn An"), "applicant");
        bad(b -> b.put("subject", "x".repeat(501)), "subject");
        bad(b -> b.put("subject", "   "), "subject");
        bad(b -> b.put("subject", 42), "subject");
        bad(b -> b.put("kind", "LETTER"), "kind");
        bad(b -> b.put("kind", "WORK"), "kind");                            // BIRTH_REG is a PROCEDURE
        bad(b -> b.put("channel", "FAX"), "channel");
        bad(b -> b.remove("channel"), "channel");
        bad(b -> b.put("receivedAt", "yesterday"), "receivedAt");
        bad(b -> b.put("receivedAt", "2030-01-01T00:00:00+07:00"), "receivedAt");
        bad(b -> b.put("receivedAt", "2019-05-01T00:00:00+07:00"), "receivedAt");
        bad(b -> {
            b.put("receivingUnit", "10621");
            b.put("receivedAt", "2024-06-03T09:00:00+07:00"); // 10621 was Xã Thanh Quang: fine; but BIZ at commune
            b.put("procedureCode", "BIZ_HOUSEHOLD");
        }, "receivingUnit");

        for (String raw : List.of("not json", "[]", "null", "{\"kind\": {\"$ne\": 1}}")) {
            var response = driver.post(raw, "officer.10507");
            assertThat(response.statusCode()).as(raw).isEqualTo(400);
            assertThat(Http.contentType(response)).as(raw).startsWith("application/problem+json");
        }

        assertThat(count()).isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CASE_PROCESS).count())
                .isEqualTo(instances);
    }

    @Test
    void onlyOfficersOfTheReceivingUnitMayReceiveThere() {
        int cases = count();
        assertThat(driver.post(procedure("BIRTH_REG", "10507", "ONLINE"), "officer.10525").statusCode())
                .isEqualTo(403);
        assertThat(driver.post(procedure("BIRTH_REG", "10507", "ONLINE"), "leader.10507").statusCode())
                .isEqualTo(403);
        assertThat(driver.post(procedure("BIRTH_REG", "10507", "ONLINE"), "auditor").statusCode()).isEqualTo(403);
        assertThat(driver.post(procedure("BIRTH_REG", "10507", "ONLINE"), null).statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(cases);
    }

    @Test
    void aCaseIsReadableByItsUnitsAuditorsAndAdminsOnly() {
        String caseId = driver.receive(procedure("BIRTH_REG", "10507", "ONLINE"));
        assertThat(driver.caseFile(caseId, "officer.10507").get("applicant").get("idNumber").asText())
                .isEqualTo("030095001234");
        assertThat(driver.caseFile(caseId, "auditor").get("applicant").isNull()).isTrue();
        assertThat(driver.caseFile(caseId, "admin").get("applicant").isNull()).isFalse();
        var other = driver.http.get("/api/cases/" + caseId, "officer.10525");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(Http.contentType(other)).startsWith("application/problem+json");
        assertThat(driver.http.get("/api/cases/00000000-0000-0000-0000-000000000000", "auditor").statusCode())
                .isEqualTo(404);
        assertThat(driver.http.get("/api/cases/not-a-uuid", "auditor").statusCode()).isEqualTo(400);
    }

    @Test
    void theProcedureCatalogueListsAtLeastTenProceduresAndTwoWorkFileTypes() {
        JsonNode before = Http.json(driver.http.get("/api/procedures?date=2025-03-01", "officer.10507"));
        assertThat(before.size()).isGreaterThanOrEqualTo(12);
        assertThat(before).filteredOn(p -> p.get("kind").asText().equals("WORK")).hasSizeGreaterThanOrEqualTo(2);
        JsonNode merit = find(before, "MERIT_ALLOWANCE");
        assertThat(merit.get("route")).extracting(l -> l.get("tier").asText())
                .containsExactly("COMMUNE", "DISTRICT", "PROVINCE");
        assertThat(merit.get("totalDays").asInt()).isEqualTo(24);

        JsonNode after = Http.json(driver.http.get("/api/procedures?date=2026-01-01", "officer.10507"));
        assertThat(find(after, "MERIT_ALLOWANCE").get("route")).extracting(l -> l.get("tier").asText())
                .containsExactly("COMMUNE", "PROVINCE");
        assertThat(find(after, "BIZ_HOUSEHOLD").get("receivingTiers")).extracting(JsonNode::asText)
                .containsExactly("COMMUNE");
        assertThat(driver.http.get("/api/procedures?date=someday", "officer.10507").statusCode()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode procedures, String code) {
        for (JsonNode p : procedures) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no procedure " + code);
    }

    private void bad(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = new HashMap<>(procedure("BIRTH_REG", "10507", "IN_PERSON"));
        change.accept(body);
        Object unit = body.get("receivingUnit");
        String user = java.util.Set.of("10507", "288", "10621").contains(unit) ? "officer." + unit : "admin";
        var response = driver.post(body, user);
        assertThat(response.statusCode()).as("%s → %s", body, response.body()).isEqualTo(400);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(Http.json(response).get("errors")).as(response.body())
                .anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from case_file", Integer.class);
    }
}
