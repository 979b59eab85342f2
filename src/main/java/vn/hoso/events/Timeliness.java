package vn.hoso.events;

/** A case against its appointment date, by date: early, on time, late. */
public enum Timeliness {
    EARLY, ON_TIME, LATE
}
