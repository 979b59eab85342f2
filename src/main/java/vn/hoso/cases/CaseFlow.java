package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.NewCaseEvent;
import vn.hoso.platform.BusinessClock;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/**
 * The engine-facing side of a case, called from the BPMN models (bpmn/hoso-case.bpmn, bpmn/hoso-segment.bpmn) as
 * {@code ${caseFlow.…}}. Each call runs inside the engine's transaction, so the case tables, the event log and the
 * engine state commit or roll back together.
 */
@Component("caseFlow")
public class CaseFlow {

    /** How a segment (a stay at one unit) ended. */
    enum SegmentResult { FORWARDED, ISSUED, DONE, RETURNED, REJECTED, WITHDRAWN }

    private final CaseStore store;
    private final CaseEventLog eventLog;
    private final BusinessClock clock;
    /**
     * {@code hoso.events.publication-enabled} (default true): whether the case flow writes its events to the event log
     * at all. Off, the cases run through the same BPMN and case tables with no event log, relay, Kafka or rollups
     * ("bare Camunda"): for benchmarks that measure what the event pipeline costs, never for production.
     */
    private volatile boolean publicationEnabled;

    CaseFlow(CaseStore store, CaseEventLog eventLog, BusinessClock clock,
             @Value("${hoso.events.publication-enabled:true}") boolean publicationEnabled) {
        this.store = store;
        this.eventLog = eventLog;
        this.clock = clock;
        this.publicationEnabled = publicationEnabled;
    }

    /** Whether case events are written to the event log (see {@code hoso.events.publication-enabled}). */
    public boolean publicationEnabled() {
        return publicationEnabled;
    }

    /** Benchmarks switch publication off and on between rounds in one running app (same JVM, same database). */
    void setPublicationEnabled(boolean enabled) {
        this.publicationEnabled = enabled;
    }

    /** Main process: sets up the next processing segment from the planned route. */
    public void prepareSegment(DelegateExecution execution) {
        CaseStore.State state = store.state(caseId(execution));
        Route route = Route.decode(state.route());
        int index = state.segmentIndex();
        Route.Stop stop = route.stop(index);
        boolean last = route.isLast(index);
        boolean procedure = state.kind() == CaseKind.PROCEDURE;
        boolean returnsHere = procedure && stop.unitCode().equals(state.receivingUnit());
        execution.setVariable("unitCode", stop.unitCode());
        execution.setVariable("tier", stop.tier().name());
        execution.setVariable("segReceive", index == 0);
        execution.setVariable("segIssue", last);
        execution.setVariable("segReturn", last && returnsHere);
        execution.setVariable("segReturnOnly", false);
        execution.setVariable("needsReturn", last && procedure && !returnsHere);
        if (!last) {
            Route.Stop next = route.stop(index + 1);
            execution.setVariable("nextUnit", next.unitCode());
            execution.setVariable("nextTier", next.tier().name());
        } else if (procedure && !returnsHere) {
            execution.setVariable("nextUnit", state.receivingUnit());
            execution.setVariable("nextTier", state.receivingTier().name());
        }
    }

    /** Main process: after a hand-off, the next unit on the route takes the case. */
    public void advance(DelegateExecution execution) {
        UUID caseId = caseId(execution);
        CaseStore.State state = store.state(caseId);
        store.moveTo(caseId, state.segmentIndex() + 1, state.currentUnit(), state.currentTier(), state.status());
    }

    /** Main process: the result goes back to the unit that received the case, to be returned to the applicant. */
    public void prepareReturn(DelegateExecution execution) {
        CaseStore.State state = store.state(caseId(execution));
        execution.setVariable("unitCode", state.receivingUnit());
        execution.setVariable("tier", state.receivingTier().name());
        execution.setVariable("segReceive", false);
        execution.setVariable("segIssue", false);
        execution.setVariable("segReturn", false);
        execution.setVariable("segReturnOnly", true);
        execution.setVariable("needsReturn", false);
    }

    /** Segment process start: the case arrives at a unit. */
    public void openSegment(DelegateExecution execution) {
        UUID caseId = caseId(execution);
        CaseStore.State state = store.state(caseId);
        String unit = (String) execution.getVariable("unitCode");
        Tier tier = Tier.valueOf((String) execution.getVariable("tier"));
        boolean first = Boolean.TRUE.equals(execution.getVariable("segReceive"));
        boolean arrivedElectronically = first ? "ONLINE".equals(state.channel()) : state.nextArrivalElectronic();
        int segmentNo = store.find(caseId).map(c -> c.segments().size()).orElse(0) + 1;
        store.openSegment(caseId, segmentNo, unit, tier, clock.now(), arrivedElectronically);
        CaseStatus status = first ? CaseStatus.RECEIVED
                : Boolean.TRUE.equals(execution.getVariable("segReturnOnly")) ? CaseStatus.FINISHED
                : CaseStatus.PROCESSING;
        store.moveTo(caseId, state.segmentIndex(), unit, tier, status);
    }

