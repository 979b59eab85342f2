package vn.hoso.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged app ({@code target/hoso-*.jar}) as a separate process, in the default (production) profile: all
 * settings from HOSO_* environment variables pointing at the test's PostgreSQL and Kafka. Output goes to
 * {@code target/reliability/{name}-{n}.log}. Every process started here is remembered by pid and killed when the
 * test ends ({@link #destroyAll()}) or, failing that, when the JVM exits (shutdown hook).
 */
final class AppProcess {

    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);
    private static final Set<ProcessHandle> STARTED = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AppProcess::destroyAll, "app-process-cleanup"));
    }

    private final String name;
    private final Map<String, String> env;
    private final List<String> args;
    final int port;
    private int starts;
    private Process process;
    private Path logFile;
    private volatile boolean ready;

    AppProcess(String name, FaultInfrastructure infra, String adminPassword, Map<String, String> extraArgs) {
        this.name = name;
        this.port = FaultInfrastructure.freePort();
        this.env = new LinkedHashMap<>();
        env.put("HOSO_DB_URL", infra.jdbcUrl());
        env.put("HOSO_DB_USER", infra.dbUser());
        env.put("HOSO_DB_PASSWORD", infra.dbPassword());
        env.put("HOSO_KAFKA_BOOTSTRAP_SERVERS", infra.appKafkaBootstrap());
        env.put("HOSO_ADMIN_USER", Users.ADMIN);
        env.put("HOSO_ADMIN_PASSWORD", adminPassword);
        env.put("HOSO_S3_ENDPOINT", infra.s3.endpoint().toString());
        env.put("HOSO_S3_ACCESS_KEY", infra.s3.accessKey());
        env.put("HOSO_S3_SECRET_KEY", infra.s3.secretKey());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        // Deployment settings for quick fail-over (documented in docs/reliability.md): the rollup consumers of a
        // killed node are noticed by the group coordinator after 6 s instead of Kafka's default 45 s, and the jobs
        // a killed node had locked are free again after 10 s instead of Camunda's default 5 min.
        settings.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        settings.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1500");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
        settings.putAll(extraArgs);
        this.args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
    }

    private volatile Path jar;

    /** Runs this node from another build of the app (an earlier release) instead of this build's jar. */
    AppProcess runningJar(Path otherJar) {
        this.jar = otherJar;
        return this;
    }

    private volatile List<String> jvmOptions;
    private volatile String classpath;
    private volatile String mainClass;

    /** JVM options instead of the fault tests' quick-start ones (heap, JIT, collector). */
    AppProcess withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /**
     * Runs the app's main class from a class path (the build's classes and runtime dependencies: what the packaged
     * jar holds, without Boot's loader) instead of the packaged jar.
     */
    AppProcess runningClasses(String classpath, String mainClass) {
        this.classpath = classpath;
        this.mainClass = mainClass;
        return this;
    }

    static Path jar() {
        File[] jars = new File("target").listFiles((dir, n) -> n.matches("hoso-.*\\.jar") && !n.endsWith("-plain.jar")
                && !n.endsWith("-sources.jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("run after 'mvn package': one target/hoso-*.jar expected, found "
                    + (jars == null ? "none" : List.of(jars)));
        }
        return jars[0].toPath().toAbsolutePath();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        starts++;
        ready = false;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions != null ? jvmOptions
                : List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(List.of("-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
        if (classpath != null) {
            command.addAll(List.of("-cp", classpath, mainClass));
        } else {
            command.addAll(List.of("-jar", (jar != null ? jar : jar()).toString()));
        }
        command.addAll(args);
        logFile = Path.of("target", "reliability", name + "-" + starts + ".log");
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            pb.environment().putAll(env);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        STARTED.add(process.toHandle());
        log.info("{} started: pid {}, port {}, log {}", name, process.pid(), port, logFile);
    }

    /** Waits until /actuator/health answers UP; fails early if the process died. */
    void awaitReady(Duration timeout) {
        long t0 = System.nanoTime();
        Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see its log");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("UP");
            } catch (IOException notYet) {
                return false; // not listening yet
            }
        });
        ready = true;
        log.info("{} ready in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Lines of the current run's log that contain {@code text}. */
    long logLines(String text) {
        try (var lines = Files.lines(logFile)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** kill -9 (SIGKILL): no shutdown hooks, no graceful close, in the middle of whatever it was doing. */
    synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        long pid = process.pid();
        ready = false;
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid + ") did not die");
        }
        STARTED.remove(process.toHandle());
        log.info("{} (pid {}) killed: exit {}", name, pid, process.exitValue());
    }

    /** The process id of the running node. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Started, answered UP once, and not killed since. */
    boolean isReady() {
        return ready && isAlive();
    }

    int starts() {
        return starts;
    }

    /** Kills every app process started by this JVM (and their children) by pid. */
    static void destroyAll() {
        for (ProcessHandle p : STARTED) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort
            }
            STARTED.remove(p);
        }
    }
}
