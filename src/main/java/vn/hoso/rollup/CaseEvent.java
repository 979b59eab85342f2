package vn.hoso.rollup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.hoso.events.CaseEventTypes;

/**
 * One CloudEvent of the case event log, as far as the rollups need it. {@link #parse} refuses (as poison) what is
 * not a JSON object with {@code id} (a UUID), {@code type} and {@code subject}, and events of the types the rollups
 * count whose essential data is missing or malformed.
 */
record CaseEvent(UUID id, String type, String caseId, long seq, OffsetDateTime time, JsonNode data) {

    static final class PoisonRecordException extends RuntimeException {
        PoisonRecordException(String message) {
            super(message);
        }
    }

    static CaseEvent parse(ObjectMapper mapper, byte[] value) {
        if (value == null || value.length == 0) {
            throw new PoisonRecordException("empty record");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (Exception e) {
            throw new PoisonRecordException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PoisonRecordException("not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(text(root, "id"));
        } catch (RuntimeException e) {
            throw new PoisonRecordException("id missing or not a UUID");
        }
        String type = text(root, "type");
        String subject = text(root, "subject");
        if (type == null || type.isBlank() || subject == null || subject.isBlank()) {
            throw new PoisonRecordException("type or subject missing");
        }
        long seq = root.path("hososeq").asLong(0);
        OffsetDateTime time = instant(root, "time");
        JsonNode data = root.path("data");
        CaseEvent event = new CaseEvent(id, type, subject, seq, time, data);
        event.validate();
        return event;
    }

    private void validate() {
        if (CaseEventTypes.SEGMENT_CLOSED.equals(type)) {
            if (str("unitCode") == null || tier("tier") == null) {
                throw new PoisonRecordException("segment.closed without unitCode or a valid tier");
            }
            if (!data.path("processedOnline").isBoolean()) {
                throw new PoisonRecordException("segment.closed without a boolean processedOnline");
            }
            if (at("closedAt", time) == null) {
                throw new PoisonRecordException("segment.closed without closedAt");
            }
        } else if (isKnown() && !data.isObject()) {
            throw new PoisonRecordException(type + " without a data object");
        }
    }

    boolean isKnown() {
        return switch (type) {
            case CaseEventTypes.RECEIVED, CaseEventTypes.STEP_COMPLETED, CaseEventTypes.TRANSFERRED,
                 CaseEventTypes.SEGMENT_CLOSED, CaseEventTypes.RESOLVED, CaseEventTypes.SUPPLEMENTATION_REQUESTED,
                 CaseEventTypes.DUE_DATE_CHANGED -> true;
            default -> false;
        };
    }

    /** A text field of data, null when absent or blank. */
    String str(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String s = node.asText();
        return s.isBlank() ? null : s;
    }

    /** A tier name of data, null when absent or not one of the three tiers. */
    String tier(String field) {
        String t = str(field);
        return t != null && (t.equals("PROVINCE") || t.equals("DISTRICT") || t.equals("COMMUNE")) ? t : null;
    }

    String kind() {
        String k = str("kind");
        return k == null ? "UNKNOWN" : k;
    }

    /** An instant field of data, or the fallback when absent or malformed. */
    OffsetDateTime at(String field, OffsetDateTime fallback) {
        String s = str(field);
        if (s == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    LocalDate date(String field) {
        String s = str(field);
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
        return node != null && node.canConvertToInt() ? node.asInt() : null;
    }

    Boolean bool(String field) {
        JsonNode node = data.get(field);
        return node != null && node.isBoolean() ? node.asBoolean() : null;
    }

    static LocalDate businessDate(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static OffsetDateTime instant(JsonNode root, String field) {
        String s = text(root, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
