package vn.hoso.cases;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import vn.hoso.infra.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives cases the way users do: intake through POST /api/cases as an officer, steps completed through the
 * engine REST API as the officer or leader of the unit that holds the case.
 */
public class CaseDriver {

    static final ObjectMapper JSON = new ObjectMapper();

    public final Http http;
    final TaskService taskService;

    public CaseDriver(Http http, TaskService taskService) {
        this.http = http;
        this.taskService = taskService;
    }

    /** Business time for the engine and the product alike (frozen until the next call or {@link #resetClock()}). */
    public static void clockAt(String isoOffsetDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant()));
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    public static Map<String, Object> procedure(String procedureCode, String unit, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "PROCEDURE");
        body.put("procedureCode", procedureCode);
        body.put("receivingUnit", unit);
        body.put("channel", channel);
        body.put("subject", "Hồ sơ " + procedureCode + " của công dân");
        body.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "030095001234"));
        return body;
    }

    public HttpResponse<String> post(Object body, String user) {
        try {
            return http.postJson("/api/cases", user, body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String receive(Map<String, Object> body) {
        var response = post(body, "officer." + body.get("receivingUnit"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode json = Http.json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + json.get("caseId").asText());
        return json.get("caseId").asText();
    }

    public JsonNode caseFile(String caseId, String user) {
        var response = http.get("/api/cases/" + caseId, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    public List<Task> openTasks(String caseId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).list();
    }

    public Task task(String caseId, String step) {
        List<Task> tasks = openTasks(caseId).stream().filter(t -> t.getTaskDefinitionKey().equals(step)).toList();
        assertThat(tasks).as("open task '%s' of case %s among %s", step, caseId,
                openTasks(caseId).stream().map(Task::getTaskDefinitionKey).toList()).hasSize(1);
        return tasks.get(0);
    }

    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    /** Completes the case's open task {@code step} as {@code user}, with variables (mode, outcome …). */
    public HttpResponse<String> tryComplete(String caseId, String step, String user, Map<String, Object> variables) {
        Task task = task(caseId, step);
        String vars = variables.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":{\"value\":" + jsonValue(e.getValue()) + "}")
                .collect(Collectors.joining(",", "{\"variables\":{", "}}"));
        return http.postJson("/engine-rest/task/" + task.getId() + "/complete", user, vars);
    }

    public void complete(String caseId, String step, String user, Map<String, Object> variables) {
        var response = tryComplete(caseId, step, user, variables);
        assertThat(response.statusCode()).as("complete %s as %s: %s", step, user, response.body()).isEqualTo(204);
    }

    public void complete(String caseId, String step, String user) {
        complete(caseId, step, user, Map.of());
    }

    private static String jsonValue(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
