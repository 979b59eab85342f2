package vn.hoso.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real PostgreSQL 17 (zonky binaries) and a real single-node Kafka broker in KRaft mode, in this JVM.
 * Port 0 means a random free port.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final TcpLink kafkaLink;
    private final List<Runnable> kafkaShutdownHooks = new ArrayList<>();

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
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        // The KRaft test kit ignores kafkaPorts(); the listeners below carry the port. Besides the usual EXTERNAL
        // listener, a LINKED listener is advertised at a TcpLink in front of it: clients that bootstrap there reach
        // the broker only through the link, which a test can cut (see kafkaLink()).
        kafkaLink = new TcpLink("localhost", this::linkedListenerPort);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LINKED:PLAINTEXT",
                "listeners", "EXTERNAL://localhost:" + kafkaPort + ",CONTROLLER://localhost:0,LINKED://localhost:0",
                "advertised.listeners", "EXTERNAL://localhost:" + kafkaPort + ",LINKED://localhost:" + kafkaLink.port()));
        // Kafka's test kit registers JVM hooks that delete the broker's directories while it still runs; keep them
        // and run them after the broker has stopped.
        Exit.setShutdownHookAdder((name, hook) -> kafkaShutdownHooks.add(hook));
        try {
            kafka.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
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
        return kafka.getBrokersAsString();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public java.util.Optional<KafkaLink> kafkaLink() {
        return java.util.Optional.of(new KafkaLink("localhost:" + kafkaLink.port(), kafkaLink));
    }

    private int linkedListenerPort() {
        return kafka.getCluster().brokers().values().iterator().next().socketServer()
                .boundPort(org.apache.kafka.common.network.ListenerName.normalised("LINKED"));
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            kafkaLink.close();
            kafka.destroy();
        } finally {
            kafkaShutdownHooks.forEach(Runnable::run);
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
