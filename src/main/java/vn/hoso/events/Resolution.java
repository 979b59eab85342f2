package vn.hoso.events;

/** How a case ended ({@code vn.hoso.case.resolved} {@code outcome}). */
public enum Resolution {
    APPROVED, REJECTED, WITHDRAWN, STOPPED
}
