package vn.hoso.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Maintenance;
import vn.hoso.platform.StartupLock;

/**
 * The shared Tasklist filters every user sees. Expressions are disabled in stored queries (a security
 * requirement), so the filters cannot say "my groups" or "now + 2 days": "Việc của đơn vị tôi" lists every task the
 * user may see — and Camunda's authorizations restrict that to the tasks of their own unit's groups — and the
 * date filters are rewritten with fixed dates every few minutes.
 */
@Component
class TasklistFilters implements SchedulingConfigurer {

    static final String MY_UNIT = "Việc của đơn vị tôi";
    static final String DUE_SOON = "Sắp đến hạn";
    static final String OVERDUE = "Quá hạn";

    /** Variables shown under each task in the list (name → label), so an officer finds a file by its code. */
    static final List<Column> LIST_COLUMNS = List.of(new Column(TaskDisplay.CASE_CODE, "Mã hồ sơ"),
            new Column(TaskDisplay.PROCEDURE_NAME, "Thủ tục"), new Column(TaskDisplay.APPLICANT_NAME, "Người nộp"),
            new Column(TaskDisplay.WARNING, "Cảnh báo"));

    record Column(String name, String label) {
    }

    private static final Duration FIRST_SCHEDULED_REFRESH = Duration.ofMinutes(5);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final EngineAsSystem engine;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final Maintenance maintenance;
    private final TasklistProperties properties;
    private final StartupLock startup;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                    EngineAsSystem engine, WorkingCalendar calendar, BusinessClock clock, Maintenance maintenance,
                    TasklistProperties properties, StartupLock startup) {
        this.startup = startup;
        this.maintenance = maintenance;
        this.properties = properties;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.engine = engine;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** When the app starts serving users, and again after a simulation moved the business clock (Maintenance). */
    @EventListener
    public void install(AvailabilityChangeEvent<ReadinessState> readiness) {
        if (readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            refresh();
        }
    }

    /** Every {@code hoso.tasklist.filter-refresh}, so that the fixed dates follow the days. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, properties.filterRefresh(), FIRST_SCHEDULED_REFRESH));
    }

    public void refresh() {
        if (maintenance.reason().isPresent()) {
            return; // the business clock may be simulated: the dates would be wrong (refreshed again after)
        }
        // nodes starting together take turns: each would find no filter and create its own
        startup.exclusively(() -> engine.run(() -> {
            LocalDate today = clock.today();
            Date startOfToday = at(today, LocalTime.MIDNIGHT);
            Date inTwoWorkingDays = at(calendar.addWorkingDays(today, 2), LocalTime.of(23, 59));
            save(MY_UNIT, -10, "Mọi việc đang chờ các nhóm của bạn (đơn vị bạn công tác), hạn gần nhất trước",
                    tasks.createTaskQuery().orderByDueDate().asc());
            save(DUE_SOON, -5, "Việc đến hạn trong 2 ngày làm việc tới",
                    tasks.createTaskQuery().dueAfter(startOfToday).dueBefore(inTwoWorkingDays).orderByDueDate().asc());
            save(OVERDUE, 0, "Việc đã quá ngày hẹn trả",
                    tasks.createTaskQuery().dueBefore(startOfToday).orderByDueDate().asc());
        }));
    }

    private void save(String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        boolean created = filter == null;
        if (created) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                "variables",
                LIST_COLUMNS.stream().map(c -> Map.of("name", c.name(), "label", c.label())).toList()));
        filters.saveFilter(filter);
        if (created) {
            Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setUserId(Authorization.ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everyone);
        }
    }

    private Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(clock.zone()).toInstant());
    }
}
