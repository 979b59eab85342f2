package vn.hoso.documents.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The stored bytes of a document as they are read out, checked against the SHA-256 and size the case recorded: at
 * the end a mismatch fails the read, so a download of changed bytes never completes (the client sees an error or a
 * cut-off body, not a whole file with the recorded ETag).
 */
final class VerifyingInputStream extends FilterInputStream {

    /** The stored bytes no longer are the ones recorded. */
    static final class ChangedContent extends IOException {
        ChangedContent(String message) {
            super(message);
        }
    }

    private final MessageDigest digest = ContentInspector.sha256();
    private final String sha256;
    private final long size;
    private final String documentId;
    private long read;
    private boolean checked;

    VerifyingInputStream(InputStream in, String sha256, long size, String documentId) {
        super(in);
        this.sha256 = sha256;
        this.size = size;
        this.documentId = documentId;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
            read += n;
            if (read > size) {
                throw new ChangedContent("document " + documentId + ": the store holds more bytes than recorded");
            }
        }
        return n;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (read != size || !actual.equals(sha256)) {
            throw new ChangedContent("document " + documentId + ": the stored bytes no longer match the recorded "
                    + "sha256 " + sha256);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("not skippable: every byte is hashed");
    }
}
