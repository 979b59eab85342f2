package vn.hoso.events;

/**
 * CloudEvents {@code type}s of the case event log on {@value EventTopics#CASE_EVENTS}. The first five are the
 * outside contract; the others extend it.
 */
public final class CaseEventTypes {

    public static final String RECEIVED = "vn.hoso.case.received";
    public static final String STEP_COMPLETED = "vn.hoso.step.completed";
    public static final String TRANSFERRED = "vn.hoso.case.transferred";
    public static final String SEGMENT_CLOSED = "vn.hoso.segment.closed";
    public static final String RESOLVED = "vn.hoso.case.resolved";

    /** data: caseId, unitCode, tier, requestedAt, requestCount (the second request makes the case late). */
    public static final String SUPPLEMENTATION_REQUESTED = "vn.hoso.case.supplementation-requested";
    /** data: caseId, unitCode, tier, dueDate (new), reason (SUPPLEMENTATION, APOLOGY), changedAt. */
    public static final String DUE_DATE_CHANGED = "vn.hoso.case.due-date-changed";

    /**
     * data: caseId, documentId, component, sha256, size, mediaType, stage, unitCode (no file name, no content): a
     * document was added to the case file (module documents).
     */
    public static final String DOCUMENT_ATTACHED = "vn.hoso.document.attached";

    private CaseEventTypes() {
    }
}
