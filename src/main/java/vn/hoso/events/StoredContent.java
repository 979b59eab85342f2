package vn.hoso.events;

import java.util.Optional;

/**
 * The bytes that events name by their SHA-256 ({@link DocumentAttached}), as another module stores them: verifying
 * a case's chain ({@link CaseEventLog#verify}, the auditors' period check) re-hashes them, so that a document whose
 * stored bytes were changed is named, not only an event whose JSON was. Implemented by the documents module; without
 * an implementation nothing is re-hashed.
 */
public interface StoredContent {

    /**
     * Reads the object stored under {@code sha256} and returns the SHA-256 of its bytes as they are now (lower-case
     * hex), or empty when no object is stored there.
     */
    Optional<String> rehash(String sha256);
}
