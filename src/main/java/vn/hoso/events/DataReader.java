package vn.hoso.events;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

/** Lenient reads of an event's {@code data}: a missing, blank or malformed field is null. */
final class DataReader {

    private final JsonNode data;

    DataReader(JsonNode data) {
        this.data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText();
        return s.isBlank() ? null : s;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Tier tier(String field) {
        return enumValue(field, Tier.class);
    }

    CaseKind kind() {
        return enumValue("kind", CaseKind.class);
    }

    OffsetDateTime time(String field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        OffsetDateTime fast = canonicalTime(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The product's own time format ({@link EventData#TIME}, e.g. {@code 2025-03-14T09:00:00.000+07:00}) read
     * field by field: the same value as {@link OffsetDateTime#parse}, without the general parser (a third of the
     * rollup consumer's CPU went there). Null for anything else, which {@link OffsetDateTime#parse} then reads or
     * refuses.
     */
    static OffsetDateTime canonicalTime(String s) {
        if (s.length() != 29 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(26) != ':'
                || (s.charAt(23) != '+' && s.charAt(23) != '-')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int millis = digits(s, 20, 23);
        int offsetHours = digits(s, 24, 26);
        int offsetMinutes = digits(s, 27, 29);
        if ((year | month | day | hour | minute | second | millis | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        int sign = s.charAt(23) == '-' ? -1 : 1;
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000,
                    ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    LocalDate date(String field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Integer integer(String field) {
        JsonNode node = data.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.asInt() : null;
    }

    Long longValue(String field) {
        JsonNode node = data.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.asLong() : null;
    }

    Boolean bool(String field) {
        JsonNode node = data.get(field);
        return node != null && node.isBoolean() ? node.asBoolean() : null;
    }
}
