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

    private volatile EmbeddedKafkaKraftBroker broker;
    private final TcpLink link;
    private final List<Runnable> shutdownHooks = new ArrayList<>();
    private final Map<String, String> properties;

    /** @param extraProperties broker settings on top of the single-node ones */
    public LinkedKafka(int port, Map<String, String> extraProperties) {
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
        this.properties = properties;
        broker = newBroker();
    }

    private EmbeddedKafkaKraftBroker newBroker() {
        EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
        b.brokerProperties(properties);
        // Kafka's test kit registers JVM hooks that delete the broker's directories while it still runs; keep them
        // and run them after the broker has stopped.
        Exit.setShutdownHookAdder((name, hook) -> shutdownHooks.add(hook));
        try {
            b.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return b;
    }

    /**
     * The broker lost its log: it is stopped and a new, empty one (a new cluster, no topics, no consumer offsets)
     * takes its place behind the same link. Clients of the EXTERNAL listener bootstrap again.
     */
    public void replaceWithEmptyBroker() {
        EmbeddedKafkaKraftBroker old = broker;
        old.destroy();
        broker = newBroker();
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

    /**
     * Stops the broker (controlled shutdown; its log directory stays), keeps it down until {@code longEnough} holds,
     * and starts it again on the same log directory, as an operator's restart does. The LINKED listener may come back
     * on another port (the link follows it); clients of the EXTERNAL listener bootstrap again.
     */
    public void restartBroker(java.util.function.BooleanSupplier longEnough, java.time.Duration atMost) {
        var brokers = broker.getCluster().brokers().values();
        for (var b : brokers) {
            b.shutdown();
            b.awaitShutdown();
        }
        org.awaitility.Awaitility.await("broker down long enough").atMost(atMost)
                .pollInterval(java.time.Duration.ofMillis(200)).until(longEnough::getAsBoolean);
        for (var b : brokers) {
            b.startup();
        }
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
