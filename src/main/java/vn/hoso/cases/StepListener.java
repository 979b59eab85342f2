package vn.hoso.cases;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.StepCompleted;
import vn.hoso.events.StepMode;
import vn.hoso.events.SupplementationRequested;
import vn.hoso.platform.BusinessClock;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Tier;

/**
 * Every user task of a case: on create it gets the case's appointment date as due date and what Tasklist shows of
 * the case ({@link TaskDisplay}); on complete it checks the step's input ({@link StepRules}), counts the step in the
 * open segment, records what it decided for the gateways and records {@code vn.hoso.step.completed}, plus what the
 * step means for the clock (supplementation, apology). Receives the engine's task events through the Camunda Spring
 * Boot event bridge, inside the engine transaction.
 *
 * <p>The unit, tier and case of a step come from the case tables; the completion's variables are read only for the
 * step's own input and then removed, so that nothing a caller sent stays in the engine.
 */
@Component
class StepListener {

    private final CaseStore store;
    private final CaseFlow flow;
    private final ProcedureCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final TaskService taskService;

    StepListener(CaseStore store, CaseFlow flow, ProcedureCatalogue catalogue, WorkingCalendar calendar,
                 BusinessClock clock, IdentityService identityService, ManagementService managementService,
                 TaskService taskService) {
        this.store = store;
        this.flow = flow;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
        this.identityService = identityService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void created(DelegateTask task) {
        if (!CaseFlow.isCaseProcess(task.getExecution())) {
            return;
        }
        CaseStore.State state = flow.trustedCase(task.getExecution());
        task.setDueDate(dueAt(state.dueDate()));
        // Officers may read their tasks but not the process instances (that would open every unit's files to them),
        // so what Tasklist shows of the case is put on the task itself.
        task.setVariablesLocal(TaskDisplay.of(store.display(state.caseId()), catalogue));
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void completed(DelegateTask task) {
        if (!CaseFlow.isCaseProcess(task.getExecution())) {
            return;
        }
        CaseStore.State state = flow.trustedCase(task.getExecution());
        UUID caseId = state.caseId();
        String step = task.getTaskDefinitionKey();
        StepMode mode = StepRules.mode(task.getVariable(StepRules.MODE));
        String outcome = StepRules.outcome(step, task.getVariable(StepRules.OUTCOME));
        LocalDate newAppointmentDate = CaseModel.APOLOGY.equals(step)
                ? StepRules.newAppointmentDate(task.getVariable(StepRules.NEW_APPOINTMENT_DATE), state.dueDate(),
                clock.zone())
                : null;
        forgetInput(task);

        OffsetDateTime now = clock.now();
        String unit = state.currentUnit();
        Tier tier = state.currentTier();
        store.recordStep(caseId, mode, !CaseModel.APOLOGY.equals(step), outcome);
        if (CaseModel.RECEIVE.equals(step) && mode == StepMode.ELECTRONIC) {
            store.markArrivedElectronically(caseId);
        }
        flow.append(now, new StepCompleted(caseId.toString(), step, task.getId(), unit, tier, mode, actor(task), now,
                state.kind(), state.procedureCode(), outcome));

        DelegateExecution execution = task.getExecution();
        if (CaseModel.APPRAISE.equals(step) && "SUPPLEMENT".equals(outcome)) {
            supplementationRequested(state, unit, tier, now, execution);
        } else if (CaseModel.AWAIT_SUPPLEMENT.equals(step)) {
            supplementationEnded(state, unit, tier, now, execution);
        } else if (newAppointmentDate != null) {
            store.apologyIssued(caseId, newAppointmentDate);
            dueDateChanged(state, unit, tier, now, newAppointmentDate, DueDateChanged.Reason.APOLOGY, execution);
        } else if (!CaseModel.RECEIVE.equals(step) && state.status() == CaseStatus.RECEIVED) {
            store.setStatus(caseId, CaseStatus.PROCESSING);
        }
    }

    /**
     * The completion's variables were the step's input and nothing else: removed from the task and from the process
     * instance they were written to (everything of the instance: the workflow keeps no variables of its own), so that
     * neither a later step nor anyone reading the engine finds them.
     */
    private static void forgetInput(DelegateTask task) {
        for (String name : task.getVariableNamesLocal()) {
            if (!TaskDisplay.NAMES.contains(name)) {
                task.removeVariableLocal(name);
            }
        }
        task.getExecution().getProcessInstance().removeVariablesLocal();
    }

    /** The clock stops while the applicant supplements, and so does the Mẫu 04 reminder. */
    private void supplementationRequested(CaseStore.State state, String unit, Tier tier, OffsetDateTime now,
                                          DelegateExecution execution) {
        store.supplementationRequested(state.caseId(), now);
        Job timer = apologyTimer(CaseFlow.rootInstance(execution));
        if (timer != null) {
            suspend(timer, true);
        }
        flow.append(now, new SupplementationRequested(state.caseId().toString(), unit, tier, now,
                state.supplementationCount() + 1));
    }

    /** The clock was paused while the applicant supplemented: the appointment date moves by the working days waited. */
    private void supplementationEnded(CaseStore.State state, String unit, Tier tier, OffsetDateTime now,
                                      DelegateExecution execution) {
        LocalDate since = state.supplementationSince().toLocalDate();
        int waited = calendar.workingDaysBetween(since, now.toLocalDate());
        LocalDate newDue = waited == 0 ? state.dueDate() : calendar.addWorkingDays(state.dueDate(), waited);
        store.supplementationReceived(state.caseId(), newDue);
        if (!newDue.equals(state.dueDate())) {
            dueDateChanged(state, unit, tier, now, newDue, DueDateChanged.Reason.SUPPLEMENTATION, execution);
        }
        Job timer = apologyTimer(CaseFlow.rootInstance(execution));
        if (timer != null && timer.isSuspended()) {
            suspend(timer, false);
        }
    }

    /**
     * On the job entity of this engine transaction: ManagementService's suspend/activate are bulk updates behind the
     * transaction's back, which then fails its own write of the same timer (optimistic locking).
     */
    private static void suspend(Job timer, boolean suspended) {
        JobEntity job = Context.getCommandContext().getJobManager().findJobById(timer.getId());
        job.setSuspensionState((suspended ? SuspensionState.SUSPENDED : SuspensionState.ACTIVE).getStateCode());
    }

    private void dueDateChanged(CaseStore.State state, String unit, Tier tier, OffsetDateTime now, LocalDate newDue,
                                DueDateChanged.Reason reason, DelegateExecution execution) {
        flow.append(now, new DueDateChanged(state.caseId().toString(), unit, tier, newDue, state.dueDate(), reason,
                now));
        for (TaskEntity open : openTasks(state.caseId())) {
            open.setDueDate(dueAt(newDue));
            open.setVariableLocal(TaskDisplay.DUE_DATE, TaskDisplay.dueDate(newDue));
        }
        moveApologyTimer(CaseFlow.rootInstance(execution), newDue);
    }

    /** The case's open tasks as entities of this transaction, whoever may see them. */
    private List<TaskEntity> openTasks(UUID caseId) {
        List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(
                () -> taskService.createTaskQuery().processInstanceBusinessKey(caseId.toString()).list());
        return tasks.stream().map(t -> Context.getCommandContext().getTaskManager().findTaskById(t.getId()))
                .filter(t -> t != null).toList();
    }

    private Date dueAt(LocalDate due) {
        return Date.from(due.atTime(LocalTime.of(17, 0)).atZone(clock.zone()).toInstant());
    }

    private Job apologyTimer(DelegateExecution root) {
        return managementService.createJobQuery().processInstanceId(root.getProcessInstanceId())
                .activityId(CaseModel.APOLOGY_TIMER).singleResult();
    }

    /** The Mẫu 04 reminder follows the appointment date. */
    private void moveApologyTimer(DelegateExecution root, LocalDate newDue) {
        Job timer = apologyTimer(root);
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(),
                    Date.from(ApologyTimer.at(calendar, newDue, clock.instant(), clock.zone())));
        }
    }

    private String actor(DelegateTask task) {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
