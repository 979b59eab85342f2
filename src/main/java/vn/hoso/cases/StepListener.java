package vn.hoso.cases;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.platform.BusinessClock;

/**
 * Every user task of a case: on create it gets the case's appointment date as due date; on complete it checks the
 * {@code mode} and {@code outcome} variables, counts the step in the open segment and records
 * {@code vn.hoso.step.completed}, plus what the step means for the clock (supplementation, apology).
 * Receives the engine's task events through the Camunda Spring Boot event bridge, inside the engine transaction.
 */
@Component
class StepListener {

    static final String APOLOGY_TIMER = "apologyTimer";

    private final CaseStore store;
    private final CaseFlow flow;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final IdentityService identityService;
    private final ManagementService managementService;

    StepListener(CaseStore store, CaseFlow flow, WorkingCalendar calendar, BusinessClock clock,
                 IdentityService identityService, ManagementService managementService) {
        this.store = store;
        this.flow = flow;
        this.calendar = calendar;
        this.clock = clock;
        this.identityService = identityService;
        this.managementService = managementService;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void created(DelegateTask task) {
        UUID caseId = caseIdOf(task);
        if (caseId == null) {
            return;
        }
        LocalDate due = store.state(caseId).dueDate();
        task.setDueDate(Date.from(due.atTime(LocalTime.of(17, 0)).atZone(clock.zone()).toInstant()));
        // Officers may read their tasks but not the process instances (that would open every unit's files to them),
        // so the columns of the Tasklist list are copied onto the task itself.
        for (TasklistFilters.Column column : TasklistFilters.LIST_COLUMNS) {
            Object value = task.getVariable(column.name());
            if (value != null) {
                task.setVariableLocal(column.name(), value);
            }
        }
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void completed(DelegateTask task) {
        UUID caseId = caseIdOf(task);
        if (caseId == null) {
            return;
        }
        String step = task.getTaskDefinitionKey();
        String mode = StepRules.mode(task.getVariable("mode"));
        String outcome = StepRules.outcome(step, task.getVariable("outcome"));
        OffsetDateTime now = clock.now();
        CaseStore.State state = store.state(caseId);
        String unit = (String) task.getVariable("unitCode");
        String tier = (String) task.getVariable("tier");

        boolean paper = "PAPER".equals(mode);
        store.countStep(caseId, paper);
        if ("receive".equals(step) && !paper) {
            store.markArrivedElectronically(caseId);
        }
        Map<String, Object> data = CaseFlow.data(caseId);
        data.put("step", step);
        data.put("taskId", task.getId());
        data.put("unitCode", unit);
        data.put("tier", tier);
        data.put("mode", mode);
        data.put("actor", actor(task));
        data.put("completedAt", now.toString());
        data.put("kind", state.kind().name());
        data.put("procedureCode", state.procedureCode());
        if (outcome != null) {
            data.put("outcome", outcome);
        }
        flow.append(caseId, CaseEventTypes.STEP_COMPLETED, unit, now, data);

        DelegateExecution execution = task.getExecution();
        execution.setVariable("decision", outcome);
        execution.setVariable("lastMode", mode);
        task.removeVariable("mode");
        task.removeVariable("outcome");

        if ("appraise".equals(step) && "SUPPLEMENT".equals(outcome)) {
            supplementationRequested(state, unit, tier, now);
        } else if ("awaitSupplement".equals(step)) {
            supplementationEnded(state, unit, tier, now, execution);
        } else if (StepRules.APOLOGY.equals(step)) {
            apologyIssued(task, state, unit, tier, now);
        } else if (!"receive".equals(step) && state.status() == CaseStatus.RECEIVED) {
            store.setStatus(caseId, CaseStatus.PROCESSING);
        }
    }

    private void supplementationRequested(CaseStore.State state, String unit, String tier, OffsetDateTime now) {
        store.supplementationRequested(state.caseId(), now);
        Map<String, Object> data = CaseFlow.data(state.caseId());
        data.put("unitCode", unit);
        data.put("tier", tier);
        data.put("requestedAt", now.toString());
        data.put("requestCount", state.supplementationCount() + 1);
        flow.append(state.caseId(), CaseEventTypes.SUPPLEMENTATION_REQUESTED, unit, now, data);
    }

    /** The clock was paused while the applicant supplemented: the appointment date moves by the working days waited. */
    private void supplementationEnded(CaseStore.State state, String unit, String tier, OffsetDateTime now,
                                      DelegateExecution execution) {
        LocalDate since = state.supplementationSince().toLocalDate();
        int waited = calendar.workingDaysBetween(since, now.toLocalDate());
        LocalDate newDue = waited == 0 ? state.dueDate() : calendar.addWorkingDays(state.dueDate(), waited);
        store.supplementationReceived(state.caseId(), newDue);
        if (!newDue.equals(state.dueDate())) {
            dueDateChanged(state, unit, tier, now, newDue, "SUPPLEMENTATION", execution);
        }
    }

    private void apologyIssued(DelegateTask task, CaseStore.State state, String unit, String tier, OffsetDateTime now) {
        LocalDate newDue = StepRules.newAppointmentDate(task.getVariable("newAppointmentDate"), state.dueDate(),
                clock.zone());
        store.apologyIssued(state.caseId(), newDue);
        dueDateChanged(state, unit, tier, now, newDue, "APOLOGY", task.getExecution());
    }

    private void dueDateChanged(CaseStore.State state, String unit, String tier, OffsetDateTime now, LocalDate newDue,
                                String reason, DelegateExecution execution) {
        Map<String, Object> data = CaseFlow.data(state.caseId());
        data.put("unitCode", unit);
        data.put("tier", tier);
        data.put("dueDate", newDue.toString());
        data.put("previousDueDate", state.dueDate().toString());
        data.put("reason", reason);
        data.put("changedAt", now.toString());
        flow.append(state.caseId(), CaseEventTypes.DUE_DATE_CHANGED, unit, now, data);
        execution.setVariable("dueDate", newDue.toString());
        DelegateExecution root = execution;
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution();
        }
        root.setVariable("dueDate", newDue.toString());
        moveApologyTimer(root, newDue);
    }

    /** The Mẫu 04 reminder follows the appointment date. */
    private void moveApologyTimer(DelegateExecution root, LocalDate newDue) {
        Job timer = managementService.createJobQuery().processInstanceId(root.getProcessInstanceId())
                .activityId(APOLOGY_TIMER).singleResult();
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

    private static UUID caseIdOf(DelegateTask task) {
        Object id = task.getVariable("caseId");
        return id instanceof String s ? UUID.fromString(s) : null;
    }
}
