package vn.hoso.infra;

/** A running PostgreSQL and Kafka for the app: embedded (no Docker) or Testcontainers (Docker available). */
public interface Infrastructure extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    String kafkaBootstrapServers();

    String kind();

    /**
     * A second way to the Kafka broker that a test can cut and restore (see {@link TcpLink}): clients that bootstrap
     * at {@link KafkaLink#bootstrapServers()} reach the broker only through the link. Empty where the
     * infrastructure has none (containers).
     */
    default java.util.Optional<KafkaLink> kafkaLink() {
        return java.util.Optional.empty();
    }

    /** @param bootstrapServers where a client bootstraps to reach the broker through {@code link} only */
    record KafkaLink(String bootstrapServers, TcpLink link) {
    }

    @Override
    void close();
}
