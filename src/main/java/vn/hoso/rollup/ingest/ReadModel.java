package vn.hoso.rollup.ingest;

/**
 * The names of one copy of the read model: the live tables ({@code rollup_*}) or the rebuild's ({@code rollup_rb_*}).
 * Table names are constants, never user input.
 */
enum ReadModel {
    LIVE("rollup_"), REBUILD("rollup_rb_");

    private final String prefix;

    ReadModel(String prefix) {
        this.prefix = prefix;
    }

    /** The ids of applied events without a {@code hososeq} (every event of the log has one). */
    String processed() {
        return prefix + "processed_event";
    }

    /** Per case, the highest {@code hososeq} applied: how a record delivered again is recognised. */
    String casePosition() {
        return prefix + "case_position";
    }

    String segment() {
        return prefix + "segment";
    }

    String cases() {
        return prefix + "case";
    }

    String daily() {
        return prefix + "daily";
    }

    /** The same counters per calendar month, written in the statement that writes {@link #daily()}. */
    String monthly() {
        return prefix + "monthly";
    }

    String ignored() {
        return prefix + "ignored_type";
    }

    /** The documents of cases (vn.hoso.document.attached), for the digitization figures. */
    String documents() {
        return prefix + "document";
    }
}
