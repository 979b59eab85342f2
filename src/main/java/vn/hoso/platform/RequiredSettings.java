package vn.hoso.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, naming every missing variable at once, when a credential or address the app needs has not been
 * given. The default configuration has no passwords of its own; only the dev profile sets demo ones.
 */
class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    static final List<String> REQUIRED = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.kafka.bootstrap-servers", "hoso.admin.user", "hoso.admin.password",
            "hoso.documents.s3.endpoint", "hoso.documents.s3.access-key", "hoso.documents.s3.secret-key");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED) {
            try {
                String value = environment.getProperty(key);
                if (value == null || value.isBlank()) {
                    missing.add(key);
                }
            } catch (IllegalArgumentException unresolved) {
                missing.add(key + " (" + unresolved.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("""
                    Hồ sơ will not start without these settings: %s.
                    Set HOSO_DB_URL, HOSO_DB_USER, HOSO_DB_PASSWORD, HOSO_KAFKA_BOOTSTRAP_SERVERS, HOSO_ADMIN_USER, \
                    HOSO_ADMIN_PASSWORD, HOSO_S3_ENDPOINT, HOSO_S3_ACCESS_KEY and HOSO_S3_SECRET_KEY in the environment, or run the embedded developer setup (see README)."""
                    .formatted(String.join(", ", missing)));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
