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
     * data: caseId, unitCode, tier, refusedAt, kind, procedureCode: refused at reception (Mẫu 03), never a received
     * dossier; ends the case instead of {@link #RESOLVED}.
     */
    public static final String REFUSED = "vn.hoso.case.refused";
    /**
     * data: caseId, unitCode, tier, dueDate, kind, warnedAt: one working day before the appointment date and still
     * open (procedure dossier: finish it or send Mẫu 04; work file: internal overdue warning).
     */
    public static final String OVERDUE_WARNING = "vn.hoso.case.overdue-warning";
    /**
     * data: caseId, unitCode, tier, returnedAt, kind, procedureCode: incomplete at reception, returned with Mẫu 02
     * before it was received (clock never started, never counted); ends the case.
     */
    public static final String RETURNED_INCOMPLETE = "vn.hoso.case.returned-incomplete";
    /** data: caseId, unitCode, tier, requestedAt: waiting for the applicant's financial obligation (clock paused). */
    public static final String PAYMENT_REQUESTED = "vn.hoso.case.payment-requested";
    /**
     * data: caseId, unitCode, tier, segmentNo, openedAt, closedAt, dueDate (the unit's share), verdict (EARLY,
     * ON_TIME, LATE): a row of the Mẫu 05 control sheet.
     */
    public static final String SEGMENT_JUDGED = "vn.hoso.segment.judged";

    /**
     * data: caseId, documentId, component, sha256, size, mediaType, stage, unitCode (no file name, no content): a
     * document was added to the case file (module documents).
     */
    public static final String DOCUMENT_ATTACHED = "vn.hoso.document.attached";

    private CaseEventTypes() {
    }
}
