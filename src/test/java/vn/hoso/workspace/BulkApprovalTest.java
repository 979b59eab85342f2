package vn.hoso.workspace;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * Bulk approval through our API ({@code /api/approvals}): each task is checked as one by one (a leader of the unit
 * our tables place the case at, an approval step, a routine case), completed under the leader's identity with the
 * same {@code vn.hoso.step.completed} event as a single completion, and one refusal changes nothing for the
 * others. The leaders' filter "Chờ tôi phê duyệt" is theirs only. Units 10633 and 10642 are used by no other test.
 */
@IntegrationTest
class BulkApprovalTest {

    static final String UNIT = "10633";
    static final String LEADER = "leader." + UNIT;
    static final String OFFICER = "officer." + UNIT;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    CaseDriver cases;
    Http http;

    @BeforeEach
    void driver() {
        CaseDriver.resetClock();
        http = new Http(port);
        cases = new CaseDriver(http, taskService);
    }

    @Test
    void aLeaderApprovesRoutineCasesInOneGoAndNothingElse() {
        String routine = atApproval(null);
        String overdue = atApproval(OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(14).withHour(9));
        String notYet = cases.receive(CaseDriver.procedure("BIRTH_REG", UNIT, "IN_PERSON"));
        String routineTask = cases.task(routine, APPROVE).getId();
        String overdueTask = cases.task(overdue, APPROVE).getId();
        String receiveTask = cases.task(notYet, RECEIVE).getId();

        // the leader's list marks what may go in a bulk approval
        JsonNode listed = Http.json(http.get("/api/approvals", LEADER));
        assertThat(find(listed, routineTask).path("routine").asBoolean()).isTrue();
        assertThat(find(listed, overdueTask).path("routine").asBoolean()).isFalse();
        assertThat(Http.json(http.get("/api/approvals", "leader.10642"))).isEmpty();

        // an officer of the unit and another unit's leader: refused, the task untouched
        for (String intruder : List.of(OFFICER, "leader.10642")) {
            JsonNode answer = approve(intruder, "[\"" + routineTask + "\"]", 200);
            assertThat(answer.path("approved").asInt()).isZero();
            assertThat(answer.path("results").get(0).path("approved").asBoolean()).isFalse();
            assertThat(taskService.createTaskQuery().taskId(routineTask).singleResult().getAssignee()).isNull();
        }

        JsonNode answer = approve(LEADER, "[\"" + routineTask + "\",\"" + overdueTask + "\",\"" + receiveTask
                + "\",\"no-such-task\",\"" + routineTask + "\"]", 200);
        assertThat(answer.path("approved").asInt()).isEqualTo(1);
        assertThat(answer.path("refused").asInt()).isEqualTo(3);
        assertThat(find(answer.path("results"), routineTask).path("approved").asBoolean()).isTrue();
        assertThat(find(answer.path("results"), overdueTask).path("reason").asText()).contains("quá hạn");
        assertThat(find(answer.path("results"), receiveTask).path("reason").asText())
                .contains("Không phải bước phê duyệt");
        assertThat(find(answer.path("results"), "no-such-task").path("approved").asBoolean()).isFalse();

        // the approved case went on; the others wait as they were
        cases.task(routine, ISSUE);
        assertThat(taskService.createTaskQuery().taskId(overdueTask).singleResult()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(receiveTask).singleResult()).isNotNull();
        JsonNode bulk = stepCompleted(routine, APPROVE);
        assertThat(bulk.path("data").path("actor").asText()).isEqualTo(LEADER);
        assertThat(bulk.path("data").path("mode").asText()).isEqualTo("ELECTRONIC");
        assertThat(bulk.path("data").path("outcome").asText()).isEqualTo("APPROVE");
        assertThat(bulk.path("data").path("taskId").asText()).isEqualTo(routineTask);

        // the same event as one by one, field for field
        String single = atApproval(null);
        cases.complete(single, APPROVE, LEADER);
        JsonNode oneByOne = stepCompleted(single, APPROVE);
        assertThat(fields(bulk.path("data"))).isEqualTo(fields(oneByOne.path("data")));
        assertThat(oneByOne.path("data").path("outcome").asText()).isEqualTo("APPROVE");
    }

