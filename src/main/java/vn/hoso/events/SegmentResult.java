package vn.hoso.events;

/** How a segment (a stay of a case at one unit) ended. */
public enum SegmentResult {
    FORWARDED, ISSUED, DONE, RETURNED, REJECTED, WITHDRAWN
}
