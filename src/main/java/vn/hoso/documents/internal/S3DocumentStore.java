package vn.hoso.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The documents in an S3 API object store (MinIO or any S3; s3proxy in the tests and the embedded run), one object
 * per SHA-256 under {@code sha256/}. Uploads stream from a re-openable source with their length known (the SDK signs
 * and sends without buffering), downloads stream the response.
 */
public class S3DocumentStore implements DocumentStore {

    static final String PREFIX = "sha256/";

    private final S3Client s3;
    private final String bucket;

    public S3DocumentStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    static String key(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return PREFIX + sha256;
    }

    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket();
        }
    }

    /** Another node starting at the same moment may have created it in between: that is as good. */
    private void createBucket() {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException
                 | software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException e) {
            // created by another node
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    @Override
    public boolean put(String sha256, long size, String mediaType, Source source) {
        String key = key(sha256);
        if (exists(sha256)) {
            return false;
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size).contentType(mediaType),
                RequestBody.fromContentProvider(() -> {
                    try {
                        return source.open();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, size, mediaType));
        return true;
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key(sha256)),
                    ResponseTransformer.toInputStream());
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> rehash(String sha256) {
        Optional<InputStream> stream = open(sha256);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(sha256Of(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the object " + sha256, e);
        }
    }

    /** The SHA-256 of a stream's bytes, read in 64 KB pieces. */
    static String sha256Of(InputStream in) throws IOException {
        MessageDigest digest = ContentInspector.sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
