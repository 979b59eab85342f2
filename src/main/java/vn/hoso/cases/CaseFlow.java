package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseNotReceived;
import vn.hoso.events.CaseRefused;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.CaseTransferred;
import vn.hoso.events.Channel;
import vn.hoso.events.OverdueWarning;
import vn.hoso.events.Resolution;
import vn.hoso.events.SegmentClosed;
import vn.hoso.events.SegmentJudged;
import vn.hoso.events.SegmentResult;
import vn.hoso.events.StepMode;
import vn.hoso.events.Timeliness;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * The engine-facing side of a case, called from the BPMN models (bpmn/hoso-case.bpmn, bpmn/hoso-segment.bpmn) as
 * {@code ${caseFlow.…}}. Each call runs inside the engine's transaction, so the case tables, the event log and the
 * engine state commit or roll back together.
 *
 * <p>Nothing here reads a process or task variable: which case an execution belongs to is the business key of its
 * root process instance (set by intake, bound to the case row on the first call), and who works it, where it goes
 * next and what the last step decided are read from the case tables. A variable that a caller manages to put into
 * the engine therefore changes nothing (docs/reliability.md, "Trust boundary").
 */
@Component(CaseModel.FLOW_BEAN)
public class CaseFlow {

    /** The first step of a segment: reception at the receiving unit, processing, or only the return of the result. */
    enum Entry { RECEIVE, PROCESS, RETURN_ONLY }

    private final CaseStore store;
    final CaseEventSink events;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;
    private final OverdueMarker warnings;
    private final Successors successors;

    CaseFlow(CaseStore store, CaseEventSink events, WorkingCalendar calendar, BusinessClock clock,
             OverdueMarker warnings, Successors successors) {
        this.store = store;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.warnings = warnings;
        this.successors = successors;
    }

    // ---- the case an execution belongs to

    /** Whether the execution runs one of the case processes (the engine may run others, e.g. in tests). */
    static boolean isCaseProcess(DelegateExecution execution) {
        return CaseModel.isCaseProcess(((ExecutionEntity) execution).getProcessDefinition().getKey());
    }

