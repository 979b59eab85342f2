package vn.hoso.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka broker in KRaft mode, in this JVM, with two listeners: EXTERNAL on the given port (0: random),
 * and LINKED, advertised at a {@link TcpLink} in front of it. Clients that bootstrap at the link reach the broker only
 * through it, and a test can cut it.
 */
public final class LinkedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final TcpLink link;
    private final List<Runnable> shutdownHooks = new ArrayList<>();

    /** @param extraProperties broker settings on top of the single-node ones */
    public LinkedKafka(int port, Map<String, String> extraProperties) {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The KRaft test kit ignores kafkaPorts(); the listeners below carry the port.
        link = new TcpLink("localhost", this::linkedListenerPort);
        Map<String, String> properties = new HashMap<>(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,LINKED:PLAINTEXT",
                "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0,LINKED://localhost:0",
                "advertised.listeners", "EXTERNAL://localhost:" + port + ",LINKED://localhost:" + link.port()));
        properties.putAll(extraProperties);
        broker.brokerProperties(properties);
        // Kafka's test kit registers JVM hooks that delete the broker's directories while it still runs; keep them
        // and run them after the broker has stopped.
        Exit.setShutdownHookAdder((name, hook) -> shutdownHooks.add(hook));
        try {
            broker.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    /** The broker directly (EXTERNAL listener). */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** The broker through the link only. */
    public String linkedBootstrapServers() {
        return "localhost:" + link.port();
    }

    public TcpLink link() {
        return link;
    }

    private int linkedListenerPort() {
        return broker.getCluster().brokers().values().iterator().next().socketServer()
                .boundPort(ListenerName.normalised("LINKED"));
    }

    @Override
    public void close() {
        try {
            link.close();
            broker.destroy();
        } finally {
            shutdownHooks.forEach(Runnable::run);
        }
    }
}
