package vn.hoso.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each fault test sets up: PostgreSQL and Kafka in this JVM ({@link FaultInfrastructure}), app nodes from the
 * packaged jar ({@link AppProcess}), an HTTP client to the nodes that are up, JDBC for the test's own reads, and the
 * accounts. Closing it kills every node it started (by pid) and stops the infrastructure.
 */
final class FaultRig implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultRig.class);
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    final String name;
    final FaultInfrastructure infra;
    final Db db;
    final Client client = new Client();
    final long seed = Long.getLong("reliability.seed", System.nanoTime());
    private final List<AppProcess> nodes = new ArrayList<>();

    static {
        // the broker and PostgreSQL in this JVM talk a lot at INFO; the apps' own logs are in target/reliability
        for (String noisy : List.of("org.apache.kafka", "kafka", "io.zonky", "org.apache.zookeeper")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    FaultRig(String name) {
        this(name, null);
    }

    /** @param binaries PostgreSQL binaries other than the build's (null: the build's) */
    FaultRig(String name, io.zonky.test.db.postgres.embedded.PgBinaryResolver binaries) {
        this.name = name;
        long t0 = System.nanoTime();
        this.infra = new FaultInfrastructure(name, binaries);
        this.db = new Db(infra);
        log.info("{}: PostgreSQL and Kafka up in {} ms; seed {} (-Dreliability.seed={} repeats the choices)", name,
                (System.nanoTime() - t0) / 1_000_000, seed, seed);
    }

    AppProcess node(String nodeName, Map<String, String> extraArgs) {
        AppProcess node = new AppProcess(name + "-" + nodeName, infra, Users.ADMIN_PASSWORD, extraArgs);
        nodes.add(node);
        return node;
    }

    /** Requests go to the nodes that are up and ready. */
    void route() {
        client.nodes(nodes.stream().filter(AppProcess::isReady).map(AppProcess::baseUrl).toList());
    }

    void routeNone() {
        client.nodes(List.of());
    }

    /** Waits until the load has made {@code requests} more successful requests (at most a minute). */
    static void awaitProgress(LoadDriver load, int requests) {
        long target = load.progress() + requests;
        Awaitility.await(requests + " more successful requests").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> load.progress() >= target || load.isDone());
    }

    /** Sum of a Prometheus metric's samples on one node (as the administrator), lines filtered by a label text. */
    double metric(AppProcess node, String name, String labelContains) {
        Client.Result r = client.getFrom(node.baseUrl(), "/actuator/prometheus", Users.ADMIN);
        if (r.status() != 200) {
            throw new IllegalStateException("prometheus of " + node.baseUrl() + ": " + r.status());
        }
        return r.body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> labelContains == null || l.contains(labelContains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    LossCheck lossCheck() {
        return new LossCheck(db, client, infra.kafkaBootstrap());
    }

    @Override
    public void close() {
        try {
            AppProcess.destroyAll();
        } finally {
            infra.close();
        }
    }
}
