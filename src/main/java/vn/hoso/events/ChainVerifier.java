package vn.hoso.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Recomputes a case's chain from its stored events and its chain head. */
final class ChainVerifier {

    /** The chain head of a case: what the log recorded as its last event. */
    record Head(long lastSeq, String lastHash) {
    }

    private ChainVerifier() {
    }

    /**
     * @param events the case's stored events in seq order
     * @param head   the case's chain head, or null if the case has none
     */
    static ChainVerification verify(String caseId, List<StoredEvent> events, Head head) {
        int n = events.size();
        long expected = 1;
        String prev = CanonicalJson.ZERO_HASH;
        for (StoredEvent e : events) {
            if (e.seq() != expected) {
                return ChainVerification.bad(caseId, n, expected, "event " + expected
                        + " is missing (the next stored event is " + e.seq() + ")");
            }
            if (!prev.equals(e.prevHash())) {
                return ChainVerification.bad(caseId, n, e.seq(), expected == 1
                        ? "hosoprevhash of the first event is not 64 zeros"
                        : "hosoprevhash does not match the hosohash of event " + (expected - 1));
            }
            String recomputed;
            try {
                recomputed = CanonicalJson.chainHash(e.prevHash(), e.hashedJson());
            } catch (IllegalArgumentException notCanonical) {
                return ChainVerification.bad(caseId, n, e.seq(), "the stored event has no canonical JSON form: "
                        + notCanonical.getMessage());
            }
            if (!recomputed.equals(e.hash())) {
                return ChainVerification.bad(caseId, n, e.seq(),
                        "hosohash does not match the event's content (recomputed " + recomputed + ")");
            }
            if (!timeMatches(e)) {
                return ChainVerification.bad(caseId, n, e.seq(),
                        "the stored event_time does not match the hashed time " + e.timeText());
            }
            prev = e.hash();
            expected++;
        }
        if (head == null) {
            return n == 0 ? ChainVerification.bad(caseId, 0, 1, "the case has no events")
                    : ChainVerification.bad(caseId, n, 1, "the case has events but no chain head");
        }
        if (head.lastSeq() > n) {
            return ChainVerification.bad(caseId, n, n + 1, "event " + (n + 1) + " is missing (the chain head records "
                    + head.lastSeq() + " events)");
        }
        if (head.lastSeq() < n) {
            return ChainVerification.bad(caseId, n, head.lastSeq() + 1, "event " + (head.lastSeq() + 1)
                    + " is beyond the chain head (which records " + head.lastSeq() + " events)");
        }
        if (!head.lastHash().equals(prev)) {
            return ChainVerification.bad(caseId, n, n, "the chain head's hash does not match the hosohash of event " + n);
        }
        return ChainVerification.ok(caseId, n);
    }

    /**
     * Adds to {@code chain} (the verification of the events themselves) the check of the documents the events name:
     * each {@code vn.hoso.document.attached} event's object is re-hashed; one whose bytes changed, or that is gone,
     * is named in {@link ChainVerification#changedDocuments()} and makes the case invalid.
     */
    static ChainVerification withDocuments(ChainVerification chain, List<StoredEvent> events, StoredContent content) {
        if (content == null) {
            return chain;
        }
        List<String> changed = new java.util.ArrayList<>();
        Long firstSeq = null;
        String firstReason = null;
        for (StoredEvent e : events) {
            if (!CaseEventTypes.DOCUMENT_ATTACHED.equals(e.type())) {
                continue;
            }
            String sha256 = e.data().path("sha256").asText("");
            String documentId = e.data().path("documentId").asText("?");
            java.util.Optional<String> now = content.rehash(sha256);
            if (now.isPresent() && now.get().equals(sha256)) {
                continue;
            }
            changed.add(documentId);
            if (firstSeq == null) {
                firstSeq = e.seq();
                firstReason = now.isEmpty()
                        ? "the stored object of document " + documentId + " (sha256 " + sha256 + ") is gone"
                        : "the stored bytes of document " + documentId + " no longer match the sha256 " + sha256
                        + " recorded in event " + e.seq() + " (they hash to " + now.get() + ")";
            }
        }
        if (changed.isEmpty()) {
            return chain;
        }
        return chain.valid()
                ? new ChainVerification(chain.caseId(), chain.events(), false, firstSeq, firstReason, changed)
                : new ChainVerification(chain.caseId(), chain.events(), false, chain.firstBadSeq(), chain.reason(),
                changed);
    }

    private static boolean timeMatches(StoredEvent e) {
        try {
            return OffsetDateTime.parse(e.timeText()).toInstant().equals(e.eventTime());
        } catch (DateTimeParseException unparsable) {
            return false;
        }
    }
}
