package vn.hoso.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An event row as stored, with the exact hashed {@code time} text (verification works on this, not on a re-format). */
record StoredEvent(String caseId, long seq, UUID id, String type, String source, String timeText, Instant eventTime,
                   JsonNode data, String prevHash, String hash) {

    RecordedEvent toRecorded() {
        return new RecordedEvent(id, caseId, seq, type, source, OffsetDateTime.parse(timeText), prevHash, hash, data);
    }

    /**
     * The record value on Kafka, from the stored columns as they are (what {@code toRecorded().toCloudEventJson()}
     * gives, without its defensive copies of {@code data} and the parse and format of {@code time}: the relay's hot
     * path). {@code data} must not be shared: it becomes part of the envelope while it is written.
     */
    String cloudEventJson() {
        var event = RecordedEvent.withoutHash(id, caseId, seq, type, source, timeText, prevHash, data);
        event.put("hosohash", hash);
        return CanonicalJson.write(event);
    }

    /** The canonical JSON covered by {@code hosohash}, from the stored columns as they are. */
    String hashedJson() {
        return CanonicalJson.write(RecordedEvent.withoutHash(id, caseId, seq, type, source, timeText, prevHash, data));
    }
}
