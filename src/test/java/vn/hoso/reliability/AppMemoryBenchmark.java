package vn.hoso.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoso.bench.Stats;
import vn.hoso.cases.CaseDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;

/**
 * Goal 5 of issue 16 (docs/performance.md, benchmark 6b): the memory of the app alone, as its own process, under
 * benchmark 1's load. Run by {@code mvn -Pbench test} (the profile includes this class by name; the normal build does
 * not: the name ends in neither Test nor IT).
 *
 * <p>The app runs as the fault tests run it ({@link AppProcess}: the production profile, settings from HOSO_*
 * variables, PostgreSQL, Kafka and the object store of {@link FaultInfrastructure} in this JVM), but with the
 * production image's JVM options (the Dockerfile's {@code -XX:MaxRAMPercentage=75}) and, since {@code -Pbench test}
 * builds no jar, from {@code target/classes} and the runtime class path the profile writes to
 * {@code target/bench/runtime.classpath} ({@code -Dhoso.bench.memory-launch=jar} runs {@code target/hoso-*.jar}).
 * Its RSS is read from {@code /proc/<pid>/status} every 250 ms, its heap from the actuator every 500 ms.
 * Writes {@code target/bench/app-memory.json}; {@code PerformanceBenchmark} shows the figure beside its whole-JVM one
 * when both ran in the same {@code mvn} run.
 */
