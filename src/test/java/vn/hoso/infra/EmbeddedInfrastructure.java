package vn.hoso.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky binaries) and a real single-node Kafka broker in KRaft mode, in this JVM.
 * Port 0 means a random free port.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedPostgres postgres;
    private final LinkedKafka kafka;

    public EmbeddedInfrastructure(int postgresPort, int kafkaPort) {
        try {
            // zonky's own JVM shutdown hook would stop PostgreSQL while Spring is still closing the engine;
            // the Spring context closes this bean after everything that uses the database.
            postgres = EmbeddedPostgres.builder()
                    .setPort(postgresPort)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        kafka = new LinkedKafka(kafkaPort, Map.of());
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public java.util.Optional<KafkaLink> kafkaLink() {
        return java.util.Optional.of(new KafkaLink(kafka.linkedBootstrapServers(), kafka.link()));
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
