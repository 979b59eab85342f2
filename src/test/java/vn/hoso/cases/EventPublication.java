package vn.hoso.cases;

/** For benchmarks: switches the case flow's event publication off and on in a running app (see {@link CaseFlow}). */
public final class EventPublication {

    private EventPublication() {
    }

    public static void set(CaseFlow flow, boolean enabled) {
        flow.setPublicationEnabled(enabled);
    }
}
