package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of documents live, content-addressed: an object's key is the SHA-256 of its bytes, so the same
 * bytes are stored once and an object is never replaced by other bytes. Streams both ways: no method holds a whole
 * object in memory.
 */
public interface DocumentStore {

    /** Re-opens the same bytes on each call (an upload may be retried). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Stores {@code size} bytes of {@code source} under {@code sha256} (the caller computed it from these bytes),
     * unless an object is stored there already; returns whether it wrote.
     */
    boolean put(String sha256, long size, String mediaType, Source source);

    /** Whether an object is stored under {@code sha256}. */
    boolean exists(String sha256);

    /** The stored bytes, streamed; empty when nothing is stored under {@code sha256}. */
    Optional<InputStream> open(String sha256);

    /** The SHA-256 of the bytes stored under {@code sha256} now; empty when nothing is stored there. */
    Optional<String> rehash(String sha256);
}
