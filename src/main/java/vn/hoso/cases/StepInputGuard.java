package vn.hoso.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.EngineCallers;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.CachedBodyRequest;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.ProblemResponse;
import vn.hoso.platform.RequestPaths;

/**
 * Checks a case step's completion before the engine REST API (and Tasklist's engine API) completes the task: the
 * variables must be the step's input and nothing else ({@link StepRules#inputs}), with valid values, so that bad
 * input gets a 400 application/problem+json naming what is wrong, and the engine changes nothing. A caller who may
 * not see the task learns nothing here (not even its step): the request goes on to the engine, which answers 404.
 */
class StepInputGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");
    private static final int MAX_BODY = 1 << 20;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final AuthorizationService authorizations;
    private final CaseFiles cases;
    private final EngineAsSystem engine;
    private final BusinessClock clock;
    private final ObjectMapper json;

    StepInputGuard(TaskService taskService, RuntimeService runtimeService, AuthorizationService authorizations,
                   CaseFiles cases, EngineAsSystem engine, BusinessClock clock, ObjectMapper json) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.authorizations = authorizations;
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
        Optional<CurrentUser> caller = EngineCallers.of(request);
        if (caller.isPresent()) {
            try {
                check(m.group(1), caller.get(), body.length == 0 ? null : json.readTree(body));
            } catch (BadUserRequestException e) {
                ProblemResponse.write(json, request, response, HttpStatus.BAD_REQUEST, "The step was not completed",
                        e.getMessage());
                return;
            } catch (IOException malformedJson) {
                // the engine REST answers malformed JSON itself
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void check(String taskId, CurrentUser caller, JsonNode body) {
        engine.run(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !isCaseStep(task)) {
                return; // not a case step: the engine answers
            }
            try {
                checkInputs(task, body == null ? null : body.get("variables"));
            } catch (BadUserRequestException refused) {
                // the refusal names the step's inputs: only for those who may read the task (asked only now, so
                // that a valid step costs no authorization query here); others get the engine's own answer
                if (maySee(caller, taskId)) {
                    throw refused;
                }
            }
        });
    }

    private void checkInputs(Task task, JsonNode variables) {
        String step = task.getTaskDefinitionKey();
        Set<String> inputs = StepRules.inputs(step);
        List<String> others = new ArrayList<>();
        if (variables != null && variables.isObject()) {
            for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!inputs.contains(name)) {
                    others.add(name);
                }
            }
        } else if (variables != null && !variables.isNull()) {
            throw new BadUserRequestException("variables must be an object of the step's input " + inputs + ".");
        }
        if (!others.isEmpty()) {
            throw new BadUserRequestException("Step '" + step + "' takes only " + inputs.stream().sorted().toList()
                    + "; not " + others.stream().sorted().toList() + ". Which unit works a case and where it "
                    + "goes next are not for a step to say.");
        }
        StepRules.mode(value(variables, StepRules.MODE));
        StepRules.outcome(step, value(variables, StepRules.OUTCOME));
        if (CaseModel.APOLOGY.equals(step)) {
            caseOf(task).flatMap(cases::find).ifPresent(c -> StepRules.newAppointmentDate(
                    value(variables, StepRules.NEW_APPOINTMENT_DATE), c.dueDate(), clock.zone()));
        }
    }

    private static boolean isCaseStep(Task task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && (definition.startsWith(CaseModel.CASE_PROCESS + ":")
                || definition.startsWith(CaseModel.SEGMENT_PROCESS + ":"));
    }

    /** The engine's own answer to "may this user read this task?" (admins read everything). */
    private boolean maySee(CurrentUser caller, String taskId) {
        return caller.isAdmin() || authorizations.isUserAuthorized(caller.userId(), caller.groups(), Permissions.READ,
                Resources.TASK, taskId);
    }

    /** The case of a task of the main process (the apology): the business key of its process instance. */
    private Optional<UUID> caseOf(Task task) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        try {
            return Optional.of(UUID.fromString(instance.getBusinessKey()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
