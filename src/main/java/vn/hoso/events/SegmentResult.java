package vn.hoso.events;

/** How a segment (a stay of a case at one unit) ended. */
public enum SegmentResult {
    FORWARDED, ISSUED, DONE, RETURNED, REJECTED, WITHDRAWN,
    /** Dừng xử lý: processing stopped (an end of processing, Quyết định 766/QĐ-TTg). */
    STOPPED,
    /** Mẫu 02 at reception: returned incomplete before it was received (clock not started). */
    NOT_RECEIVED
}
