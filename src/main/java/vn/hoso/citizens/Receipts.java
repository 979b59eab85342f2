package vn.hoso.citizens;

import vn.hoso.identity.CurrentUser;

/**
 * The receipt Mẫu 01 for other front doors than {@code GET /api/cases/{caseId}/receipt} (the reception counter in
 * the Tasklist session): the same rules — officers of the receiving unit only, the PIN printed when it is the case's
 * current one — and the same PDF.
 */
public interface Receipts {

    /** A rendered receipt. */
    record Pdf(String fileName, byte[] bytes) {
    }

    /**
     * The receipt of {@code caseId} for {@code user}; throws the platform's domain problems as the API answers them
     * ({@code 400} a malformed id or wrong PIN, {@code 403} not an officer of the receiving unit, {@code 404}, {@code 409}
     * a work file).
     */
    Pdf receipt(String caseId, String pin, CurrentUser user);
}
