package vn.hoso.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoso.infra.LinkedKafka;
import vn.hoso.infra.TcpLink;

/**
 * PostgreSQL and Kafka in the test JVM for app processes started from the packaged jar, with the faults the
 * reliability tests inject: PostgreSQL can be stopped and started again on the same port and data directory, and the
 * apps reach Kafka only through a {@link TcpLink} that can be cut. The test itself reads Kafka directly (EXTERNAL
 * listener) and PostgreSQL over JDBC.
 */
final class FaultInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultInfrastructure.class);

    private final Path dataDirectory;
    private final int postgresPort;
    private volatile EmbeddedPostgres postgres;
    private final LinkedKafka kafka;
    /** The documents' object store of the app processes (an S3 API server in this JVM). */
    final vn.hoso.infra.EmbeddedS3 s3 = new vn.hoso.infra.EmbeddedS3(0);
    private final Thread shutdownHook;

    private final io.zonky.test.db.postgres.embedded.PgBinaryResolver binaries;

    FaultInfrastructure(String name) {
        this(name, null);
    }

    /** @param binaries PostgreSQL binaries other than the build's (null: the build's) */
    FaultInfrastructure(String name, io.zonky.test.db.postgres.embedded.PgBinaryResolver binaries) {
        this.binaries = binaries;
        try {
            dataDirectory = Files.createDirectories(Path.of("target", "reliability", "pg-" + name)).toAbsolutePath();
            deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgresPort = freePort();
        // If this JVM dies without closing us, PostgreSQL (a daemon of its own) is stopped by its pid.
        shutdownHook = new Thread(this::killPostgres, "fault-infra-cleanup-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        startPostgres();

        kafka = new LinkedKafka(0, Map.of("group.initial.rebalance.delay.ms", "0"));
    }

    private void startPostgres() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (binaries != null) {
                builder.setPgBinaryResolver(binaries);
            }
            postgres = builder
                    .setPort(postgresPort)
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Stops PostgreSQL (fast shutdown: open connections are cut), keeps it down until {@code longEnough} holds (what
     * the test needs the app to have gone through), and starts it again on the same port and data.
     */
    void restartPostgres(Runnable whileDown, String longEnoughMeans, BooleanSupplier longEnough) {
        long t0 = System.nanoTime();
        stopPostgres();
        log.info("PostgreSQL stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        whileDown.run();
        Awaitility.await(longEnoughMeans).atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(200)).until(longEnough::getAsBoolean);
        log.info("PostgreSQL down for {} ms", (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        startPostgres();
        log.info("PostgreSQL started again on port {} in {} ms", postgresPort, (System.nanoTime() - t0) / 1_000_000);
    }

    private void stopPostgres() {
        EmbeddedPostgres pg = postgres;
        postgres = null;
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** For the apps: the JDBC URL (the port stays the same across restarts). */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    String dbUser() {
        return "postgres";
    }

    String dbPassword() {
        return "postgres";
    }

    /** For the apps: Kafka through the cuttable link only. */
    String appKafkaBootstrap() {
        return kafka.linkedBootstrapServers();
    }

    /** For the test: Kafka directly. */
    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The broker stopped and started again on its log directory (see LinkedKafka#restartBroker). */
    void restartBroker(BooleanSupplier longEnough) {
        kafka.restartBroker(longEnough, java.time.Duration.ofSeconds(90));
    }

    /** A new empty broker in place of the old one (see LinkedKafka#replaceWithEmptyBroker). */
    void replaceBrokerWithAnEmptyOne() {
        kafka.replaceWithEmptyBroker();
    }

    TcpLink kafkaLink() {
        return kafka.link();
    }

    /**
     * A port free now, for a server that binds it later (and again after each restart). Taken below the kernel's
     * ephemeral range: a port the kernel hands out ({@code new ServerSocket(0)}) is also one it may give to any
     * outgoing connection (a Kafka client, a JDBC pool) before the app binds it, which failed a fault test with
     * "Port already in use". Below the range only an explicit bind can take it.
     */
    static int freePort() {
        return PortsOutsideEphemeralRange.fromKernel().free();
    }

    /** Last resort (JVM shutdown without close): stop PostgreSQL by the pid in its postmaster.pid. */
    private void killPostgres() {
        try {
            stopPostgres();
        } catch (RuntimeException ignored) {
            // fall through to the pid
        }
        File pidFile = dataDirectory.resolve("postmaster.pid").toFile();
        if (pidFile.exists()) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile.toPath()).get(0).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } catch (IOException | RuntimeException ignored) {
                // nothing more we can do
            }
        }
    }

    @Override
    public void close() {
        try {
            kafka.close();
            s3.close();
        } finally {
            killPostgres();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
