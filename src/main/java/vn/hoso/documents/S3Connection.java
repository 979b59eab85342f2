package vn.hoso.documents;

import java.net.URI;

/**
 * Where the documents' S3 API object store is and how to sign in to it. By default from {@code hoso.documents.s3.*}
 * (MinIO, any S3); the embedded run and the tests provide a bean of this type for the S3 server they start.
 */
public interface S3Connection {

    URI endpoint();

    String region();

    String bucket();

    String accessKey();

    String secretKey();
}
