package vn.hoso.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.cases.CaseModel;
import vn.hoso.cases.CaseStatus;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.procedures.ProcedureCatalogue;

/**
 * A leader approves several routine cases in one go ({@code POST /api/approvals}, and the approvals page in the
 * Tasklist session). Each task is checked and completed on its own, exactly as one by one in Tasklist: it must be
 * an approval step ({@code approve}) of a case that our tables place at a unit the caller leads; the case must be
 * routine (not past its appointment date, never sent back for supplementation, no apology issued); then the task is
 * claimed for the caller and completed with the default answer ({@code outcome} APPROVE, {@code mode} ELECTRONIC)
 * under the caller's own engine identity, so that Camunda's authorizations, the step rules and the step listener
 * (its {@code vn.hoso.step.completed} event with the caller as actor) apply as for a single completion. One task's
 * refusal changes nothing for the others; nothing is taken from the caller but the task ids.
 */
@Service
public class BulkApproval {

    /** At most this many tasks in one request. */
    public static final int MAX_TASKS = 50;

    /** What became of one task: approved, or the reason it was left for one-by-one work. */
    public record Result(String taskId, String caseCode, boolean approved, String reason) {
    }

    /** A task the caller may see for approval, and whether it may go in a bulk approval. */
    public record Candidate(String taskId, UUID caseId, String caseCode, String procedureCode, String procedureName,
                            String subject, LocalDate dueDate, boolean routine, String reason) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CaseFiles cases;
    private final EngineAsSystem engine;
    private final BusinessClock clock;
    private final ProcedureCatalogue catalogue;

    BulkApproval(TaskService tasks, RuntimeService runtime, IdentityService identity, CaseFiles cases,
                 EngineAsSystem engine, BusinessClock clock, ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.cases = cases;
        this.engine = engine;
        this.clock = clock;
    }

    /** The open approval tasks of the cases at the units the caller leads, the routine ones marked. */
    public List<Candidate> candidates(CurrentUser leader) {
        List<Task> open = engine.call(() -> tasks.createTaskQuery().taskDefinitionKey(CaseModel.APPROVE)
                .active().orderByDueDate().asc().list());
        List<Candidate> result = new ArrayList<>();
        for (Task task : open) {
            Optional<CaseFile> file = caseOf(task);
            if (file.isEmpty() || !leads(leader, file.get())) {
                continue;
            }
            String notRoutine = notRoutine(file.get(), task, leader);
            CaseFile c = file.get();
            String procedureName = catalogue.find(c.procedureCode()).map(p -> p.name()).orElse(c.procedureCode());
            result.add(new Candidate(task.getId(), c.caseId(), c.code(), c.procedureCode(), procedureName,
                    c.subject(), c.dueDate(), notRoutine == null, notRoutine));
        }
        return result;
    }

    public List<Result> approve(List<String> taskIds, CurrentUser leader) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new InvalidRequest(null, "Chọn ít nhất một hồ sơ (taskIds must name at least one task).",
                    List.of(new InvalidRequest.FieldError("taskIds", "At least one task id.")));
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>(taskIds);
        if (distinct.size() > MAX_TASKS) {
            throw new InvalidRequest(null, "At most " + MAX_TASKS + " tasks at once.",
                    List.of(new InvalidRequest.FieldError("taskIds", "At most " + MAX_TASKS + " task ids.")));
        }
        List<Result> results = new ArrayList<>();
        for (String taskId : distinct) {
            results.add(approveOne(taskId, leader));
        }
        return results;
    }

    private Result approveOne(String taskId, CurrentUser leader) {
        Task task = taskId == null || taskId.isBlank() || taskId.length() > 64 ? null
                : engine.call(() -> tasks.createTaskQuery().taskId(taskId).active().singleResult());
        Optional<CaseFile> file = task == null ? Optional.empty() : caseOf(task);
        // a task the caller may not approve is answered alike whether it exists or not
        if (task == null || file.isEmpty() || !leads(leader, file.get())) {
            return new Result(taskId, null, false, "Không có việc phê duyệt này trong đơn vị bạn lãnh đạo "
                    + "(no approval task of yours with this id).");
        }
        CaseFile c = file.get();
        if (!CaseModel.APPROVE.equals(task.getTaskDefinitionKey())) {
            return new Result(taskId, c.code(), false, "Không phải bước phê duyệt (not an approval step).");
        }
        String notRoutine = notRoutine(c, task, leader);
        if (notRoutine != null) {
            return new Result(taskId, c.code(), false, notRoutine);
        }
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(leader.userId(), leader.groups());
        try {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, leader.userId());
            }
            tasks.complete(taskId, Map.of("mode", "ELECTRONIC", "outcome", "APPROVE"));
            return new Result(taskId, c.code(), true, null);
        } catch (AuthorizationException e) {
            return new Result(taskId, c.code(), false, "Bạn không được làm việc này (not authorized for this task).");
        } catch (ProcessEngineException e) {
            return new Result(taskId, c.code(), false, "Không phê duyệt được: việc đã thay đổi, hãy tải lại "
                    + "(the task changed meanwhile; reload).");
        } finally {
            if (before != null) {
                identity.setAuthentication(before);
            } else {
                identity.clearAuthentication();
            }
        }
    }

    /** Why a case needs one-by-one attention, or null when it is routine. */
    private String notRoutine(CaseFile c, Task task, CurrentUser leader) {
        LocalDate today = clock.today();
        if (task.getAssignee() != null && !task.getAssignee().equals(leader.userId())) {
            return "Đang do " + task.getAssignee() + " xử lý (claimed by someone else).";
        }
        if (c.status() != CaseStatus.PROCESSING) {
            return "Hồ sơ không ở trạng thái đang giải quyết (" + c.status() + ").";
        }
        if (c.dueDate() != null && c.dueDate().isBefore(today)) {
            return "Hồ sơ đã quá hạn: phê duyệt riêng (overdue).";
        }
        if (c.supplementationCount() > 0) {
            return "Hồ sơ đã phải bổ sung: phê duyệt riêng (was sent back for supplementation).";
        }
        if (c.apologyIssued()) {
            return "Hồ sơ đã có thư xin lỗi: phê duyệt riêng (an apology was issued).";
        }
        return null;
    }

    /** The case a task belongs to: the business key of its root process instance, bound to our case row. */
    private Optional<CaseFile> caseOf(Task task) {
        return engine.call(() -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            if (instance == null) {
                return Optional.empty();
            }
            ProcessInstance root = instance.getRootProcessInstanceId() == null ? instance
                    : runtime.createProcessInstanceQuery().processInstanceId(instance.getRootProcessInstanceId())
                            .singleResult();
            if (root == null || root.getBusinessKey() == null) {
                return Optional.empty();
            }
            try {
                return cases.find(UUID.fromString(root.getBusinessKey()));
            } catch (IllegalArgumentException notACase) {
                return Optional.empty();
            }
        });
    }

    private static boolean leads(CurrentUser leader, CaseFile c) {
        return c.currentUnit() != null && leader.groups().contains(Groups.leaders(c.currentUnit()));
    }
}