    /**
     * The case of an execution of a case process, locked for this transaction: the case bound to the root process
     * instance in our table; before the first binding, the root's business key, whose case must not be bound to
     * another instance (the first call binds it).
     */
    CaseStore.State trustedCase(DelegateExecution execution) {
        Optional<CaseStore.State> bound = store.boundTo(rootInstanceId(execution));
        if (bound.isPresent()) {
            return bound.get();
        }
        DelegateExecution root = rootInstance(execution);
        UUID caseId;
        try {
            caseId = UUID.fromString(root.getProcessBusinessKey());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Process instance " + root.getProcessInstanceId()
                    + " has no case id as its business key");
        }
        CaseStore.State state = store.state(caseId);
        if (state.processInstanceId() == null) {
            store.bindProcessInstance(caseId, root.getProcessInstanceId());
        } else if (!state.processInstanceId().equals(root.getProcessInstanceId())) {
            throw new IllegalStateException("Process instance " + root.getProcessInstanceId() + " is not the one of case "
                    + caseId);
        }
        return state;
    }

    /**
     * The id of the root process instance, from the engine's own row of the execution when it has it (no lookup of
     * the process instance and its super execution).
     */
    static String rootInstanceId(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getRootProcessInstanceIdRaw() != null) {
            return entity.getRootProcessInstanceIdRaw();
        }
        return rootInstance(execution).getProcessInstanceId();
    }

    static DelegateExecution rootInstance(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }

    // ---- main process (hoso-case)

    /** Main process: the next processing segment is about to start at the unit of the route's current stop. */
    public void prepareSegment(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), true);
        if (state.returning()) {
            store.setReturning(state.caseId(), false);
        }
    }

    /** Main process: after a hand-off, the next unit on the route takes the case. */
    public void advance(DelegateExecution execution) {
        CaseStore.State state = trustedCase(execution);
        store.moveTo(state.caseId(), state.segmentIndex() + 1, state.currentUnit(), state.currentTier(),
                state.status());
    }

    /** Main process: the result goes back to the unit that received the case, to be returned to the applicant. */
    public void prepareReturn(DelegateExecution execution) {
        store.setReturning(trustedCase(execution).caseId(), true);
    }

    /** Main process gateway: the segment that just ended handed the case on along the route. */
    public boolean forwarded(DelegateExecution execution) {
        return store.lastSegmentResult(trustedCase(execution).caseId()) == SegmentResult.FORWARDED;
    }

    /** Main process gateway: the result was issued at a unit other than the receiving one, where it is returned. */
    public boolean needsReturn(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), false);
        return store.lastSegmentResult(state.caseId()) == SegmentResult.ISSUED && returnsElsewhere(state);
    }

    /** The Mẫu 04 timer: one working day before the appointment date (see {@link ApologyTimer}). */
    public Date apologyAt(DelegateExecution execution) {
        CaseStore.State state = trustedCase(execution);
        return Date.from(ApologyTimer.at(calendar, state.dueDate(), state.receivedAt().toInstant(), clock.zone()));
    }

    /**
     * The overdue watch (event subprocess of the processing, started by the {@link ApologyTimer}): the unit holding
     * the case is warned one working day before the appointment date ({@code vn.hoso.case.overdue-warning}); the
     * tasks of the case get the Tasklist marker {@link TaskDisplay#WARNING}.
     */
    public void overdueWarning(DelegateExecution execution) {
        CaseStore.State state = trustedCase(execution);
        OffsetDateTime now = clock.now();
        append(now, new OverdueWarning(state.caseId().toString(), state.currentUnit(), state.currentTier(),
                state.dueDate(), state.kind(), now));
        warnings.mark(state.caseId(), state.dueDate());
    }

    /**
     * Overdue watch gateway: a procedure dossier gets the Mẫu 04 task (an apology letter to the applicant, Nghị định
     * 61/2018/NĐ-CP Art. 19(3)); a work file has no applicant, so only the internal warning (Nghị định 30/2020/NĐ-CP).
     */
    public boolean citizenApology(DelegateExecution execution) {
        return trustedCase(execution).kind() == CaseKind.PROCEDURE;
    }

    // ---- segment process (hoso-segment)

    /** Segment process start: the case arrives at a unit. */
    public void openSegment(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), true);
        UUID caseId = state.caseId();
        Entry entry = entry(state);
        String unit;
        Tier tier;
        if (entry == Entry.RETURN_ONLY) {
            Successors.Target returnAt = returnUnit(state);
            unit = returnAt.unitCode();
            tier = returnAt.tier();
        } else {
            Route.Stop stop = Route.decode(state.route()).stop(state.segmentIndex());
            unit = stop.unitCode();
            tier = stop.tier();
        }
        boolean arrivedElectronically = entry == Entry.RECEIVE
                ? state.channel() == Channel.ONLINE : state.nextArrivalElectronic();
        int segmentNo = store.segmentCount(caseId) + 1;
        // Mẫu 05: a unit on the route has its share of the statutory time from the day the file reaches it
        java.time.LocalDateTime arrived = entry == Entry.RECEIVE ? state.receivedAt().toLocalDateTime()
                : clock.now().toLocalDateTime();
        LocalDate segmentDue = entry == Entry.RETURN_ONLY ? null : Deadlines.dueDate(calendar, arrived,
                Route.decode(state.route()).stop(state.segmentIndex()).days());
        store.openSegment(caseId, segmentNo, unit, tier, clock.now(), arrivedElectronically, segmentDue);
        CaseStatus status = switch (entry) {
            case RECEIVE -> CaseStatus.RECEIVED;
            case RETURN_ONLY -> CaseStatus.FINISHED;
            case PROCESS -> CaseStatus.PROCESSING;
        };
        store.moveTo(caseId, state.segmentIndex(), unit, tier, status);
    }

    /** Segment gateway: the first step at this unit ({@link Entry} name). */
    public String entry(DelegateExecution execution) {
        return entry(trustedCase(execution)).name();
    }

    private static Entry entry(CaseStore.State state) {
        if (state.returning()) {
            return Entry.RETURN_ONLY;
        }
        return state.segmentIndex() == 0 ? Entry.RECEIVE : Entry.PROCESS;
    }

    /** Segment gateways: what the last step of the open segment decided (its {@code outcome}, default applied). */
    public String decision(DelegateExecution execution) {
        UUID caseId = trustedCase(execution).caseId();
        return store.openSegment(caseId).map(CaseStore.OpenSegment::lastOutcome).orElse(null);
    }

    /** Segment gateway: this unit is the last on the route, so it issues the result. */
    public boolean lastUnitOfRoute(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), true);
        return !state.returning() && Route.decode(state.route()).isLast(state.segmentIndex());
    }

    /** Segment gateway: the result is returned here, where the case was received. */
    public boolean returnsHere(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), false);
        return state.kind() == CaseKind.PROCEDURE && Route.decode(state.route()).isLast(state.segmentIndex())
                && !returnsElsewhere(state);
    }

    /** The candidate group of a unit's officers for the case's current unit (tasks of the segment and Mẫu 04). */
    public String officersHere(DelegateExecution execution) {
        return Groups.officers(currentUnit(execution));
    }

    /** The candidate group of a unit's leaders for the case's current unit (approval). */
    public String leadersHere(DelegateExecution execution) {
        return Groups.leaders(currentUnit(execution));
    }

    private String currentUnit(DelegateExecution execution) {
        CaseStore.State state = reconcile(trustedCase(execution), true);
        if (state.currentUnit() == null) {
            throw new IllegalStateException("Case " + state.caseId() + " is at no unit");
        }
        return state.currentUnit();
    }

    /** A procedure dossier whose last unit is not the receiving one: the result goes back there to be returned. */
    private boolean returnsElsewhere(CaseStore.State state) {
        Route route = Route.decode(state.route());
        Route.Stop last = route.stop(route.stops().size() - 1);
        return state.kind() == CaseKind.PROCEDURE && !last.unitCode().equals(returnUnit(state).unitCode());
    }

    /** Where the result is returned: the receiving unit, or its successor when it no longer exists today. */
    private Successors.Target returnUnit(CaseStore.State state) {
        return successors.on(state.receivingUnit(), state.receivingTier(), state.receivedAt().toLocalDate(),
                clock.now().toLocalDate(), state.receivingUnit());
    }

    /**
     * The 2025-07-01 reform for cases in flight: the stops of the route from the current one on are resolved to the
     * units that exist today ({@link Successors}); consecutive stops at the same unit merge (their days add up: after
     * the reform a district's work is the commune's). With {@code moveCurrent}, when the current stop's unit no
     * longer exists, the case moves to its successor before a task is offered there: the open segment closes at the
     * unit that worked it and a new one opens at the successor, with {@code vn.hoso.case.transferred}. Receiving
     * unit and past segments are never rewritten (they are the legal facts of the reports).
     */
    CaseStore.State reconcile(CaseStore.State state, boolean moveCurrent) {
        if (state.returning() || state.route() == null) {
            return state;
        }
        LocalDate today = clock.now().toLocalDate();
        LocalDate plannedOn = state.receivedAt().toLocalDate();
        Route route = Route.decode(state.route());
        int current = state.segmentIndex();
        java.util.List<Route.Stop> stops = new java.util.ArrayList<>(route.stops().subList(0, current));
        for (int i = current; i < route.stops().size(); i++) {
            Route.Stop stop = route.stop(i);
            Route.Stop resolved = stop;
            if (i > current || moveCurrent) {
                Successors.Target t = successors.on(stop.unitCode(), stop.tier(), plannedOn, today,
                        state.receivingUnit());
                resolved = new Route.Stop(t.tier(), t.unitCode(), stop.days());
            }
            Route.Stop previous = stops.size() > current ? stops.get(stops.size() - 1) : null;
            if (previous != null && previous.unitCode().equals(resolved.unitCode())) {
                stops.set(stops.size() - 1, new Route.Stop(previous.tier(), previous.unitCode(),
                        previous.days() + resolved.days()));
            } else {
                stops.add(resolved);
            }
        }
        Route reconciled = new Route(stops);
        if (reconciled.encode().equals(state.route())) {
            return state;
        }
        store.setRoute(state.caseId(), reconciled.encode());
        Route.Stop was = route.stop(current);
        Route.Stop now = reconciled.stop(current);
        if (!was.unitCode().equals(now.unitCode()) && was.unitCode().equals(state.currentUnit())) {
            moveToSuccessor(state, was, now);
        }
        return store.state(state.caseId());
    }

    private void moveToSuccessor(CaseStore.State state, Route.Stop from, Route.Stop to) {
        UUID caseId = state.caseId();
        OffsetDateTime now = clock.now();
        var open = store.openSegment(caseId);
        LocalDate segmentDue = store.openSegmentDue(caseId).orElse(null);
        if (open.isPresent()) {
            CaseFile.Segment segment = store.closeSegment(caseId, now, SegmentResult.FORWARDED).orElseThrow();
            append(now, new SegmentClosed(caseId.toString(), segment.unitCode(), segment.tier(), segment.segmentNo(),
                    segment.openedAt(), segment.closedAt(), segment.steps(), segment.paperSteps(),
                    segment.arrivedElectronically(), segment.processedOnline(), state.kind(), state.procedureCode(),
                    SegmentResult.FORWARDED));
            judge(caseId, segment, segmentDue, now);
        }
        append(now, new CaseTransferred(caseId.toString(), from.unitCode(), from.tier(), to.unitCode(), to.tier(),
                StepMode.ELECTRONIC, now));
        if (open.isPresent()) {
            int segmentNo = store.segmentCount(caseId) + 1;
            store.openSegment(caseId, segmentNo, to.unitCode(), to.tier(), now, true, segmentDue);
        }
        store.moveTo(caseId, state.segmentIndex(), to.unitCode(), to.tier(), state.status());
    }

    /** Segment process end events: the case leaves the unit; records the segment and what follows from it. */
    public void closeSegment(DelegateExecution execution, String resultName) {
        SegmentResult result = SegmentResult.valueOf(resultName);
        CaseStore.State state = reconcile(trustedCase(execution), false);
        UUID caseId = state.caseId();
        OffsetDateTime now = clock.now();
        StepMode handOffMode = store.openSegment(caseId).map(CaseStore.OpenSegment::lastMode)
                .orElse(StepMode.ELECTRONIC);
        LocalDate segmentDue = store.openSegmentDue(caseId).orElse(null);
        CaseFile.Segment segment = store.closeSegment(caseId, now, result).orElseThrow(
                () -> new IllegalStateException("No open segment for case " + caseId));
        String unit = segment.unitCode();
        Tier tier = segment.tier();
        append(now, new SegmentClosed(caseId.toString(), unit, tier, segment.segmentNo(), segment.openedAt(),
                segment.closedAt(), segment.steps(), segment.paperSteps(), segment.arrivedElectronically(),
                segment.processedOnline(), state.kind(), state.procedureCode(), result));
        judge(caseId, segment, segmentDue, now);

        switch (result) {
            case FORWARDED -> {
                Route.Stop next = Route.decode(state.route()).stop(state.segmentIndex() + 1);
                transfer(caseId, unit, tier, next.unitCode(), next.tier(), handOffMode, now);
            }
            case ISSUED -> {
                resolve(state, Resolution.APPROVED, unit, tier, now, CaseStatus.FINISHED);
                if (returnsElsewhere(state)) { // back to the receiving unit (or its successor)
                    Successors.Target back = returnUnit(state);
                    transfer(caseId, unit, tier, back.unitCode(), back.tier(), handOffMode, now);
                } // a work file ends where it was issued: no applicant to return it to
            }
            case DONE -> resolve(state, Resolution.APPROVED, unit, tier, now, CaseStatus.RETURNED);
            case REJECTED -> {
                if (refusedAtReception(state)) {
                    refuse(state, unit, tier, now);
                } else {
                    resolve(state, Resolution.REJECTED, unit, tier, now, CaseStatus.REJECTED);
                }
            }
            case WITHDRAWN -> resolve(state, Resolution.WITHDRAWN, unit, tier, now, CaseStatus.WITHDRAWN);
            case RETURNED -> store.setStatus(caseId, CaseStatus.RETURNED);
            case STOPPED -> resolve(state, Resolution.STOPPED, unit, tier, now, CaseStatus.STOPPED);
            case NOT_RECEIVED -> {
                store.notReceived(caseId, now);
                append(now, new CaseNotReceived(caseId.toString(), unit, tier, now, state.kind(),
                        state.procedureCode()));
            }
        }
    }

    /** Mẫu 05: the unit's stay against its share of the time, by date (segments with a share only). */
    private void judge(UUID caseId, CaseFile.Segment segment, LocalDate due, OffsetDateTime now) {
        if (due == null) {
            return;
        }
        LocalDate closed = segment.closedAt().toLocalDate();
        Timeliness verdict = closed.isAfter(due) ? Timeliness.LATE
                : closed.isBefore(due) ? Timeliness.EARLY : Timeliness.ON_TIME;
        append(now, new SegmentJudged(caseId.toString(), segment.unitCode(), segment.tier(), segment.segmentNo(),
                segment.openedAt(), segment.closedAt(), due, verdict));
    }

    private void transfer(UUID caseId, String unit, Tier tier, String toUnit, Tier toTier, StepMode mode,
                          OffsetDateTime now) {
        append(now, new CaseTransferred(caseId.toString(), unit, tier, toUnit, toTier, mode, now));
        store.setNextArrivalElectronic(caseId, mode == StepMode.ELECTRONIC);
    }

    /**
     * The receiving unit's first step refused the file (Mẫu 03): no other step of the segment has run (every
     * other step moves the case from {@code RECEIVED} to {@code PROCESSING}).
     */
    static boolean refusedAtReception(CaseStore.State state) {
        return state.segmentIndex() == 0 && !state.returning() && state.status() == CaseStatus.RECEIVED;
    }

    /**
     * Refused at reception (Mẫu 03): the file never became a received dossier, so the case ends without being
     * judged early, on time or late, and {@code vn.hoso.case.refused} replaces {@code vn.hoso.case.resolved}
     * (docs/workflow.md, "Reception").
     */
    private void refuse(CaseStore.State state, String unit, Tier tier, OffsetDateTime now) {
        store.refuse(state.caseId(), now);
        append(now, new CaseRefused(state.caseId().toString(), unit, tier, now, state.kind(), state.procedureCode()));
    }

    private void resolve(CaseStore.State state, Resolution outcome, String unit, Tier tier, OffsetDateTime now,
                         CaseStatus status) {
        Timeliness timeliness = timeliness(state, now.toLocalDate());
        store.resolve(state.caseId(), outcome, timeliness, now, status);
        append(now, new CaseResolved(state.caseId().toString(), outcome, unit, tier, now, state.dueDate(), timeliness,
                state.kind(), state.procedureCode(), state.receivingUnit(), state.supplementationCount(),
                state.apologyIssued()));
    }

    /**
     * Early / on time / late by date against the appointment date (already moved by supplementation waits). More
     * than one supplementation request, or an apology (Mẫu 04), makes a case late whatever the date.
     */
    static Timeliness timeliness(CaseStore.State state, LocalDate finished) {
        if (state.supplementationCount() > 1 || state.apologyIssued() || finished.isAfter(state.dueDate())) {
            return Timeliness.LATE;
        }
        return finished.isBefore(state.dueDate()) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }

    /** Every event of a case goes through here (intake, steps, segments). */
    void append(OffsetDateTime time, CaseEventData event) {
        events.append(time, event);
    }
}
