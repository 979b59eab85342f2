package vn.hoso.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.CamundaWebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * Who may call what: one row per endpoint, one column per role, the expected status in each cell. Unit A is commune
 * 10714 (Phường Nhị Chiểu), unit B commune 10726; a case received at A (and its first task) is the object of the
 * rows that name one. {@code 403|404}: either (the engine answers 404 for a task the caller may not see);
 * {@code -}: not called (a state change that only that role may make, tested elsewhere).
 *
 * <p>The "web" rows go through the Camunda web apps' own API with a browser session logged into Tasklist (with
 * the XSRF token); anonymous there means no session. A Tasklist session may not use Cockpit's plugin API unless
 * its user may use Cockpit (auditors, administrators).
 */
@IntegrationTest
class SecurityMatrixTest {

    static final String A = "10714";
    static final String B = "10726";
    static final String PERIOD = "from=2026-04-01&to=2026-04-30";
    static final String[] ROLES = {"anonymous", "officer.A", "officer.B", "leader.A", "auditor", "admin"};
    static final String[] USERS = {null, "officer." + A, "officer." + B, "leader." + A, "auditor", "admin"};

    static final String CASE_AT_A = """
            {"kind":"PROCEDURE","procedureCode":"BIRTH_REG","receivingUnit":"10714","channel":"ONLINE",
             "subject":"Ma trận quyền","applicant":{"name":"Lê Văn Cường","idNumber":"030095009999"}}""";

