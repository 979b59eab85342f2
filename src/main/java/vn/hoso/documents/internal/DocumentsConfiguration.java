package vn.hoso.documents.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import vn.hoso.documents.S3Connection;

/** The object store client: one {@link S3Client} (thread-safe, pooled connections) for the app's life. */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean(destroyMethod = "close")
    S3Client documentsS3Client(ObjectProvider<S3Connection> connections, DocumentsProperties properties) {
        S3Connection c = connections.getIfAvailable(() -> fromProperties(properties.s3()));
        return S3Client.builder()
                .endpointOverride(c.endpoint())
                .region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKey(), c.secretKey())))
                // MinIO and most S3 API servers address buckets by path, not by host name
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                // the object's SHA-256 is ours to check (ContentInspector, verify); no extra CRC trailers, which
                // not every S3 API server understands
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMinutes(5)))
                .build();
    }

    @Bean
    DocumentStore documentStore(S3Client s3, ObjectProvider<S3Connection> connections,
                                DocumentsProperties properties) {
        S3Connection c = connections.getIfAvailable(() -> fromProperties(properties.s3()));
        S3DocumentStore store = new S3DocumentStore(s3, c.bucket());
        store.createBucketIfMissing();
        return store;
    }

    private static S3Connection fromProperties(DocumentsProperties.S3 s3) {
        if (s3.endpoint() == null || s3.accessKey() == null || s3.secretKey() == null) {
            throw new IllegalStateException("The documents' object store is not configured: set HOSO_S3_ENDPOINT, "
                    + "HOSO_S3_ACCESS_KEY and HOSO_S3_SECRET_KEY (hoso.documents.s3.*)");
        }
        return new S3Connection() {
            @Override
            public URI endpoint() {
                return s3.endpoint();
            }

            @Override
            public String region() {
                return s3.region();
            }

            @Override
            public String bucket() {
                return s3.bucket();
            }

            @Override
            public String accessKey() {
                return s3.accessKey();
            }

            @Override
            public String secretKey() {
                return s3.secretKey();
            }
        };
    }
}
