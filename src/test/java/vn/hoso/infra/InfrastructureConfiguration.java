package vn.hoso.infra;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that chooses the infrastructure for tests and the embedded run: {@code hoso.infra.mode} =
 * {@code auto} (containers when a Docker engine answers, embedded otherwise), {@code embedded} or
 * {@code containers}. The app sees only connection details, so the same test bodies run on both.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureConfiguration.class);

    @Bean(destroyMethod = "close")
    Infrastructure infrastructure(@Value("${hoso.infra.mode:auto}") String mode,
                                  @Value("${hoso.infra.postgres-port:0}") int postgresPort,
                                  @Value("${hoso.infra.kafka-port:0}") int kafkaPort) {
        boolean containers = switch (mode) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        long start = System.nanoTime();
        Infrastructure infrastructure = containers ? new ContainerInfrastructure()
                : new EmbeddedInfrastructure(postgresPort, kafkaPort);
        log.info("{} PostgreSQL at {} and Kafka at {} up in {} ms", infrastructure.kind(), infrastructure.jdbcUrl(),
                infrastructure.kafkaBootstrapServers(), (System.nanoTime() - start) / 1_000_000);
        return infrastructure;
    }

    /** The documents' object store: a real S3 API server (s3proxy) in this JVM, in both modes (docs/documents.md). */
    @Bean(destroyMethod = "close")
    EmbeddedS3 embeddedS3(@Value("${hoso.infra.s3-port:0}") int s3Port) {
        EmbeddedS3 s3 = new EmbeddedS3(s3Port);
        log.info("S3 API server (s3proxy) at {}", s3.endpoint());
        return s3;
    }

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(Infrastructure infrastructure) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return infrastructure.username();
            }

            @Override
            public String getPassword() {
                return infrastructure.password();
            }

            @Override
            public String getJdbcUrl() {
                return infrastructure.jdbcUrl();
            }
        };
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(Infrastructure infrastructure) {
        return () -> List.of(infrastructure.kafkaBootstrapServers());
    }

    static boolean dockerAvailable() {
        // Without a socket or DOCKER_HOST there is nothing to probe (and Testcontainers would log errors about it).
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