    /** Segment process end events: the case leaves the unit; records the segment and what follows from it. */
    public void closeSegment(DelegateExecution execution, String resultName) {
        SegmentResult result = SegmentResult.valueOf(resultName);
        UUID caseId = caseId(execution);
        CaseStore.State state = store.state(caseId);
        OffsetDateTime now = clock.now();
        String unit = (String) execution.getVariable("unitCode");
        Tier tier = Tier.valueOf((String) execution.getVariable("tier"));
        CaseFile.Segment segment = store.closeSegment(caseId, now, result.name()).orElseThrow(
                () -> new IllegalStateException("No open segment for case " + caseId));

        Map<String, Object> closed = data(caseId);
        closed.put("unitCode", unit);
        closed.put("tier", tier.name());
        closed.put("segmentNo", segment.segmentNo());
        closed.put("openedAt", segment.openedAt().toString());
        closed.put("closedAt", segment.closedAt().toString());
        closed.put("steps", segment.steps());
        closed.put("paperSteps", segment.paperSteps());
        closed.put("arrivedElectronically", segment.arrivedElectronically());
        closed.put("processedOnline", segment.processedOnline());
        closed.put("kind", state.kind().name());
        closed.put("procedureCode", state.procedureCode());
        closed.put("result", result.name());
        append(caseId, CaseEventTypes.SEGMENT_CLOSED, unit, now, closed);

        String lastMode = (String) execution.getVariable("lastMode");
        switch (result) {
            case FORWARDED -> transfer(caseId, unit, tier, execution, lastMode, now);
            case ISSUED -> {
                resolve(state, "APPROVED", unit, tier, now, CaseStatus.FINISHED);
                if (Boolean.TRUE.equals(execution.getVariable("needsReturn"))) {
                    transfer(caseId, unit, tier, execution, lastMode, now); // back to the receiving unit
                } // a work file ends where it was issued: no applicant to return it to
            }
            case DONE -> resolve(state, "APPROVED", unit, tier, now, CaseStatus.RETURNED);
            case REJECTED -> resolve(state, "REJECTED", unit, tier, now, CaseStatus.REJECTED);
            case WITHDRAWN -> resolve(state, "WITHDRAWN", unit, tier, now, CaseStatus.WITHDRAWN);
            case RETURNED -> store.setStatus(caseId, CaseStatus.RETURNED);
        }
        execution.getProcessInstance().setVariable("segmentResult", result.name());
    }

    private void transfer(UUID caseId, String unit, Tier tier, DelegateExecution execution, String mode,
                          OffsetDateTime now) {
        String electronic = mode == null ? "ELECTRONIC" : mode;
        Map<String, Object> data = data(caseId);
        data.put("fromUnit", unit);
        data.put("fromTier", tier.name());
        data.put("toUnit", execution.getVariable("nextUnit"));
        data.put("toTier", execution.getVariable("nextTier"));
        data.put("mode", electronic);
        data.put("transferredAt", now.toString());
        append(caseId, CaseEventTypes.TRANSFERRED, unit, now, data);
        store.setNextArrivalElectronic(caseId, "ELECTRONIC".equals(electronic));
    }

    private void resolve(CaseStore.State state, String outcome, String unit, Tier tier, OffsetDateTime now,
                         CaseStatus status) {
        String timeliness = timeliness(state, now.toLocalDate());
        store.resolve(state.caseId(), outcome, timeliness, now, status);
        Map<String, Object> data = data(state.caseId());
        data.put("outcome", outcome);
        data.put("unitCode", unit);
        data.put("tier", tier.name());
        data.put("resolvedAt", now.toString());
        data.put("dueDate", state.dueDate().toString());
        data.put("timeliness", timeliness);
        data.put("kind", state.kind().name());
        data.put("procedureCode", state.procedureCode());
        data.put("receivingUnit", state.receivingUnit());
        data.put("supplementationCount", state.supplementationCount());
        data.put("apologyIssued", state.apologyIssued());
        append(state.caseId(), CaseEventTypes.RESOLVED, unit, now, data);
    }

    /**
     * Early / on time / late by date against the appointment date (already moved by supplementation waits). More
     * than one supplementation request, or an apology (Mẫu 04), makes a case late whatever the date.
     */
    static String timeliness(CaseStore.State state, LocalDate finished) {
        if (state.supplementationCount() > 1 || state.apologyIssued() || finished.isAfter(state.dueDate())) {
            return "LATE";
        }
        return finished.isBefore(state.dueDate()) ? "EARLY" : "ON_TIME";
    }

    /** Every event of a case goes through here (intake, steps, segments), so the publication switch is in one place. */
    void append(UUID caseId, String type, String unit, OffsetDateTime time, Map<String, Object> data) {
        if (!publicationEnabled) {
            return;
        }
        eventLog.append(new NewCaseEvent(caseId.toString(), type, unit, time, data));
    }

    static Map<String, Object> data(UUID caseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId.toString());
        return data;
    }

    static UUID caseId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("caseId"));
    }
}