    @Test
    void badRequestsAreRefusedWhole() {
        String routine = atApproval(null);
        String task = cases.task(routine, APPROVE).getId();
        for (String body : List.of("{\"taskIds\":\"" + task + "\"}", "{\"taskIds\":[\"" + task + "\"],\"outcome\":"
                + "\"REJECT\"}", "{\"taskIds\":[]}", "{\"taskIds\":[1]}", "[]", "{}")) {
            HttpResponse<String> response = http.postJson("/api/approvals", LEADER, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Http.contentType(response)).isEqualTo("application/problem+json");
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= BulkApproval.MAX_TASKS; i++) {
            many.add("\"t" + i + "\"");
        }
        assertThat(http.postJson("/api/approvals", LEADER, "{\"taskIds\":" + many + "}").statusCode())
                .isEqualTo(400);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(http.postJson("/api/approvals", null, "{\"taskIds\":[\"" + task + "\"]}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theApprovalsPageWorksInTheTasklistSessionWithItsToken() {
        String routine = atApproval(null);
        String task = cases.task(routine, APPROVE).getId();
        String body = "{\"taskIds\":[\"" + task + "\"]}";
        assertThat(new CamundaWebSession(port).get("/phe-duyet/api/approvals").statusCode()).isEqualTo(401);

        CamundaWebSession leader = CamundaWebSession.loggedIn(port, "tasklist", LEADER);
        assertThat(find(Http.json(leader.get("/phe-duyet/api/approvals")), task).path("routine").asBoolean())
                .isTrue();
        // without the session's token (what another site could make the browser send): refused, nothing done
        assertThat(leader.postJson("/phe-duyet/api/approvals", body, true).statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        String token = Http.json(leader.get("/tiep-nhan/api/session")).path("token").asText();
        HttpResponse<String> approved = leader.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/phe-duyet/api/approvals"))
                .header("Content-Type", "application/json").header("X-Hoso-Counter-Token", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Http.json(approved).path("approved").asInt()).isEqualTo(1);
        assertThat(stepCompleted(routine, APPROVE).path("data").path("actor").asText()).isEqualTo(LEADER);
    }

    @Test
    void theApprovalsFilterIsTheLeadersOnly() {
        String query = "/engine-rest/filter?name=" + java.net.URLEncoder.encode("Chờ tôi phê duyệt",
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode leaders = Http.json(http.get(query, LEADER));
        assertThat(leaders).hasSize(1);
        assertThat(leaders.get(0).path("properties").path("priority").asInt()).isEqualTo(-20);
        assertThat(Http.json(http.get(query, OFFICER))).isEmpty();
    }

    /** A birth registration of the unit, received (now or at {@code receivedAt}), checked and appraised. */
    private String atApproval(OffsetDateTime receivedAt) {
        Map<String, Object> body = CaseDriver.procedure("BIRTH_REG", UNIT, "ONLINE");
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt.toString());
        }
        String caseId = cases.receive(body);
        cases.complete(caseId, RECEIVE, OFFICER);
        cases.complete(caseId, APPRAISE, OFFICER);
        cases.task(caseId, APPROVE);
        return caseId;
    }

    private JsonNode approve(String user, String taskIds, int status) {
        HttpResponse<String> response = http.postJson("/api/approvals", user, "{\"taskIds\":" + taskIds + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Http.json(response);
    }

    private static JsonNode find(JsonNode list, String taskId) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path("taskId").asText().equals(taskId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + taskId + " in " + list));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode stepCompleted(String caseId, String step) {
        JsonNode events = Http.json(http.get("/api/cases/" + caseId + "/events", OFFICER));
        return StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.path("type").asText().endsWith("step.completed")
                        && e.path("data").path("step").asText().equals(step))
                .findFirst().orElseThrow(() -> new AssertionError("no step.completed for " + step + ": " + events));
    }
}
