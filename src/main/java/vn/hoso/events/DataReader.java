package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
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
