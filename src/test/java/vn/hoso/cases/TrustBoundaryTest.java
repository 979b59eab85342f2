package vn.hoso.cases;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;

/**
 * The attacks of a low-privilege login on the case workflow, each performed through the real HTTP APIs — the
 * engine REST with HTTP Basic and Tasklist's own engine API with its session and XSRF token — and shown refused
 * with nothing changed: the case row and segments, the open tasks and who may work them, the event log, its chain
 * head and what the relay sent to Kafka, and the rollup read model ({@link CaseSnapshot}). Where the attack was a
 * variable in the engine, the same variable is also put there directly (as an insider with the Java API could) to
 * show that the workflow does not read it.
 */
@IntegrationTest
class TrustBoundaryTest {

    static final String A = "10714";
    static final String B = "10726";
    static final String OFFICER_A = "officer." + A;
    static final String LEADER_A = "leader." + A;
    static final String OFFICER_B = "officer." + B;
    static final String ID_NUMBER = "030095001234";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    CaseDriver driver;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
    }

    /** The engine API as one user, through one of its two doors. */
    interface EngineApi {
        HttpResponse<String> send(String method, String path, String json);

        default HttpResponse<String> get(String path) {
            return send("GET", path, null);
        }

        default HttpResponse<String> post(String path, String json) {
            return send("POST", path, json);
        }
    }

    EngineApi api(String way, String user) {
        if ("rest".equals(way)) {
            return (method, path, json) -> http.send(http.request("/engine-rest/" + path, user)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        }
        CamundaWebSession session = CamundaWebSession.loggedIn(port, "tasklist", user);
        return (method, path, json) -> session.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/" + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", session.xsrf())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    CaseSnapshot snapshot(String caseId) {
        return CaseSnapshot.settled(caseId, jdbc, taskService);
    }

    static void assertRefused(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(Http.contentType(response)).as(what).startsWith("application/problem+json");
    }

    static String variables(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{\"variables\":{");
        values.forEach((k, v) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",").append('"').append(k)
                .append("\":{\"value\":").append(v instanceof String s ? "\"" + s + "\"" : v).append('}'));
        return json.append("}}").toString();
    }

    /** A case received at A (online) whose receive step the officer of A has completed: appraise is open. */
    String caseAtAppraisal(String procedureCode) {
        String caseId = driver.receive(procedure(procedureCode, A, "ONLINE"));
        driver.complete(caseId, RECEIVE, OFFICER_A);
        return caseId;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void anOfficerCannotPutTheApprovalIntoTheirOwnQueue(String way) {
        String caseId = caseAtAppraisal("BIRTH_REG");
        Task appraise = driver.task(caseId, APPRAISE);
        String instance = appraise.getProcessInstanceId();
        String forgedGroups = A + ",officers." + A;
        EngineApi officer = api(way, OFFICER_A);
        CaseSnapshot before = snapshot(caseId);

        String id = appraise.getId();
        String modification = "{\"modifications\":{\"unitCode\":{\"value\":\"" + forgedGroups + "\"}}}";
        String value = "{\"value\":\"" + forgedGroups + "\",\"type\":\"String\"}";
        assertRefused(officer.post("task/" + id + "/variables", modification), 403, "task variables");
        assertRefused(officer.post("task/" + id + "/localVariables", modification), 403, "task-local variables");
        assertRefused(officer.send("PUT", "task/" + id + "/variables/unitCode", value), 403, "one task variable");
        assertRefused(officer.send("PUT", "task/" + id + "/localVariables/unitCode", value), 403, "local variable");
        assertRefused(officer.post("process-instance/" + instance + "/variables", modification), 403,
                "process variables");
        assertRefused(officer.send("PUT", "execution/" + instance + "/localVariables/unitCode", value), 403,
                "execution variable");
        assertRefused(officer.post("task/" + id + "/complete", variables(Map.of("unitCode", forgedGroups))), 400,
                "completion with a routing variable");
        assertRefused(officer.post("task/" + id + "/submit-form", variables(Map.of("mode", "ELECTRONIC",
                "unitCode", forgedGroups))), 400, "form submission with a routing variable");
        assertThat(snapshot(caseId)).isEqualTo(before);

        driver.complete(caseId, APPRAISE, OFFICER_A);
        Task approve = driver.task(caseId, APPROVE);
        assertThat(driver.candidateGroups(approve)).containsExactly("leaders." + A);
        assertThat(driver.tryComplete(caseId, APPROVE, OFFICER_A, Map.of()).statusCode()).isIn(403, 404);
        assertThat(api(way, OFFICER_A).post("task/" + approve.getId() + "/complete", "{}").statusCode())
                .isIn(403, 404);
        driver.complete(caseId, APPROVE, LEADER_A);
    }

    @Test
    void evenAVariableInsideTheEngineDoesNotMoveTheApproval() {
        String caseId = caseAtAppraisal("BIRTH_REG");
        Task appraise = driver.task(caseId, APPRAISE);
        String forgedGroups = A + ",officers." + A;
        runtimeService.setVariable(appraise.getProcessInstanceId(), "unitCode", forgedGroups);
        runtimeService.setVariable(rootInstance(caseId), "unitCode", forgedGroups);

        driver.complete(caseId, APPRAISE, OFFICER_A);

        assertThat(driver.candidateGroups(driver.task(caseId, APPROVE))).containsExactly("leaders." + A);
    }

    /**
     * A step finds its case by its root instance in our table; a second instance started with a bound case's id as its
     * business key (an administrator through the engine REST, an insider through the Java API) cannot take the case.
     */
    @Test
    void aSecondInstanceWithABoundCasesKeyCannotTakeTheCase() {
        String caseId = caseAtAppraisal("BIRTH_REG");
        CaseSnapshot before = snapshot(caseId);

        HttpResponse<String> started = api("rest", "admin").post("process-definition/key/" + CaseModel.CASE_PROCESS
                + "/start", "{\"businessKey\":\"" + caseId + "\"}");
        assertThat(started.statusCode()).as(started.body()).isGreaterThanOrEqualTo(400);
        assertThat(started.body()).contains("is not the one of case");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CaseModel.CASE_PROCESS, caseId))
                .hasMessageContaining("is not the one of case");

        assertThat(snapshot(caseId)).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CaseModel.CASE_PROCESS).count()).isEqualTo(1);
        driver.complete(caseId, APPRAISE, OFFICER_A);
        assertThat(driver.task(caseId, APPROVE)).isNotNull();
    }

    /** The case's main instance is never cleared by a step of a segment: a variable there meets the Mẫu 04 task. */
    @Test
    void aVariableInTheCaseInstanceDoesNotChooseWhoSendsTheApology() {
        String caseId = caseAtAppraisal("BIRTH_REG");
        String root = rootInstance(caseId);
        runtimeService.setVariables(root, Map.of("unitCode", B, "tier", "PROVINCE", "caseId", UUID.randomUUID()
                .toString()));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(root).timers()
                .singleResult().getId());

        assertThat(driver.candidateGroups(driver.task(caseId, APOLOGY))).containsExactly("officers." + A);
        assertThat(driver.candidateGroups(driver.task(caseId, APPRAISE))).containsExactly("officers." + A);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void theProvinceCannotBeSkippedByRoutingFlags(String way) {
        CaseDriver.clockAt("2026-03-10T08:00:00+07:00");
        try {
            String caseId = caseAtAppraisal("MERIT_ALLOWANCE"); // commune → province since 2025-07-01
            driver.complete(caseId, APPRAISE, OFFICER_A);
            Task approve = driver.task(caseId, APPROVE);
            CaseSnapshot before = snapshot(caseId);
            Map<String, Object> flags = new LinkedHashMap<>();
            flags.put("segIssue", true);
            flags.put("segReturn", true);
            flags.put("nextUnit", A);
            assertRefused(api(way, LEADER_A).post("task/" + approve.getId() + "/complete", variables(flags)), 400,
                    "approval with routing flags");
            assertThat(snapshot(caseId)).isEqualTo(before);

            // the same flags inside the engine change nothing either
            runtimeService.setVariables(approve.getProcessInstanceId(), flags);
            runtimeService.setVariables(rootInstance(caseId), Map.of("needsReturn", false, "segmentResult", "DONE"));
            driver.complete(caseId, APPROVE, LEADER_A);
            assertThat(driver.openTasks(caseId)).extracting(Task::getTaskDefinitionKey).contains(FORWARD)
                    .doesNotContain(ISSUE, RETURN_RESULT);
            driver.complete(caseId, FORWARD, OFFICER_A);
            Task atProvince = driver.task(caseId, APPRAISE);
            assertThat(driver.candidateGroups(atProvince)).containsExactly("officers.31");
            JsonNode file = driver.caseFile(caseId, "admin");
            assertThat(file.get("currentUnit").asText()).isEqualTo("31");
            assertThat(file.get("currentTier").asText()).isEqualTo("PROVINCE");
        } finally {
            CaseDriver.resetClock();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void anotherWardsCaseCannotBeRejectedByForgingItsId(String way) {
        String victim = driver.receive(procedure("BIRTH_REG", B, "ONLINE"));
        String own = driver.receive(procedure("BIRTH_REG", A, "ONLINE"));
        CaseSnapshot victimBefore = snapshot(victim);
        CaseSnapshot ownBefore = snapshot(own);
        Task receive = driver.task(own, RECEIVE);

        assertRefused(api(way, OFFICER_A).post("task/" + receive.getId() + "/complete",
                variables(Map.of("outcome", "REJECT", "caseId", victim))), 400, "completion with a forged caseId");
        assertThat(snapshot(victim)).isEqualTo(victimBefore);
        assertThat(snapshot(own)).isEqualTo(ownBefore);

        // inside the engine: the forged id is there, the step still belongs to its own case
        runtimeService.setVariable(receive.getProcessInstanceId(), "caseId", victim);
        runtimeService.setVariable(rootInstance(own), "caseId", victim);
        driver.complete(own, RECEIVE, OFFICER_A, Map.of("outcome", "REJECT"));

        assertThat(snapshot(victim)).isEqualTo(victimBefore);
        assertThat(driver.caseFile(own, OFFICER_A).get("status").asText()).isEqualTo("REJECTED");
        JsonNode verification = Http.json(http.get("/api/cases/" + victim + "/events/verify", "admin"));
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(driver.caseFile(victim, "admin").get("status").asText()).isEqualTo("RECEIVED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void aCaseCannotBePushedIntoAnotherUnitsQueue(String way) {
        String caseId = driver.receive(procedure("BIRTH_REG", A, "ONLINE"));
        String id = driver.task(caseId, RECEIVE).getId();
        EngineApi officer = api(way, OFFICER_A);
        CaseSnapshot before = snapshot(caseId);

        assertRefused(officer.post("task/" + id + "/identity-links",
                "{\"groupId\":\"officers." + B + "\",\"type\":\"candidate\"}"), 403, "candidate group");
        assertRefused(officer.post("task/" + id + "/identity-links",
                "{\"userId\":\"" + OFFICER_B + "\",\"type\":\"candidate\"}"), 403, "candidate user");
        assertRefused(officer.post("task/" + id + "/claim", "{\"userId\":\"" + OFFICER_B + "\"}"), 403,
                "claim for another");
        assertRefused(officer.post("task/" + id + "/assignee", "{\"userId\":\"" + OFFICER_B + "\"}"), 403,
                "assignee");
        assertRefused(officer.post("task/" + id + "/delegate", "{\"userId\":\"" + OFFICER_B + "\"}"), 403,
                "delegation");
        assertRefused(officer.send("PUT", "task/" + id, "{\"name\":\"x\",\"assignee\":\"" + OFFICER_B + "\"}"), 403,
                "task update");
        assertThat(snapshot(caseId)).isEqualTo(before);
        assertThat(api(way, OFFICER_B).get("task/" + id).statusCode()).isIn(403, 404);
        assertThat(Http.json(api("rest", OFFICER_B).get("task?processInstanceBusinessKey=" + caseId)))
                .isEmpty();

        // working on one's own task stays possible
        HttpResponse<String> claim = officer.post("task/" + id + "/claim", "{\"userId\":\"" + OFFICER_A + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        assertThat(officer.post("task/" + id + "/unclaim", "{}").statusCode()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void anIdentityNumberNeverReachesAnEvent(String way) {
        String caseId = driver.receive(procedure("BIRTH_REG", A, "ONLINE"));
        Task receive = driver.task(caseId, RECEIVE);
        CaseSnapshot before = snapshot(caseId);
        assertRefused(api(way, OFFICER_A).post("task/" + receive.getId() + "/complete",
                variables(Map.of("unitCode", ID_NUMBER))), 400, "completion with an id number as unit");
        assertThat(snapshot(caseId)).isEqualTo(before);

        runtimeService.setVariables(receive.getProcessInstanceId(), Map.of("unitCode", ID_NUMBER, "tier", ID_NUMBER));
        driver.complete(caseId, RECEIVE, OFFICER_A);

        List<String> events = jdbc.queryForList("select data::text from case_event where case_id = ?", String.class,
                caseId);
        assertThat(events).hasSizeGreaterThanOrEqualTo(2).noneMatch(e -> e.contains(ID_NUMBER));
        assertThat(jdbc.queryForObject("""
                select data->>'unitCode' from case_event where case_id = ? and type = 'vn.hoso.step.completed'""",
                String.class, caseId)).isEqualTo(A);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void officersReadNoProvinceWideCounts(String way) {
        driver.receive(procedure("BIRTH_REG", B, "ONLINE"));
        EngineApi officer = api(way, OFFICER_A);
        for (String path : List.of("process-definition/statistics", "process-definition/statistics?incidents=true",
                "process-definition/key/hoso-segment/statistics", "history/process-instance/count",
                "process-instance/count", "history/task/count", "execution/count", "job/count")) {
            HttpResponse<String> response = officer.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 403, 404);
            if (response.statusCode() == 200) {
                JsonNode body = Http.json(response);
                if (body.isArray()) {
                    assertThat(body).as(path).isEmpty();
                } else {
                    assertThat(body.path("count").asLong()).as(path).isZero();
                }
            }
        }
        HttpResponse<String> metrics = officer.get("metrics/activity-instance-start/sum");
        assertThat(metrics.statusCode()).as(metrics.body()).isIn(403, 404);
    }

    @Test
    void applicantNamesAreReadableThroughTheEngineOnlyByTheirUnitsOfficers() {
        String name = "Trần Thị Kín " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = procedure("BIRTH_REG", A, "ONLINE");
        body.put("applicant", Map.of("name", name, "idNumber", ID_NUMBER));
        String caseId = driver.receive(body);
        Task receive = driver.task(caseId, RECEIVE);
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);

        assertThat(http.get("/engine-rest/task/" + receive.getId() + "/variables", OFFICER_A).body()).contains(name);
        for (String path : List.of("/engine-rest/variable-instance?variableName=applicantName",
                "/engine-rest/history/variable-instance?variableName=applicantName",
                "/engine-rest/history/detail?variableName=applicantName",
                "/engine-rest/history/process-instance?variables=applicantName_eq_" + encoded,
                "/engine-rest/history/task?taskVariables=applicantName_eq_" + encoded,
                "/engine-rest/task/" + receive.getId() + "/variables",
                "/engine-rest/task/" + receive.getId() + "/form-variables",
                "/engine-rest/process-instance/" + receive.getProcessInstanceId() + "/variables")) {
            for (String user : List.of("auditor", OFFICER_B, "leader.288")) {
                HttpResponse<String> response = http.get(path, user);
                assertThat(response.statusCode()).as(user + " " + path).isIn(200, 403, 404);
                assertThat(response.body()).as(user + " " + path).doesNotContain(name);
                if (response.statusCode() == 200 && path.contains("_eq_")) {
                    assertThat(Http.json(response)).as(user + " " + path).isEmpty();
                }
            }
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("applicantName").count())
                .as("personal data is kept out of Camunda's history").isZero();
        assertThat(driver.caseFile(caseId, "auditor").get("applicant").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "tasklist"})
    void aCompletionOfAnotherUnitsTaskTellsNothingAboutIt(String way) {
        String caseId = driver.receive(procedure("BIRTH_REG", A, "ONLINE"));
        Task receive = driver.task(caseId, RECEIVE);
        CaseSnapshot before = snapshot(caseId);
        for (String json : List.of(variables(Map.of("outcome", "BOGUS")), variables(Map.of("foo", 1)), "{}")) {
            HttpResponse<String> response = api(way, OFFICER_B).post("task/" + receive.getId() + "/complete", json);
            assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
            assertThat(response.body()).doesNotContain(RECEIVE).doesNotContain("outcome").doesNotContain("ACCEPT");
        }
        assertThat(snapshot(caseId)).isEqualTo(before);
    }

    @Test
    void theStepInputItselfIsStillChecked() {
        String caseId = driver.receive(procedure("BIRTH_REG", A, "ONLINE"));
        HttpResponse<String> bad = driver.tryComplete(caseId, RECEIVE, OFFICER_A, Map.of("outcome", "APPROVE"));
        assertRefused(bad, 400, "an outcome of another step");
        assertThat(bad.body()).contains("ACCEPT", "REJECT");
        driver.complete(caseId, RECEIVE, OFFICER_A, Map.of("mode", "PAPER", "outcome", "ACCEPT"));
        assertThat(driver.task(caseId, APPRAISE)).isNotNull();
        assertThat(runtimeService.getVariables(driver.task(caseId, APPRAISE).getProcessInstanceId()))
                .as("the completion's variables are not kept in the engine").isEmpty();
    }

    private String rootInstance(String caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CaseModel.CASE_PROCESS).singleResult().getId();
    }
}
