package vn.hoso.events;

import java.util.List;

/**
 * The result of recomputing a case's hash chain from the stored events.
 *
 * @param caseId           the case
 * @param events           how many events are stored for it
 * @param valid            whether every event is in place (1, 2, 3 … up to the chain head), every hash recomputes and
 *                         every document the events name still has the bytes they name
 * @param firstBadSeq      the first hososeq that is missing, out of place or does not match its hash (or whose
 *                         document's bytes changed); null when valid
 * @param reason           what is wrong at {@code firstBadSeq}; null when valid
 * @param changedDocuments the documents ({@code vn.hoso.document.attached} events' documentId) whose stored bytes no
 *                         longer have the SHA-256 the chain recorded, or are gone; empty when none
 */
public record ChainVerification(String caseId, int events, boolean valid, Long firstBadSeq, String reason,
                                List<String> changedDocuments) {

    public ChainVerification {
        changedDocuments = changedDocuments == null ? List.of() : List.copyOf(changedDocuments);
    }

    public ChainVerification(String caseId, int events, boolean valid, Long firstBadSeq, String reason) {
        this(caseId, events, valid, firstBadSeq, reason, List.of());
    }

    static ChainVerification ok(String caseId, int events) {
        return new ChainVerification(caseId, events, true, null, null);
    }

    static ChainVerification bad(String caseId, int events, long seq, String reason) {
        return new ChainVerification(caseId, events, false, seq, reason);
    }
}
