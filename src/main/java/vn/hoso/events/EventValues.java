package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an event's {@code data} object the way the log has always stored it. */
final class EventValues {

    private final Map<String, Object> data = new LinkedHashMap<>();

    EventValues(String caseId) {
        data.put("caseId", caseId);
    }

    EventValues put(String key, Object value) {
        data.put(key, value instanceof Enum<?> e ? e.name()
                // times and dates as their ISO text, exactly as written since the first event (not re-formatted)
                : value instanceof OffsetDateTime t ? t.toString()
                : value instanceof LocalDate d ? d.toString()
                : value);
        return this;
    }

    /** Only when present (e.g. {@code outcome} of a step that decides nothing). */
    EventValues putIfPresent(String key, Object value) {
        return value == null ? this : put(key, value);
    }

    Map<String, Object> map() {
        return data;
    }
}
