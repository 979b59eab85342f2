package vn.hoso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.cases.CaseIntake;
import vn.hoso.cases.CaseModel;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.CaseRefused;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.RecordedEvent;
import vn.hoso.events.SegmentClosed;
import vn.hoso.documents.CaseDocuments;
import vn.hoso.identity.CurrentUser;
import vn.hoso.procedures.ProcedureComponents;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.UnitRegistry;

/**
 * Drives a plan through the real product, one action at a time in business-time order, on the calling thread:
 * intake through {@link CaseIntake} as the receiving unit's officer, every step through the engine's
 * {@link TaskService} as the officer or leader of the candidate group (with the {@code mode} / {@code outcome}
 * variables users give), and the Mẫu 04 timers executed here just before they fall due. Camunda's {@code ClockUtil}
 * is set to each action's time and reset at the end; it never passes a pending timer of a simulated case, so the
 * job executor never sees one due (docs/simulator.md).
 */
@ConditionalOnSimulator
@Service
public class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final CaseIntake intake;
    private final CaseFiles caseFiles;
    private final CaseEventLog eventLog;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final ProcedureCatalogue catalogue;
    private final UnitRegistry registry;
    private final WorkingCalendar calendar;
    private final WorkingHours hours;
    private final ObjectMapper json = new ObjectMapper();
    private final GeneratedPapers papers;

    Simulator(CaseIntake intake, CaseFiles caseFiles, CaseEventLog eventLog, TaskService taskService,
              RuntimeService runtimeService, ManagementService managementService, IdentityService identityService,
              ProcedureCatalogue catalogue, UnitRegistry registry, WorkingCalendar calendar, BusinessClock clock,
              CaseDocuments documents, ProcedureComponents components) {
        this.papers = new GeneratedPapers(documents, components);
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.eventLog = eventLog;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.catalogue = catalogue;
        this.registry = registry;
        this.calendar = calendar;
        this.hours = new WorkingHours(calendar, clock.zone());
    }

    private enum Kind { INTAKE, STEP, TIMER }

    /** {@code id} is the task (STEP) or job (TIMER); {@code due} the timer's due date when it was scheduled. */
    private record Action(Instant at, long order, Kind kind, CaseRun run, String id, String user,
                          String group, Map<String, Object> variables, Instant due, String step) {
    }

    /** The simulator's view of one case while it runs. */
    private static final class CaseRun {
        final PlannedCase planned;
        final SplittableRandom random;
        final boolean slow;
        List<Integer> legDays = List.of();
        UUID caseId;
        String code;
        String processInstanceId;
        int segment = -1;
        String segmentUnit;
        double pace;
        boolean paperSegment;
        int segmentSteps;
        int supplementations;
        Instant timerDue;
        final Set<String> scheduled = new HashSet<>();
        boolean finished;
        int errors;

        CaseRun(PlannedCase planned, UnitProfile profile) {
            this.planned = planned;
            this.random = new SplittableRandom(planned.seed());
            this.slow = random.nextDouble() < profile.lateShare();
        }
    }

    private final class Run {
        final SimulationPlan plan;
        final Instant horizon;
        final PriorityQueue<Action> queue = new PriorityQueue<>(
                Comparator.comparing(Action::at).thenComparingLong(Action::order));
        final List<CaseRun> runs = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        long order;
        int received;
        int finished;
        long steps;
        long timers;
        int errors;
        Instant lastAction;
        long started = System.nanoTime();
        long lastLog = started;

        Run(SimulationPlan plan, Instant horizon) {
            this.plan = plan;
            this.horizon = horizon;
        }

        void push(Instant at, Kind kind, CaseRun run, String id, String user, String group, Map<String, Object> vars,
                  Instant due, String step) {
            queue.add(new Action(at, order++, kind, run, id, user, group, vars, due, step));
        }
    }

    /**
     * Runs the plan up to {@code horizon} (exclusive; actions that would happen later are left undone, their cases
     * open) and reports what happened, counted from the event log. One simulation at a time: the engine's clock is
     * global.
     */
    public synchronized SimulationReport run(SimulationPlan plan, Instant horizon) {
        Run r = new Run(plan, horizon);
        for (PlannedCase c : plan.cases()) {
            CaseRun run = new CaseRun(c, plan.profiles().get(c.unitCode()));
            r.runs.add(run);
            r.push(c.receivedAt().toInstant(), Kind.INTAKE, run, null, null, null, null, null, null);
        }
        log.info("Simulation: {} cases planned at {} units, {} – {}, seed {}", plan.cases().size(),
                plan.cases().stream().map(PlannedCase::unitCode).distinct().count(), plan.scenario().from(),
                plan.scenario().to(), plan.scenario().seed());
        try {
            while (!r.queue.isEmpty()) {
                Action a = r.queue.peek();
                if (!a.at().isBefore(horizon)) {
                    break;
                }
                r.queue.poll();
                ClockUtil.setCurrentTime(Date.from(a.at()));
                r.lastAction = a.at();
                try {
                    switch (a.kind()) {
                        case INTAKE -> receive(r, a.run());
                        case STEP -> complete(r, a);
                        case TIMER -> fire(r, a);
                    }
                } catch (RuntimeException e) {
                    r.errors++;
                    if (++a.run().errors < 3) {
                        a.run().scheduled.remove(a.id()); // scheduled again by the refresh below
                    }
                    if (r.failures.size() < 20) {
                        r.failures.add("case " + a.run().planned.no() + " " + a.kind() + " " + a.id() + ": " + e);
                    }
                    log.warn("Simulation: case {} {} failed: {}", a.run().planned.no(), a.kind(), e.toString());
                }
                if (a.run().caseId != null && !a.run().finished) {
                    // the Mẫu 04 timer is created at intake, moved when supplementation ends, gone once it fired
                    boolean timerMayChange = a.kind() != Kind.STEP || CaseModel.AWAIT_SUPPLEMENT.equals(a.step());
                    refresh(r, a.run(), a.at(), timerMayChange);
                }
                progress(r, false);
            }
        } finally {
            ClockUtil.reset();
        }
        progress(r, true);
        return report(r, Duration.ofNanos(System.nanoTime() - r.started));
    }

    private void receive(Run r, CaseRun run) {
        PlannedCase c = run.planned;
        ObjectNode body = json.createObjectNode();
        body.put("kind", c.kind().name());
        body.put("procedureCode", c.procedureCode());
        body.put("receivingUnit", c.unitCode());
        body.put("channel", c.channel());
        body.put("subject", c.subject());
        body.put("receivedAt", c.receivedAt().toString());
        if (c.applicantName() != null) {
            body.putObject("applicant").put("name", c.applicantName()).put("idNumber", c.applicantIdNumber());
        }
        var caller = new CurrentUser("officer." + c.unitCode(), List.of(Groups.officers(c.unitCode())));
        CaseIntake.Received received = intake.receive(body, caller);
        run.caseId = received.caseId();
        run.code = received.code();
        papers.atIntake(c, run.caseId, run.code, caller);
        run.processInstanceId = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(run.caseId.toString()).processDefinitionKey(CaseModel.CASE_PROCESS)
                .singleResult().getId();
        LocalDate day = c.receivedAt().toLocalDate();
        Procedure p = catalogue.find(c.procedureCode(), day).orElseThrow();
        run.legDays = p.legs(c.tier(), registry.tiersOn(day)).stream().map(Procedure.Leg::days).toList();
        r.received++;
    }

    private void complete(Run r, Action a) {
        if (taskService.createTaskQuery().taskId(a.id()).count() == 0) {
            return; // an open Mẫu 04 task ends with the case's processing (terminate end): nothing left to do
        }
        papers.atStep(a.run().planned, a.step(), a.run().caseId, a.run().code,
                new CurrentUser(a.user(), List.of(a.group())));
        identityService.setAuthentication(a.user(), List.of(a.group()));
        try {
            taskService.complete(a.id(), a.variables());
        } finally {
            identityService.clearAuthentication();
        }
        r.steps++;
    }

    private void fire(Run r, Action a) {
        Job job = managementService.createJobQuery().jobId(a.id()).singleResult();
        if (job != null && job.isSuspended()) {
            a.run().timerDue = null; // paused by a supplementation request: scheduled again when it ends
        } else if (job != null && job.getDuedate().toInstant().equals(a.due())) {
            managementService.executeJob(job.getId());
            r.timers++;
        }
    }

    /** Schedules the case's new tasks and its pending timer, or notes that it has finished. */
    private void refresh(Run r, CaseRun run, Instant now, boolean timerMayChange) {
        List<Task> tasks = new ArrayList<>(taskService.createTaskQuery()
                .processInstanceBusinessKey(run.caseId.toString()).list());
        tasks.sort(Comparator.comparing(Task::getTaskDefinitionKey).thenComparing(Task::getId));
        if (timerMayChange || tasks.isEmpty()) {
            Job timer = managementService.createJobQuery().processInstanceId(run.processInstanceId).timers()
                    .singleResult();
            Instant due = timer == null ? null : timer.getDuedate().toInstant();
            if (due != null && !due.equals(run.timerDue)) {
                // one millisecond before it is due: the job executor only takes jobs whose due date has passed
                Instant at = due.minusMillis(1);
                r.push(at.isBefore(now) ? now : at, Kind.TIMER, run, timer.getId(), null, null, null, due, null);
            }
            run.timerDue = due;
        }
        for (Task task : tasks) {
            if (run.scheduled.add(task.getId())) {
                schedule(r, run, task, now);
            }
        }
        if (tasks.isEmpty() && run.timerDue == null) {
            run.finished = true;
            r.finished++;
        }
    }

    private void schedule(Run r, CaseRun run, Task task, Instant now) {
        String step = task.getTaskDefinitionKey();
        String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Task " + step + " has no candidate group"));
        String unit = Groups.unitOf(group);
        String user = (group.startsWith("leaders.") ? "leader." : "officer.") + unit;
        SplittableRandom random = run.random;
        boolean apology = CaseModel.APOLOGY.equals(step);
        if (!apology && !unit.equals(run.segmentUnit)) {
            UnitProfile profile = r.plan.profiles().get(unit);
            run.segment++;
            run.segmentUnit = unit;
            run.segmentSteps = 0;
            run.paperSegment = random.nextDouble() >= (profile == null ? 0.8 : profile.onlineShare());
            run.pace = run.slow ? random.nextDouble(1.1, 1.7) : random.nextDouble(0.1, 0.7);
        }
        boolean paper = run.paperSegment && (run.segmentSteps == 0 || random.nextDouble() < 0.4);
        run.segmentSteps++;
        Map<String, Object> vars = new HashMap<>();
        vars.put("mode", paper ? "PAPER" : "ELECTRONIC");
        String outcome = outcome(run, step);
        if (outcome != null) {
            vars.put("outcome", outcome);
        }
        if (apology) {
            LocalDate due = caseFiles.find(run.caseId).map(CaseFile::dueDate).orElseThrow();
            vars.put("newAppointmentDate", calendar.addWorkingDays(due, 2 + random.nextInt(6)).toString());
        }
        Instant at = hours.plus(now, delay(run, step)).toInstant();
        if (!run.slow && !apology && run.timerDue != null && !at.isBefore(run.timerDue)) {
            // a diligent officer finishes before the Mẫu 04 reminder: a third of the working time left
            at = hours.plus(now, Math.max(60, hours.between(now, run.timerDue) / 3)).toInstant();
            if (!at.isBefore(run.timerDue)) {
                at = now.plus(Duration.between(now, run.timerDue).dividedBy(2));
            }
        }
        r.push(at, Kind.STEP, run, task.getId(), user, group, vars, null, step);
    }

    /** Rates of the branches (docs/simulator.md). */
    private static String outcome(CaseRun run, String step) {
        double u = run.random.nextDouble();
        switch (step) {
            case CaseModel.RECEIVE:
                return u < 0.02 ? "REJECT" : null;
            case CaseModel.APPRAISE:
                if (u < (run.supplementations == 0 ? 0.08 : 0.10)) {
                    run.supplementations++;
                    return "SUPPLEMENT";
                }
                double v = run.random.nextDouble();
                return v < 0.03 ? "REJECT" : v < 0.04 ? "WITHDRAW" : null;
            case CaseModel.AWAIT_SUPPLEMENT:
                return u < 0.10 ? "WITHDRAW" : null;
            case CaseModel.APPROVE:
                return u < 0.01 ? "REJECT" : null;
            default:
                return null;
        }
    }

    /** Working seconds until the step is done. */
    private static long delay(CaseRun run, String step) {
        SplittableRandom random = run.random;
        long day = WorkingHours.DAY_SECONDS;
        return switch (step) {
            case CaseModel.RECEIVE -> 120 + random.nextLong(45 * 60);
            case CaseModel.APOLOGY -> 300 + random.nextLong(85 * 60);
            case CaseModel.AWAIT_SUPPLEMENT -> day * (1 + random.nextInt(3)) + random.nextLong(day);
            default -> {
                int days = run.segment < run.legDays.size() ? Math.max(1, run.legDays.get(run.segment)) : 1;
                yield 60 + (long) (days * day * run.pace / 4 * random.nextDouble(0.5, 1.5));
            }
        };
    }

    private void progress(Run r, boolean last) {
        long now = System.nanoTime();
        if (!last && now - r.lastLog < PROGRESS_EVERY.toNanos()) {
            return;
        }
        r.lastLog = now;
        int total = r.plan.cases().size();
        double seconds = Math.max(0.001, (now - r.started) / 1e9);
        double rate = r.finished / seconds;
        String eta = rate > 0 && !last ? formatDuration(Duration.ofSeconds((long) ((total - r.finished) / rate)))
                : "–";
        log.info("Simulation: {}/{} cases finished ({} %), {} received, {} cases/s, {} steps/s, ETA {}, business day {}",
                r.finished, total, total == 0 ? 100 : r.finished * 100 / total, r.received,
                String.format("%.1f", rate), String.format("%.0f", r.steps / seconds), eta,
                r.lastAction == null ? "–" : r.lastAction.atZone(hours.zone()).toLocalDate());
    }

    static String formatDuration(Duration d) {
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private SimulationReport report(Run r, Duration elapsed) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> timeliness = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        long events = 0;
        long segments = 0;
        long online = 0;
        int finished = 0;
        List<UUID> ids = new ArrayList<>();
        for (CaseRun run : r.runs) {
            if (run.caseId == null) {
                continue;
            }
            ids.add(run.caseId);
            for (RecordedEvent e : eventLog.eventsOf(run.caseId.toString())) {
                events++;
                byType.merge(e.type(), 1L, Long::sum);
                CaseEventData data = CaseEventData.parse(e.type(), e.data());
                if (data instanceof SegmentClosed closed) {
                    segments++;
                    online += Boolean.TRUE.equals(closed.processedOnline()) ? 1 : 0;
                } else if (data instanceof CaseResolved resolved) {
                    outcomes.merge(nameOf(resolved.outcome()), 1L, Long::sum);
                    timeliness.merge(nameOf(resolved.timeliness()), 1L, Long::sum);
                } else if (data instanceof CaseRefused) {
                    outcomes.merge("REFUSED", 1L, Long::sum); // Mẫu 03: never received, never judged
                }
            }
            String status = caseFiles.find(run.caseId).map(c -> c.status().name()).orElse("?");
            statuses.merge(status, 1L, Long::sum);
            if (run.finished) {
                finished++;
            }
        }
        LocalDate lastDay = r.lastAction == null ? r.plan.scenario().from()
                : r.lastAction.atZone(hours.zone()).toLocalDate();
        return new SimulationReport(r.plan.cases().size(), r.received, finished, r.received - finished,
                byType.getOrDefault(CaseEventTypes.STEP_COMPLETED, 0L), r.timers, r.errors, List.copyOf(r.failures),
                events, byType, segments, online, outcomes, timeliness, statuses, r.plan.scenario().from(), lastDay,
                elapsed, ids);
    }
}
