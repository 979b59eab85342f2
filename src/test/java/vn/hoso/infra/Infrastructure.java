package vn.hoso.infra;

/** A running PostgreSQL and Kafka for the app: embedded (no Docker) or Testcontainers (Docker available). */
public interface Infrastructure extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    String kafkaBootstrapServers();

    String kind();

    @Override
    void close();
}
