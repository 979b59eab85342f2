package vn.hoso.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The Tasklist marker of a case that is one working day from its appointment date: the task-local display variable
 * {@link TaskDisplay#WARNING} ("Cảnh báo" in the task list) on every open task of the case, and on the tasks created
 * after it ({@code case_file.overdue_warned}). Runs inside the engine transaction of the overdue watch.
 */
@Component
class OverdueMarker {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CaseStore store;
    private final TaskService taskService;

    OverdueMarker(CaseStore store, TaskService taskService) {
        this.store = store;
        this.taskService = taskService;
    }

    /** The text of the marker for an appointment date. */
    static String text(LocalDate dueDate) {
        return "Sắp quá hạn: hạn trả " + VN_DATE.format(dueDate);
    }

    void mark(UUID caseId, LocalDate dueDate) {
        store.overdueWarned(caseId);
        List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(
                () -> taskService.createTaskQuery().processInstanceBusinessKey(caseId.toString()).list());
        for (Task t : tasks) {
            TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(t.getId());
            if (task != null) {
                task.setVariableLocal(TaskDisplay.WARNING, text(dueDate));
            }
        }
    }
}
