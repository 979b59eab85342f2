package vn.hoso.events;

/**
 * The result of recomputing a case's hash chain from the stored events.
 *
 * @param caseId      the case
 * @param events      how many events are stored for it
 * @param valid       whether every event is in place (1, 2, 3 … up to the chain head) and every hash recomputes
 * @param firstBadSeq the first hososeq that is missing, out of place or does not match its hash; null when valid
 * @param reason      what is wrong at {@code firstBadSeq}; null when valid
 */
public record ChainVerification(String caseId, int events, boolean valid, Long firstBadSeq, String reason) {

    static ChainVerification ok(String caseId, int events) {
        return new ChainVerification(caseId, events, true, null, null);
    }

    static ChainVerification bad(String caseId, int events, long seq, String reason) {
        return new ChainVerification(caseId, events, false, seq, reason);
    }
}