class AppMemoryBenchmark extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(AppMemoryBenchmark.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final String PROCEDURE = "MERIT_ALLOWANCE";
    static final String MAIN_CLASS = "vn.hoso.HosoApplication";
    static final int THREADS = Integer.getInteger("hoso.bench.threads", 4);
    static final int CASES_PER_ROUND = Integer.getInteger("hoso.bench.cases", 60);
    static final int CASES = Integer.getInteger("hoso.bench.memory-cases",
            Integer.getInteger("hoso.bench.rounds", 7) * CASES_PER_ROUND);
    static final int WARMUP_CASES = Integer.getInteger("hoso.bench.warmup-cases", 40);
    static final String JVM_OPTIONS = System.getProperty("hoso.bench.memory-jvm-options", "-XX:MaxRAMPercentage=75");
    static final String LAUNCH = System.getProperty("hoso.bench.memory-launch", "classes");

    @Test
    void theAppAloneUnderBenchmarkOnesLoad() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("runId", System.getProperty("hoso.bench.run-id", ""));
        results.put("machine", Stats.machine());
        rig = new FaultRig("bench-memory");
        AppProcess app = rig.node("app", Map.of());
        List<String> jvmOptions = List.of(JVM_OPTIONS.trim().split("\\s+"));
        app.withJvmOptions(jvmOptions);
        Map<String, Object> launch = new LinkedHashMap<>();
        if ("jar".equals(LAUNCH)) {
            launch.put("from", "packaged jar " + AppProcess.jar());
        } else {
            Path file = Path.of("target", "bench", "runtime.classpath");
            assertThat(file).as("written by the bench profile (maven-dependency-plugin:build-classpath)").exists();
            String dependencies = Files.readString(file).trim();
            assertThat(dependencies).isNotEmpty();
            app.runningClasses(Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                    + dependencies, MAIN_CLASS);
            launch.put("from", "target/classes and the runtime dependencies (" + dependencies.split(
                    java.io.File.pathSeparator).length + " jars), main class " + MAIN_CLASS
                    + ": the packaged jar's content without Spring Boot's nested-jar loader");
        }
        launch.put("jvmOptions", jvmOptions);
        launch.put("profile", "production (no Spring profile; HOSO_* variables to this JVM's PostgreSQL, Kafka, S3)");
        results.put("launch", launch);

        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        long pid = app.pid();

        List<String[]> routes = routes();
        LinkedHashSet<String> units = new LinkedHashSet<>();
        routes.forEach(r -> units.addAll(List.of(r)));
        Users.create(rig.client, List.copyOf(units));
        List<String> steps = steps(routes.get(0)).stream().map(s -> s[0]).toList();
        log.info("app-memory: pid {}, {} routes ({}), {} steps a case: {}", pid, routes.size(),
                String.join(" → ", routes.get(0)), steps.size(), steps);

        Sampler sampler = new Sampler(app, rig.client);
        Sampler.Point idle = sampler.point();
        sampler.start();
        long t0 = System.nanoTime();
        List<String> warmup = round(routes, WARMUP_CASES, 0);
        log.info("app-memory: warm-up of {} cases in {} s", warmup.size(), (System.nanoTime() - t0) / 1_000_000_000);
        sampler.measuring();

        List<Double> casesPerSecond = new ArrayList<>();
        int done = 0;
        int finished = warmup.size();
        for (int r = 0; done < CASES; r++) {
            int n = Math.min(CASES_PER_ROUND, CASES - done);
            long start = System.nanoTime();
            List<String> ids = round(routes, n, WARMUP_CASES + done);
            double seconds = (System.nanoTime() - start) / 1e9;
            casesPerSecond.add(n / seconds);
            done += n;
            finished += ids.size();
            log.info("app-memory: round {}: {} cases in {} s, {} cases/s, RSS now {} MiB", r + 1, n,
                    round1(seconds), round1(n / seconds), round1(sampler.lastRssKb / 1024.0));
        }
        Sampler.Summary memory = sampler.stop();
        long hwmKb = Sampler.status(pid, "VmHWM");

        assertThat(app.isAlive()).as("the app process (pid %d) is still running", pid).isTrue();
        assertThat(finished).as("cases driven through every step").isEqualTo(WARMUP_CASES + CASES);
        assertThat(rig.db.count("select count(*) from act_ru_execution")).as("cases still running").isZero();
        assertThat(rig.db.count("select count(*) from case_event e where not exists "
                + "(select 1 from rollup_case_position p where p.case_id = e.case_id and p.applied_seq >= e.seq)"))
                .as("events not in the read model").isZero();
        assertThat(memory.rssSamples()).as("RSS samples while measuring").isGreaterThan(0);
        assertThat(memory.heapSamples()).as("heap samples while measuring").isGreaterThan(0);
        assertThat(memory.errors()).as("failed samples").isZero();

        int stepCount = steps.size();
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("procedure", PROCEDURE + " received today (" + LocalDate.now(LoadDriver.ZONE) + ", the app's own "
                + "clock), online, route " + String.join(" → ", tiersOf(routes.get(0))) + ", back to the commune");
        load.put("stepsPerCase", stepCount);
        load.put("steps", steps);
        load.put("routes", routes.size());
        load.put("threads", THREADS);
        load.put("warmupCases", WARMUP_CASES);
        load.put("cases", CASES);
        load.put("casesPerRound", CASES_PER_ROUND);
        load.put("casesPerSecond", Stats.summary(casesPerSecond));
        load.put("stepsPerSecond", Stats.summary(casesPerSecond.stream().map(v -> v * stepCount).toList()));
        load.put("taskLookup", "GET /engine-rest/task?processInstanceBusinessKey= as the step's user (HTTP)");
        results.put("load", load);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("idleRssMiB", mib(idle.rssKb()));
        m.put("idleHeapUsedMiB", Math.round(idle.heapUsedMiB()));
        m.put("peakRssMiB", mib(memory.peakRssKb()));
        m.put("peakRssDuringWarmupMiB", mib(memory.peakRssWarmupKb()));
        m.put("medianRssMiB", mib(memory.medianRssKb()));
        m.put("vmHWMMiB", mib(hwmKb));
        m.put("vmHWMNote", "peak RSS since the process started (start-up, user creation and warm-up included)");
        m.put("heapUsedPeakMiB", Math.round(memory.peakHeapUsedMiB()));
        m.put("heapUsedMedianMiB", Math.round(memory.medianHeapUsedMiB()));
        m.put("heapCommittedPeakMiB", Math.round(memory.peakHeapCommittedMiB()));
        m.put("heapMaxMiB", Math.round(memory.heapMaxMiB()));
        m.put("rssSamples", memory.rssSamples());
        m.put("heapSamples", memory.heapSamples());
        m.put("sampling", "VmRSS of /proc/<pid>/status every 250 ms; heap used and committed "
                + "(/actuator/metrics/jvm.memory.used and jvm.memory.committed, area:heap, as the administrator) every "
                + "500 ms; peaks, medians and sample counts over the measured rounds (not the warm-up)");
        results.put("memory", m);
        results.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).trim());

        Path file = Path.of("target", "bench", "app-memory.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(results));
        print(m, load, file);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the load: benchmark 1's driver over HTTP

    /** {commune, its ancestors up to the province} for every commune valid today, shuffled as benchmark 1 does. */
    List<String[]> routes() {
        JsonNode all = rig.client.get("/api/units", Users.ADMIN).json();
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        all.forEach(u -> byCode.put(u.get("code").asText(), u));
        List<String[]> list = new ArrayList<>();
        for (JsonNode u : all) {
            if (!"COMMUNE".equals(u.get("tier").asText())) {
                continue;
            }
            List<String> route = new ArrayList<>(List.of(u.get("code").asText()));
            for (JsonNode p = byCode.get(u.path("parentCode").asText()); p != null;
                    p = byCode.get(p.path("parentCode").asText())) {
                route.add(p.get("code").asText());
            }
            list.add(route.toArray(String[]::new));
        }
        assertThat(list).as("communes valid today").isNotEmpty();
        Collections.shuffle(list, new Random(6));
        return list;
    }

    private List<String> tiersOf(String[] route) {
        List<String> tiers = new ArrayList<>();
        for (String code : route) {
            tiers.add(rig.client.get("/api/units/" + code, Users.ADMIN).json().get("tier").asText().toLowerCase());
        }
        return tiers;
    }

    /** Benchmark 1's steps for a route of any length: {step, user}. */
    static List<String[]> steps(String[] route) {
        List<String[]> steps = new ArrayList<>();
        for (int i = 0; i < route.length; i++) {
            String unit = route[i];
            if (i == 0) {
                steps.add(new String[] {RECEIVE, "officer." + unit});
            }
            steps.add(new String[] {APPRAISE, "officer." + unit});
            steps.add(new String[] {APPROVE, "leader." + unit});
            steps.add(new String[] {i == route.length - 1 ? ISSUE : FORWARD, "officer." + unit});
        }
        steps.add(new String[] {RETURN_AT_RECEIVING_UNIT, "officer." + route[0]});
        return steps;
    }

    /** {@code cases} cases on {@link #THREADS} threads; then until the read model has applied all their events. */
    List<String> round(List<String[]> routes, int cases, int offset) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                        ids.add(driveCase(routes.get((offset + i) % routes.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String list = String.join(",", ids);
        Awaitility.await("every event of the round in the rollup").atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> rig.db.count("""
                        select count(*) from case_event e
                        where e.case_id = any(string_to_array(?, ','))
                          and not exists (select 1 from rollup_case_position p
                                           where p.case_id = e.case_id and p.applied_seq >= e.seq)""",
                        list) == 0);
        return ids;
    }

    /** One case from intake to the return at the receiving unit, as benchmark 1, with the tasks found over REST. */
    String driveCase(String[] route) throws IOException {
        Client.Result received = rig.client.post("/api/cases", "officer." + route[0],
                JSON.writeValueAsString(CaseDriver.procedure(PROCEDURE, route[0], "ONLINE")));
        if (received.status() != 201) {
            throw new IllegalStateException("intake: " + received.status() + " " + received.body());
        }
        String caseId = received.json().get("caseId").asText();
        for (String[] step : steps(route)) {
            Client.Result found = rig.client.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, step[1]);
            JsonNode tasks = found.status() == 200 ? found.json() : null;
            if (tasks == null || tasks.size() != 1 || !step[0].equals(tasks.get(0).get("taskDefinitionKey").asText())) {
                throw new IllegalStateException("case " + caseId + ": expected task " + step[0] + " for " + step[1]
                        + ", found " + found.status() + " " + found.body());
            }
            Client.Result done = rig.client.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    step[1], "{\"variables\":{}}");
            if (done.status() != 204) {
                throw new IllegalStateException("complete " + step[0] + " as " + step[1] + ": " + done.status() + " "
                        + done.body());
            }
        }
        return caseId;
    }

    // ------------------------------------------------------------------------------------------------------------
    // sampling the app process

    /** RSS every 250 ms from /proc, heap every 500 ms from the actuator; counted from {@link #measuring()}. */
    static final class Sampler {

        record Point(long rssKb, double heapUsedMiB) {
        }

        record Summary(long peakRssKb, long peakRssWarmupKb, long medianRssKb, double peakHeapUsedMiB,
                       double medianHeapUsedMiB, double peakHeapCommittedMiB, double heapMaxMiB, int rssSamples,
                       int heapSamples, int errors) {
        }

        private final AppProcess app;
        private final Client client;
        private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "app-memory-sampler");
            t.setDaemon(true);
            return t;
        });
        private final List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> heapUsed = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> heapCommitted = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger errors = new AtomicInteger();
        private volatile boolean measuring;
        private volatile long peakRssWarmupKb;
        volatile long lastRssKb;

        Sampler(AppProcess app, Client client) {
            this.app = app;
            this.client = client;
        }

        Point point() {
            return new Point(status(app.pid(), "VmRSS"), heapMiB("jvm.memory.used"));
        }

        void start() {
            executor.scheduleAtFixedRate(this::sampleRss, 0, 250, TimeUnit.MILLISECONDS);
            executor.scheduleAtFixedRate(this::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);
        }

        void measuring() {
            measuring = true;
        }

        private void sampleRss() {
            try {
                long kb = status(app.pid(), "VmRSS");
                lastRssKb = kb;
                if (measuring) {
                    rss.add(kb);
                } else {
                    peakRssWarmupKb = Math.max(peakRssWarmupKb, kb);
                }
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }

        private void sampleHeap() {
            if (!measuring) {
                return;
            }
            try {
                double used = heapMiB("jvm.memory.used");
                double committed = heapMiB("jvm.memory.committed");
                heapUsed.add(used);
                heapCommitted.add(committed);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }

        double heapMiB(String metric) {
            Client.Result r = client.getFrom(app.baseUrl(), "/actuator/metrics/" + metric + "?tag=area:heap",
                    Users.ADMIN);
            if (r.status() != 200) {
                throw new IllegalStateException(metric + ": " + r.status() + " " + r.body());
            }
            return r.json().get("measurements").get(0).get("value").asDouble() / 1048576.0;
        }

        Summary stop() throws InterruptedException {
            executor.shutdown();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).as("sampler stopped").isTrue();
            double max = heapMiB("jvm.memory.max");
            synchronized (rss) {
                synchronized (heapUsed) {
                    return new Summary(rss.stream().mapToLong(Long::longValue).max().orElse(0), peakRssWarmupKb,
                            (long) Stats.median(rss.stream().map(Long::doubleValue).toList()),
                            heapUsed.stream().mapToDouble(Double::doubleValue).max().orElse(0), Stats.median(heapUsed),
                            heapCommitted.stream().mapToDouble(Double::doubleValue).max().orElse(0), max, rss.size(),
                            heapUsed.size(), errors.get());
                }
            }
        }

        /** A field of /proc/<pid>/status in kB (VmRSS, VmHWM). */
        static long status(long pid, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("process " + pid + " gone?", e);
            }
            throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // report

    private void print(Map<String, Object> m, Map<String, Object> load, Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "baseline / context"});
        rows.add(new String[] {"6 memory: peak RSS, the app alone (own process)", m.get("peakRssMiB") + " MiB (median "
                + m.get("medianRssMiB") + ")", "idle after start " + m.get("idleRssMiB") + " MiB; VmHWM "
                + m.get("vmHWMMiB") + " MiB"});
        rows.add(new String[] {"6 memory: heap of the app alone", "used ≤ " + m.get("heapUsedPeakMiB") + " MiB (median "
                + m.get("heapUsedMedianMiB") + "), committed ≤ " + m.get("heapCommittedPeakMiB") + " MiB",
                "max " + m.get("heapMaxMiB") + " MiB (" + JVM_OPTIONS + ")"});
        @SuppressWarnings("unchecked")
        Map<String, Object> steps = (Map<String, Object>) load.get("stepsPerSecond");
        rows.add(new String[] {"   under: steps/s, " + load.get("stepsPerCase") + " steps a case",
                steps.get("median") + " (" + steps.get("min") + "–" + steps.get("max") + ")", load.get("cases")
                + " cases after " + load.get("warmupCases") + " warm-up; " + m.get("rssSamples") + " RSS and "
                + m.get("heapSamples") + " heap samples"});
        Path whole = Path.of("target", "bench", "results.json");
        if (Files.exists(whole)) {
            JsonNode earlier = JSON.readTree(whole.toFile());
            if (earlier.path("memory").has("jvmPeakRssMiB")) {
                rows.add(new String[] {"6 memory: peak RSS during 1 (JVM), earlier run",
                        earlier.path("memory").get("jvmPeakRssMiB").asText() + " MiB", "app + Kafka broker + driver, "
                        + earlier.path("machine").path("date").asText() + " (results.json)"});
            }
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\n\nHỒ SƠ BENCHMARK: MEMORY OF THE APP ALONE (" + Instant.now() + ")\n");
        for (String[] row : rows) {
            out.append(String.format("  %-" + widths[0] + "s | %-" + widths[1] + "s | %s%n", row[0], row[1], row[2]));
        }
        out.append("  written to ").append(file.toAbsolutePath()).append("\n\n");
        System.out.print(out);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static long mib(long kb) {
        return Math.round(kb / 1024.0);
    }
}
