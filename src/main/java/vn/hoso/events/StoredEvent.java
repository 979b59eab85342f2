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

    /** The canonical JSON covered by {@code hosohash}, from the stored columns as they are. */
    String hashedJson() {
        return CanonicalJson.write(RecordedEvent.withoutHash(id, caseId, seq, type, source, timeText, prevHash, data));
    }
}
