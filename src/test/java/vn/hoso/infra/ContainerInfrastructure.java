package vn.hoso.infra;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL 17 and Apache Kafka (KRaft) in containers, for machines with a Docker engine. */
public final class ContainerInfrastructure implements Infrastructure {

    private final PostgreSQLContainer<?> postgres =
            new PostgreSQLContainer<>(DockerImageName.parse("postgres:17-alpine"));
    private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));

    public ContainerInfrastructure() {
        postgres.start();
        kafka.start();
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
