package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event of a case's log, as stored and published.
 *
 * @param id       CloudEvents {@code id}, unique forever (consumers deduplicate on it)
 * @param caseId   CloudEvents {@code subject} and the Kafka key
 * @param seq      {@code hososeq}: 1, 2, 3 … per case, without gaps
 * @param type     CloudEvents {@code type}
 * @param source   CloudEvents {@code source}: {@code /units/{unitCode}}
 * @param time     CloudEvents {@code time}: business time at the business zone's offset, millisecond precision
 * @param prevHash {@code hosoprevhash}: the previous event's {@code hosohash}, 64 zeros for the first event
 * @param hash     {@code hosohash}: {@code sha256_hex(prevHash + canonicalJson(event without hosohash))}
 * @param data     CloudEvents {@code data}
 */
public record RecordedEvent(UUID id, String caseId, long seq, String type, String source, OffsetDateTime time,
                            String prevHash, String hash, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** Content type of the Kafka record value (CloudEvents structured mode). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public RecordedEvent {
        data = data == null ? JsonNodeFactory.instance.objectNode() : data.deepCopy();
    }

    @Override
    public JsonNode data() {
        return data.deepCopy();
    }

    /** The unit code of {@link #source()}. */
    public String unitCode() {
        return source.startsWith("/units/") ? source.substring("/units/".length()) : source;
    }

    /** The CloudEvent as published on Kafka, with {@code hosohash}. */
    public ObjectNode toCloudEvent() {
        ObjectNode event = withoutHash(id, caseId, seq, type, source, EventData.TIME.format(time), prevHash,
                data.deepCopy());
        event.put("hosohash", hash);
        return event;
    }

    /** The record value on Kafka (and the items of {@code GET /api/cases/{caseId}/events}): canonical JSON. */
    public String toCloudEventJson() {
        return CanonicalJson.write(toCloudEvent());
    }

    /** The canonical JSON that {@code hosohash} covers (the CloudEvent without {@code hosohash}). */
    public String hashedJson() {
        return CanonicalJson.write(withoutHash(id, caseId, seq, type, source, EventData.TIME.format(time), prevHash, data));
    }

    static ObjectNode withoutHash(UUID id, String caseId, long seq, String type, String source, String time,
                                  String prevHash, JsonNode data) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", SPEC_VERSION);
        event.put("id", id.toString());
        event.put("type", type);
        event.put("source", source);
        event.put("subject", caseId);
        event.put("time", time);
        event.put("hososeq", seq);
        event.put("hosoprevhash", prevHash);
        event.set("data", data);
        return event;
    }
}
