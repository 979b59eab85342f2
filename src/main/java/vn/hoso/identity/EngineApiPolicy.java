package vn.hoso.identity;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.CachedBodyRequest;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.ProblemResponse;
import vn.hoso.platform.RequestPaths;

/**
 * What a user who is not an administrator may do through the engine's API ({@code /engine-rest} and the web apps'
 * {@code /camunda/api/engine}), whatever the engine's authorizations would allow: read and query (but not the
 * engine's province-wide metrics), work on a task (claim it for oneself, give back a task one holds, complete it,
 * submit its form, comment on it) and change one's own password.
 * Everything else that writes — variables of tasks, executions and process instances, identity links, the
 * task's own fields, assignment and delegation to others, messages and signals, starting or modifying instances,
 * jobs, batches — is refused with 403 before the engine sees it. The workflow never reads what a caller could write
 * there anyway ({@code cases.CaseFlow}); this keeps even harmless-looking writes out, and with them anything a
 * future model might trust by mistake. See docs/reliability.md, "Trust boundary".
 */
class EngineApiPolicy extends OncePerRequestFilter {

    /** The engine API's resource path, after {@code /engine-rest[/engine/{name}]} or the web apps' prefix. */
    private static final Pattern ENGINE_RESOURCE =
            Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/(.*)$");

    private static final Pattern QUERY = Pattern.compile("^(?:task|process-instance|execution|variable-instance"
            + "|incident|external-task|event-subscription|case-instance|case-execution|case-definition"
            + "|process-definition|decision-definition|decision-requirements-definition|deployment|batch"
            + "|history/(?:activity-instance|batch|case-activity-instance|case-instance|decision-instance|detail"
            + "|external-task-log|identity-link-log|incident|process-instance|task|user-operation"
            + "|variable-instance))(?:/count)?$");
    private static final Pattern FILTER_QUERY = Pattern.compile("^filter/[^/]+/(?:list|count|singleResult)$");
    private static final Pattern TASK_WORK = Pattern.compile("^task/[^/]+/(?:complete|submit-form|comment/create)$");
    private static final Pattern TASK_CLAIM = Pattern.compile("^task/[^/]+/claim$");
    private static final Pattern OWN_CREDENTIALS = Pattern.compile("^user/([^/]+)/credentials$");

    private static final Pattern TASK_UNCLAIM = Pattern.compile("^task/([^/]+)/unclaim$");
    /** Engine-wide counters (activity instances started, …): how much the whole province works, for admins. */
    private static final Pattern METRICS = Pattern.compile("^metrics(?:/.*)?$");
    /**
     * The engine's jobs (timers, the nightly history cleanup) and their logs: engine internals for administrators.
     * A job without a process instance (the history cleanup) passes the engine's own authorization checks.
     */
    private static final Pattern JOBS = Pattern.compile("^(?:job|job-definition|history/job-log)(?:/.*)?$");

    private static final int MAX_CLAIM_BODY = 4096;

    private final ObjectMapper json;
    private final TaskService taskService;
    private final EngineAsSystem engine;

    EngineApiPolicy(ObjectMapper json, TaskService taskService, EngineAsSystem engine) {
        this.json = json;
        this.taskService = taskService;
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENGINE_RESOURCE.matcher(RequestPaths.of(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> caller = EngineCallers.of(request);
        if (caller.isEmpty() || caller.get().isAdmin()) {
            chain.doFilter(request, response); // anonymous: the API answers 401 itself
            return;
        }
        Matcher resource = ENGINE_RESOURCE.matcher(RequestPaths.of(request));
        resource.matches();
        String path = resource.group(1);
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            if (METRICS.matcher(path).matches()) {
                refuse(request, response, "The engine's metrics are for administrators.");
            } else if (JOBS.matcher(path).matches()) {
                refuse(request, response, "The engine's jobs are for administrators.");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Matcher unclaim = TASK_UNCLAIM.matcher(path);
        if ("POST".equals(method) && unclaim.matches()) {
            giveBack(unclaim.group(1), caller.get(), request, response);
            return;
        }
        if ("POST".equals(method) && TASK_CLAIM.matcher(path).matches()) {
            byte[] body = request.getInputStream().readNBytes(MAX_CLAIM_BODY + 1);
            if (claimsForSelf(body, caller.get())) {
                chain.doFilter(new CachedBodyRequest(request, body), response);
            } else {
                refuse(request, response, "A task can be claimed only for yourself.");
            }
            return;
        }
        if (allowed(method, path, caller.get())) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, "Your role may not make this change through the engine API (" + method + " "
                + path + ").");
    }

    /** Changes other than a claim that a user who is not an administrator may ask of the engine. */
    static boolean allowed(String method, String path, CurrentUser caller) {
        if ("POST".equals(method)) {
            return QUERY.matcher(path).matches() || FILTER_QUERY.matcher(path).matches()
                    || TASK_WORK.matcher(path).matches();
        }
        if ("PUT".equals(method)) {
            Matcher own = OWN_CREDENTIALS.matcher(path);
            return own.matches() && own.group(1).equals(caller.userId());
        }
        return false;
    }

    /**
     * Unclaiming is a change of assignee, which the engine allows only with TASK_ASSIGN — and that would let a
     * candidate assign the task to anybody, of any unit. So a user gives back a task only they hold, done here.
     */
    private void giveBack(String taskId, CurrentUser caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean givenBack = engine.call(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !caller.userId().equals(task.getAssignee())) {
                return false;
            }
            taskService.setAssignee(taskId, null);
            return true;
        });
        if (givenBack) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
        } else {
            ProblemResponse.write(json, request, response, HttpStatus.NOT_FOUND, "No such task",
                    "You hold no task " + taskId + ".");
        }
    }

    private boolean claimsForSelf(byte[] body, CurrentUser caller) {
        if (body.length > MAX_CLAIM_BODY) {
            return false;
        }
        try {
            JsonNode claim = json.readTree(body);
            return claim != null && claim.path("userId").isTextual()
                    && claim.path("userId").asText().equals(caller.userId());
        } catch (IOException malformed) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemResponse.write(json, request, response, HttpStatus.FORBIDDEN, "Not allowed", detail);
    }
}
