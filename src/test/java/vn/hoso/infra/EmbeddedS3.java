package vn.hoso.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import vn.hoso.documents.S3Connection;

/**
 * A real S3 API server in this JVM for the tests and the embedded run: s3proxy (Jetty) over jclouds' filesystem
 * store in a temporary directory, with AWS Signature V4 authentication as S3 and MinIO have it. The app reaches it
 * through the same client code as a production object store ({@link S3Connection}). Port 0 means a random free port.
 */
public final class EmbeddedS3 implements S3Connection, AutoCloseable {

    public static final String ACCESS_KEY = "hoso-dev";
    public static final String SECRET_KEY = "hoso-dev-secret";
    public static final String BUCKET = "hoso-documents";

    private final Path directory;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public EmbeddedS3(int port) {
        try {
            directory = Files.createTempDirectory("hoso-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        context = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY).overrides(properties)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            org.awaitility.Awaitility.await("s3proxy started").atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(5)).until(() -> "STARTED".equals(proxy.getState()));
        } catch (Exception e) {
            close();
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    /** Where the objects of a bucket lie on disk (tests change one behind the app's back). */
    public Path bucketDirectory(String bucket) {
        return directory.resolve(bucket);
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String bucket() {
        return BUCKET;
    }

    @Override
    public String accessKey() {
        return ACCESS_KEY;
    }

    @Override
    public String secretKey() {
        return SECRET_KEY;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a server that did not start
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
