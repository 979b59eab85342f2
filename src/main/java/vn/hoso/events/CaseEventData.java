package vn.hoso.events;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload of a case event, one record per CloudEvents {@code type} (docs/events.md): what {@code cases} appends
 * to the log and what the consumers ({@code rollup}, {@code simulator}, notifications) read back, so that a field is
 * named once, here, and the compiler finds every use. {@link #toData()} is the {@code data} object exactly as it has
 * always been written (the hash chain covers it byte for byte); {@link #parse} reads it back, leniently: a field
 * that is missing or of another shape is null, and a consumer decides what it needs.
 */
public sealed interface CaseEventData permits CaseReceived, StepCompleted, CaseTransferred, SegmentClosed,
        CaseResolved, SupplementationRequested, DueDateChanged, DocumentAttached, OtherCaseEvent {

    /** The CloudEvents {@code type}. */
    String type();

    /** The case. */
    String caseId();

    /** The unit where it happened: the event's {@code source}. */
    String unitCode();

    /** The {@code data} object. */
    Map<String, Object> toData();

    /** The typed payload of an event of {@code type}; {@link OtherCaseEvent} for a type this version does not know. */
    static CaseEventData parse(String type, JsonNode data) {
        DataReader d = new DataReader(data);
        return switch (type) {
            case CaseEventTypes.RECEIVED -> CaseReceived.read(d);
            case CaseEventTypes.STEP_COMPLETED -> StepCompleted.read(d);
            case CaseEventTypes.TRANSFERRED -> CaseTransferred.read(d);
            case CaseEventTypes.SEGMENT_CLOSED -> SegmentClosed.read(d);
            case CaseEventTypes.RESOLVED -> CaseResolved.read(d);
            case CaseEventTypes.SUPPLEMENTATION_REQUESTED -> SupplementationRequested.read(d);
            case CaseEventTypes.DUE_DATE_CHANGED -> DueDateChanged.read(d);
            case CaseEventTypes.DOCUMENT_ATTACHED -> DocumentAttached.read(d);
            default -> new OtherCaseEvent(type, d.text("caseId"), d.text("unitCode"), data);
        };
    }
}
