package vn.hoso.cases;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.CachedBodyRequest;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.ProblemResponse;
import vn.hoso.platform.RequestPaths;

/**
 * Checks a case step's variables ({@link StepRules}) before the engine REST API (and Tasklist's engine API)
 * completes the task, so that bad input gets a 400 application/problem+json instead of the engine's 500.
 */
class StepInputGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");
    private static final int MAX_BODY = 1 << 20;

    private final TaskService taskService;
    private final CaseFiles cases;
    private final EngineAsSystem engine;
    private final BusinessClock clock;
    private final ObjectMapper json;

    StepInputGuard(TaskService taskService, CaseFiles cases, EngineAsSystem engine, BusinessClock clock,
                   ObjectMapper json) {
        this.taskService = taskService;
        this.cases = cases;
        this.engine = engine;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(RequestPaths.of(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = COMPLETION.matcher(RequestPaths.of(request));
        m.matches();
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            // never hand the engine a truncated body
            ProblemResponse.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "A step's variables have at most " + MAX_BODY + " bytes.");
            return;
        }
        try {
            check(m.group(1), body.length == 0 ? null : json.readTree(body));
        } catch (BadUserRequestException e) {
            ProblemResponse.write(json, request, response, HttpStatus.BAD_REQUEST, "The step was not completed",
                    e.getMessage());
            return;
        } catch (IOException malformedJson) {
            // the engine REST answers malformed JSON itself
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void check(String taskId, JsonNode body) {
        engine.run(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !(taskService.getVariable(taskId, "caseId") instanceof String caseId)) {
                return; // not a case step, or not there: the engine answers
            }
            JsonNode variables = body == null ? null : body.get("variables");
            String step = task.getTaskDefinitionKey();
            StepRules.mode(value(variables, "mode"));
            StepRules.outcome(step, value(variables, "outcome"));
            if (StepRules.APOLOGY.equals(step)) {
                cases.find(UUID.fromString(caseId)).ifPresent(c -> StepRules.newAppointmentDate(
                        value(variables, "newAppointmentDate"), c.dueDate(), clock.zone()));
            }
        });
    }

    private static Object value(JsonNode variables, String name) {
        JsonNode v = variables == null ? null : variables.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode value = v.has("value") ? v.get("value") : v;
        return value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
