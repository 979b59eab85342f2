package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case event as a consumer of {@value EventTopics#CASE_EVENTS} reads it: the CloudEvents envelope and the typed
 * payload. {@link #parse} refuses ({@link MalformedCaseEvent}, a poison record) what is not a JSON object with an
 * {@code id} (a UUID), a {@code type} and a {@code subject}; everything else is read leniently.
 *
 * @param time CloudEvents {@code time} (null when missing or malformed)
 * @param seq  {@code hososeq} (0 when missing)
 */
public record PublishedCaseEvent(UUID id, String caseId, long seq, OffsetDateTime time, String source,
                                 CaseEventData data) {

    /** A record that is no case event at all: consumers dead-letter it. */
    public static final class MalformedCaseEvent extends RuntimeException {
        public MalformedCaseEvent(String message) {
            super(message);
        }
    }

    public String type() {
        return data.type();
    }

    public static PublishedCaseEvent parse(ObjectMapper mapper, byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedCaseEvent("empty record");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (Exception e) {
            throw new MalformedCaseEvent("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedCaseEvent("not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(text(root, "id"));
        } catch (RuntimeException e) {
            throw new MalformedCaseEvent("id missing or not a UUID");
        }
        String type = text(root, "type");
        String subject = text(root, "subject");
        if (type == null || type.isBlank() || subject == null || subject.isBlank()) {
            throw new MalformedCaseEvent("type or subject missing");
        }
        return new PublishedCaseEvent(id, subject, root.path("hososeq").asLong(0),
                new DataReader(root).time("time"), text(root, "source"),
                CaseEventData.parse(type, root.path("data")));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