    //             method  path                                                       anon   off.A      off.B      lead.A     auditor    admin
    static final Object[][] MATRIX = {
            // --- product API (/api, HTTP Basic)
            {"GET", "/api/units/" + A + "?date=2026-04-15",                            "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/api/procedures?date=2026-04-15",                                  "401", "200",     "200",     "200",     "200",     "200"},
            {"POST", "/api/cases",                                                      "401", "201",     "403",     "403",     "403",     "201"},
            {"GET", "/api/cases/{case}",                                                "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/cases/{case}/events",                                         "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/cases/{case}/events/verify",                                  "401", "200",     "403",     "200",     "200",     "200"},
            // citizens: the receipt and a new PIN for the receiving unit's officers; the public lookup for anyone (a
            // wrong PIN: 404 for all); the applicants' messages and the officers' digest for administrators
            {"GET", "/api/cases/{case}/receipt",                                        "401", "200",     "403",     "403",     "403",     "403"},
            {"POST", "/api/cases/{case}/lookup-pin",                                    "401", "200",     "403",     "403",     "403",     "403"},
            {"GET", "/api/public/cases/10714-260415-9999?pin=ABCD-EFGH",                "404", "404",     "404",     "404",     "404",     "404"},
            {"GET", "/api/citizens/messages?status=DEAD",                               "401", "403",     "403",     "403",     "403",     "200"},
            {"POST", "/api/citizens/digest",                                            "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/api/audit/verify",                                               "401", "403",     "403",     "403",     "200",     "200"},
            {"GET", "/api/rollups/me",                                                  "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/api/rollups/tiers?" + PERIOD,                                     "401", "403",     "403",     "403",     "200",     "200"},
            {"GET", "/api/rollups/units?unit=" + A + "&" + PERIOD,                      "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/rollups/units/" + A + "/segments?" + PERIOD,                  "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/rollups/trend?unit=" + A + "&" + PERIOD,                      "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/rollups/report/units?unit=" + A + "&" + PERIOD,               "401", "200",     "403",     "200",     "200",     "200"},
            {"GET", "/api/rollups/report/tiers?" + PERIOD,                              "401", "403",     "403",     "403",     "200",     "200"},
            {"POST", "/api/rollups/rebuild",                                            "401", "403",     "403",     "403",     "403",     "-"},
            // --- engine REST (/engine-rest, HTTP Basic, Camunda authorizations)
            {"GET", "/engine-rest/engine",                                              "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/engine-rest/task/{task}",                                         "401", "200",     "403|404", "403|404", "403|404", "200"},
            {"GET", "/engine-rest/task/{task}/variables",                               "401", "200",     "403|404", "403|404", "403|404", "200"},
            {"POST", "/engine-rest/task/{task}/complete",                               "401", "-",       "403|404", "403|404", "403|404", "-"},
            // auditors read instances, not their variables (enforceSpecificVariablePermission)
            {"GET", "/engine-rest/process-instance/{instance}/variables",               "401", "403|404", "403|404", "403|404", "403|404", "200"},
            {"PUT", "/engine-rest/process-instance/{instance}/variables/outcome",        "401", "403",     "403",     "403",     "403",     "-"},
            {"DELETE", "/engine-rest/process-instance/{instance}",                      "401", "403|404", "403|404", "403|404", "403|404", "-"},
            {"POST", "/engine-rest/process-definition/key/hoso-case/start",             "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/deployment/create",                                  "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/authorization/create",                               "401", "403",     "403",     "403",     "403",     "-"},
            {"PUT", "/engine-rest/group/camunda-admin/members/{self}",                  "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/user/create",                                        "401", "403",     "403",     "403",     "403",     "-"},
            {"GET", "/engine-rest/user/admin/profile",                                  "401", "403|404", "403|404", "403|404", "403|404", "200"},
            // --- writes that decide who works a case, where it goes, which case a step belongs to: nobody but
            //     administrators (a task's candidates may claim it for themselves and complete it with its input)
            {"POST", "/engine-rest/task/{task}/variables",                              "401", "403",     "403",     "403",     "403",     "-"},
            {"PUT", "/engine-rest/task/{task}/variables/unitCode",                      "401", "403",     "403",     "403",     "403",     "-"},
            {"PUT", "/engine-rest/task/{task}/localVariables/unitCode",                 "401", "403",     "403",     "403",     "403",     "-"},
            {"DELETE", "/engine-rest/task/{task}/localVariables/caseCode",              "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/process-instance/{instance}/variables",              "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/execution/{instance}/localVariables",                "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/task/{task}/identity-links",                         "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/task/{task}/identity-links/delete",                  "401", "403",     "403",     "403",     "403",     "-"},
            {"PUT", "/engine-rest/task/{task}",                                         "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/task/{task}/assignee",                               "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/task/{task}/delegate",                               "401", "403",     "403",     "403",     "403",     "-"},
            // claimed for officer.B: only B may claim for B, and B may not see the task
            {"POST", "/engine-rest/task/{task}/claim",                                  "401", "403",     "403|404", "403",     "403",     "-"},
            // a completion with a variable that is not the step's input: refused for everyone (400 when the caller
            // may see the task, the engine's 403/404 otherwise)
            {"POST", "/engine-rest/task/{task}/submit-form",                            "401", "400",     "403|404", "403|404", "403|404", "400"},
            {"POST", "/engine-rest/message",                                            "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/signal",                                             "401", "403",     "403",     "403",     "403",     "-"},
            {"GET", "/engine-rest/metrics/activity-instance-start/sum",                 "401", "403",     "403",     "403",     "403",     "200"},
            {"WEB POST", "/camunda/api/engine/engine/default/task/{task}/variables",    "401", "403",     "403",     "403",     "403",     "-"},
            {"WEB POST", "/camunda/api/engine/engine/default/task/{task}/identity-links", "401", "403",   "403",     "403",     "403",     "-"},
            {"WEB POST", "/camunda/api/engine/engine/default/task/{task}/submit-form",  "401", "400",     "403|404", "403|404", "403|404", "400"},
            // --- Camunda web apps' API (session + XSRF; logged into Tasklist)
            {"WEB GET", "/camunda/api/admin/auth/user/default",                         "404", "200",     "200",     "200",     "200",     "200"},
            {"WEB GET", "/camunda/api/engine/engine/default/task/{task}",               "401", "200",     "403|404", "403|404", "403|404", "200"},
            {"WEB POST", "/camunda/api/engine/engine/default/task/{task}/complete",     "401", "-",       "403|404", "403|404", "403|404", "-"},
            {"WEB GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                                                                                        "401", "403",     "403",     "403",     "200",     "200"},
            {"WEB POST", "/camunda/api/engine/engine/default/authorization/create",     "401", "403",     "403",     "403",     "403",     "-"},
            // denied to everybody; to Spring Security a web app session is anonymous, hence 401
            {"WEB POST", "/camunda/api/admin/setup/default/user/create",                "401", "401",     "401",     "401",     "401",     "401"},
            {"LOGIN", "tasklist",                                                       "-",   "200",     "200",     "200",     "200",     "200"},
            {"LOGIN", "cockpit",                                                        "-",   "403",     "403",     "403",     "200",     "200"},
            {"LOGIN", "admin",                                                          "-",   "403",     "403",     "403",     "403",     "200"},
            // --- actuator: health public, the rest administrators
            {"GET", "/actuator/health",                                                 "200", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/actuator/info",                                                   "401", "403",     "403",     "403",     "403",     "200"},
            {"GET", "/actuator/metrics",                                                "401", "403",     "403",     "403",     "403",     "200"},
            {"GET", "/actuator/prometheus",                                             "401", "403",     "403",     "403",     "403",     "200"},
            // --- the OpenAPI description and Swagger UI: HTTP Basic, any user
            {"GET", "/v3/api-docs",                                                     "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/v3/api-docs/rollups",                                             "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/v3/api-docs/swagger-config",                                      "401", "200",     "200",     "200",     "200",     "200"},
            {"GET", "/swagger-ui/index.html",                                           "401", "200",     "200",     "200",     "200",     "200"},
            // --- other spellings: every guard decides on the decoded path the container routes on (EncodedPathTest)
            {"POST", "/%61pi/cases",                                                    "401", "201",     "403",     "403",     "403",     "201"},
            {"GET", "/%61pi/rollups/tiers?" + PERIOD,                                   "401", "403",     "403",     "403",     "200",     "200"},
            {"GET", "/%61ctuator/prometheus",                                           "401", "403",     "403",     "403",     "403",     "200"},
            {"GET", "/actuator/%70rometheus",                                           "401", "403",     "403",     "403",     "403",     "200"},
            {"GET", "/%76%33/api-docs/rollups",                                         "401", "200",     "200",     "200",     "200",     "200"},
            {"POST", "/engine-rest/%64eployment/create",                                "401", "403",     "403",     "403",     "403",     "-"},
            {"POST", "/engine-rest/engine/default/%64eployment/create",                 "401", "403",     "403",     "403",     "403",     "-"},
            // a servlet prefix spelled otherwise (engine REST, web apps' APIs) is refused before anything else
            {"GET", "/%65ngine-rest/engine",                                            "400", "400",     "400",     "400",     "400",     "400"},
            {"WEB GET", "/camunda/api/%63ockpit/plugin/base/default/process-definition/statistics",
                                                                                        "400", "400",     "400",     "400",     "400",     "400"},
            // the web apps' API (Jersey) matches the path as sent, so an encoded letter is no route (404); the
            // access guard decodes it and refuses an officer's Tasklist session first
            {"WEB GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistic%73",
                                                                                        "401", "403",     "403",     "403",     "404",     "404"},
    };

    static final String FORGED_MODIFICATION = "{\"modifications\":{\"unitCode\":{\"value\":\"" + B + "\"}}}";
    static final String FORGED_VALUE = "{\"value\":\"" + B + "\",\"type\":\"String\"}";
    static final String FORGED_COMPLETION = "{\"variables\":{\"mode\":{\"value\":\"ELECTRONIC\"},"
            + "\"unitCode\":{\"value\":\"" + B + "\"}}}";

    static final Map<String, String> BODIES = pairs(
            "/api/cases", CASE_AT_A,
            "/%61pi/cases", CASE_AT_A,
            "/api/audit/verify", "{\"from\":\"2026-04-15\",\"to\":\"2026-04-15\"}",
            "/engine-rest/task/{task}/complete", "{}",
            "/engine-rest/process-instance/{instance}/variables/outcome", "{\"value\":\"REJECT\",\"type\":\"String\"}",
            "/engine-rest/process-definition/key/hoso-case/start", "{\"businessKey\":\"forged\"}",
            "/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{self}\","
                    + "\"resourceType\":0,\"resourceId\":\"*\"}",
            "/engine-rest/user/create", "{\"profile\":{\"id\":\"matrix-intruder\"},\"credentials\":{\"password\":\"x\"}}",
            "/camunda/api/engine/engine/default/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],"
                    + "\"userId\":\"{self}\",\"resourceType\":0,\"resourceId\":\"*\"}",
            "/camunda/api/admin/setup/default/user/create", "{\"profile\":{\"id\":\"matrix-intruder\"},"
                    + "\"credentials\":{\"password\":\"x\"}}",
            "/engine-rest/task/{task}/variables", FORGED_MODIFICATION,
            "/engine-rest/task/{task}/variables/unitCode", FORGED_VALUE,
            "/engine-rest/task/{task}/localVariables/unitCode", FORGED_VALUE,
            "/engine-rest/process-instance/{instance}/variables", FORGED_MODIFICATION,
            "/engine-rest/execution/{instance}/localVariables", FORGED_MODIFICATION,
            "/engine-rest/task/{task}/identity-links", "{\"groupId\":\"officers." + B + "\",\"type\":\"candidate\"}",
            "/engine-rest/task/{task}/identity-links/delete", "{\"groupId\":\"officers." + A + "\",\"type\":\"candidate\"}",
            "/engine-rest/task/{task}", "{\"name\":\"x\",\"assignee\":\"officer." + B + "\"}",
            "/engine-rest/task/{task}/assignee", "{\"userId\":\"officer." + B + "\"}",
            "/engine-rest/task/{task}/delegate", "{\"userId\":\"officer." + B + "\"}",
            "/engine-rest/task/{task}/claim", "{\"userId\":\"officer." + B + "\"}",
            "/engine-rest/task/{task}/submit-form", FORGED_COMPLETION,
            "/engine-rest/message", "{\"messageName\":\"x\",\"processVariables\":{\"unitCode\":{\"value\":\"" + B + "\"}}}",
            "/engine-rest/signal", "{\"name\":\"x\",\"variables\":{\"unitCode\":{\"value\":\"" + B + "\"}}}",
            "/camunda/api/engine/engine/default/task/{task}/variables", FORGED_MODIFICATION,
            "/camunda/api/engine/engine/default/task/{task}/identity-links",
            "{\"groupId\":\"officers." + B + "\",\"type\":\"candidate\"}",
            "/camunda/api/engine/engine/default/task/{task}/submit-form", FORGED_COMPLETION);

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    Http http;
    String caseId;
    String taskId;
    String instanceId;
    final Map<String, CamundaWebSession> sessions = new HashMap<>();

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @TestFactory
    Stream<DynamicTest> roleByEndpointMatrix() {
        http = new Http(port);
        CaseDriver.clockAt("2026-04-15T09:00:00+07:00");
        CaseDriver driver = new CaseDriver(http, taskService);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(json(CASE_AT_A), Map.class);
        caseId = driver.receive(body);
        Task receive = driver.task(caseId, RECEIVE);
        taskId = receive.getId();
        instanceId = receive.getProcessInstanceId();
        List<DynamicTest> cells = new ArrayList<>();
        for (Object[] row : MATRIX) {
            for (int r = 0; r < ROLES.length; r++) {
                String expected = (String) row[2 + r];
                if (expected.equals("-")) {
                    continue;
                }
                int role = r;
                cells.add(DynamicTest.dynamicTest(row[0] + " " + row[1] + " as " + ROLES[r] + " -> " + expected,
                        () -> check((String) row[0], (String) row[1], role, expected)));
            }
        }
        return cells.stream();
    }

    /**
     * BOLA: a case received at A, with its open task, is invisible to B's officer everywhere: product API (403),
     * engine REST and the web apps' engine API (404/403 or an empty list), rollups (403, or rows without A); and A's
     * officer does see it through the same queries, so the empty answers are not empty for another reason.
     */
    @Test
    void anOfficerOfAnotherUnitNeverSeesTheCasesTasksOrRollupsOfUnitA() {
        http = new Http(port);
        CaseDriver.clockAt("2026-04-16T10:00:00+07:00");
        CaseDriver driver = new CaseDriver(http, taskService);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(json(CASE_AT_A), Map.class);
        String id = driver.receive(body);
        Task task = driver.task(id, RECEIVE);
        String pi = task.getProcessInstanceId();
        String a = "officer." + A;
        String b = "officer." + B;

        for (String path : List.of("/api/cases/" + id, "/api/cases/" + id + "/events",
                "/api/cases/" + id + "/events/verify",
                "/api/rollups/units?unit=" + A + "&" + PERIOD, "/api/rollups/units/" + A + "/segments?" + PERIOD,
                "/api/rollups/trend?unit=" + A + "&" + PERIOD, "/api/rollups/report/units?unit=" + A + "&" + PERIOD,
                "/api/rollups/units?parent=" + A + "&" + PERIOD)) {
            var response = http.get(path, b);
            assertThat(response.statusCode()).as(b + " " + path).isEqualTo(403);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
            assertThat(http.get(path, a).statusCode()).as(a + " " + path).isEqualTo(200);
        }
        for (String path : List.of("/api/rollups/units?" + PERIOD, "/api/rollups/report/units?" + PERIOD)) {
            assertThat(Http.json(http.get(path, b))).extracting(r -> r.path("unitCode").asText()).doesNotContain(A);
            assertThat(Http.json(http.get(path, a))).extracting(r -> r.path("unitCode").asText()).contains(A);
        }

        // engine REST: single objects refused, lists empty
        for (String path : List.of("/engine-rest/task/" + task.getId(), "/engine-rest/task/" + task.getId() + "/variables",
                "/engine-rest/task/" + task.getId() + "/form-variables",
                "/engine-rest/task/" + task.getId() + "/identity-links",
                "/engine-rest/process-instance/" + pi, "/engine-rest/process-instance/" + pi + "/variables",
                "/engine-rest/history/process-instance/" + pi)) {
            assertThat(http.get(path, b).statusCode()).as(b + " " + path).isIn(403, 404);
        }
        assertThat(http.get("/engine-rest/task/" + task.getId(), a).statusCode()).isEqualTo(200);
        for (String path : List.of("/engine-rest/task?processInstanceBusinessKey=" + id,
                "/engine-rest/task?candidateGroup=officers." + A,
                "/engine-rest/process-instance?businessKey=" + id,
                "/engine-rest/execution?processInstanceId=" + pi,
                "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + id,
                "/engine-rest/history/task?processInstanceBusinessKey=" + id,
                "/engine-rest/history/variable-instance?processInstanceId=" + pi,
                "/engine-rest/history/activity-instance?processInstanceId=" + pi,
                "/engine-rest/history/detail?processInstanceId=" + pi)) {
            var response = http.get(path, b);
            assertThat(response.statusCode()).as(b + " " + path).isEqualTo(200);
            assertThat(Http.json(response)).as(b + " " + path).isEmpty();
        }
        assertThat(Http.json(http.get("/engine-rest/task?processInstanceBusinessKey=" + id, a))).hasSize(1);
        assertThat(Http.json(http.postJson("/engine-rest/task", b,
                "{\"orQueries\":[{\"processInstanceBusinessKey\":\"" + id + "\"},{\"candidateGroup\":\"officers." + A + "\"}]}")))
                .isEmpty();
        // B cannot take, work or hand over A's task
        for (String action : List.of("claim", "complete", "resolve", "submit-form", "delegate", "assignee")) {
            var response = http.postJson("/engine-rest/task/" + task.getId() + "/" + action, b,
                    "{\"userId\":\"" + b + "\"}");
            assertThat(response.statusCode()).as(action).isIn(400, 403, 404);
        }
        var candidate = http.postJson("/engine-rest/task/" + task.getId() + "/identity-links", b,
                "{\"groupId\":\"officers." + B + "\",\"type\":\"candidate\"}");
        assertThat(candidate.statusCode()).isIn(403, 404);
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(driver.candidateGroups(after)).containsExactly("officers." + A);

        // the web apps' engine API with B's Tasklist session
        CamundaWebSession web = new CamundaWebSession(port);
        assertThat(web.login("tasklist", b, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(web.get("/camunda/api/engine/engine/default/task/" + task.getId()).statusCode()).isIn(403, 404);
        assertThat(Http.json(web.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + id)))
                .isEmpty();
        assertThat(Http.json(web.postJson("/camunda/api/engine/engine/default/task",
                "{\"processInstanceBusinessKey\":\"" + id + "\"}", true))).isEmpty();
        assertThat(web.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim",
                "{\"userId\":\"" + b + "\"}", true).statusCode()).isIn(403, 404);
        CamundaWebSession mine = new CamundaWebSession(port);
        assertThat(mine.login("tasklist", a, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Http.json(mine.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + id)))
                .hasSize(1);
    }

    private void check(String method, String rawPath, int role, String expected) {
        String user = USERS[role];
        String path = rawPath.replace("{case}", caseId).replace("{task}", taskId).replace("{instance}", instanceId)
                .replace("{self}", user == null ? "nobody" : user);
        String body = BODIES.getOrDefault(rawPath.startsWith("/engine-rest/task/") && rawPath.endsWith("/complete")
                ? "/engine-rest/task/{task}/complete" : rawPath, "{}").replace("{self}", user == null ? "nobody" : user);
        HttpResponse<String> response = switch (method) {
            case "GET", "POST", "PUT", "DELETE" -> http.send(http.request(path, user)
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build());
            case "WEB GET" -> session(user).get(path);
            case "WEB POST" -> session(user).postJson(path, body, true);
            case "LOGIN" -> new CamundaWebSession(port).login(rawPath, user, Http.DEMO_PASSWORD);
            default -> throw new IllegalArgumentException(method);
        };
        Set<Integer> allowed = Arrays.stream(expected.split("\\|")).map(Integer::valueOf).collect(Collectors.toSet());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, ROLES[role], abbreviate(response.body()))
                .isIn(allowed);
        if (response.statusCode() >= 400 && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
            assertThat(Http.contentType(response)).as("problem+json").startsWith("application/problem+json");
        }
        if (method.equals("POST") && path.equals("/api/cases") && response.statusCode() == 201) {
            return;
        }
        assertThat(identityService.createUserQuery().userId("matrix-intruder").count()).isZero();
    }

    private CamundaWebSession session(String user) {
        if (user == null) {
            return sessions.computeIfAbsent("anonymous", u -> new CamundaWebSession(port));
        }
        return sessions.computeIfAbsent(user, u -> {
            CamundaWebSession s = new CamundaWebSession(port);
            assertThat(s.login("tasklist", u, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
            return s;
        });
    }

    static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    static JsonNode json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
