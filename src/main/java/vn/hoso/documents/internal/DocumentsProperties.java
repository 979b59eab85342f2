package vn.hoso.documents.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The documents' settings ({@code hoso.documents.*}, README "Configuration").
 *
 * @param maxFileSize largest document (413 over it)
 * @param maxCaseSize largest sum of a case's documents (413 for the upload that would go over it)
 * @param s3          the object store, unless a {@link vn.hoso.documents.S3Connection} bean says otherwise
 */
@ConfigurationProperties("hoso.documents")
public record DocumentsProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                  @DefaultValue("100MB") DataSize maxCaseSize,
                                  @DefaultValue S3 s3) {

    /**
     * @param endpoint  the S3 API's URL, e.g. {@code http://minio:9000} ({@code HOSO_S3_ENDPOINT})
     * @param region    the signing region ({@code us-east-1} suits MinIO)
     * @param bucket    the bucket of the documents (created at start when missing)
     * @param accessKey {@code HOSO_S3_ACCESS_KEY}
     * @param secretKey {@code HOSO_S3_SECRET_KEY}
     */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region,
                     @DefaultValue("hoso-documents") String bucket, String accessKey, String secretKey) {
    }
}
