package vn.hoso.cases;

/** Where a case stands (the national portal's status catalogue number in brackets). */
public enum CaseStatus {
    RECEIVED,                  // (2) received, waiting for the one-stop shop's check
    PROCESSING,                // (4)
    SUPPLEMENTATION_REQUESTED, // (5) clock paused
    FINISHED,                  // (9) result issued, waiting to be returned where it was received
    RETURNED,                  // (10) result returned
    REJECTED,                  // (3) refused
    WITHDRAWN,                 // (7)
    AWAITING_PAYMENT,          // (6) clock paused until the applicant's financial obligation is met
    STOPPED,                   // (8) dừng xử lý: processing stopped, the case ends
    NOT_RECEIVED               // Mẫu 02 at reception: returned incomplete, never received (clock never started)
}
