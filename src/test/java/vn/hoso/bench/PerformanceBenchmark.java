package vn.hoso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import vn.hoso.cases.CaseDriver;
import vn.hoso.cases.CaseFlow;
import vn.hoso.cases.EventPublication;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.rollup.BenchEvents;
import vn.hoso.rollup.RollupQueries;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;

/**
 * The benchmarks of issue 6 (docs/performance.md), one run on the embedded PostgreSQL and Kafka:
 * {@code mvn -Pbench test}. Not part of {@code mvn verify} (the name does not end in Test; the profile includes
 * {@code vn/hoso/bench/*Benchmark}). Prints a table and writes {@code target/bench/results.json}. Every figure has
 * a baseline measured in this run; figures are medians over rounds with their spread.
 *
 * <p>Sizes are system properties ({@code -Dhoso.bench.*}, see {@link #config()}); the defaults are the issue's.
 */
@IntegrationTest
@Import(EventPublication.class) // the "bare" rounds switch the case flow's events off (test code only)
class PerformanceBenchmark {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String PROCEDURE = "MERIT_ALLOWANCE";
    static final LocalDate ENGINE_DAY = LocalDate.of(2025, 3, 14);      // before 2025-07-01: commune → district → province
    static final int INGEST_YEAR = 2024;
    static final int QUERY_YEAR = 2023;
    static final String TOPIC = "hoso.case-events";

    // sizes (defaults: the issue's)
    static final int THREADS = Integer.getInteger("hoso.bench.threads", 4);
    static final int ROUNDS = Integer.getInteger("hoso.bench.rounds", 7);
    static final int CASES_PER_ROUND = Integer.getInteger("hoso.bench.cases", 60);
    static final int WARMUP_CASES = Integer.getInteger("hoso.bench.warmup-cases", 40);
    /**
     * Benchmark 1 warms up in pairs of rounds until the JIT's compiler threads (time summed over them) compiled for at
     * most this share of a pair's time, or for {@link #WARMUP_MAX_SECONDS} (0: one pair).
     */
    static final double WARMUP_JIT_SHARE = Double.parseDouble(System.getProperty("hoso.bench.warmup-jit-share", "0.15"));
    static final int WARMUP_MAX_SECONDS = Integer.getInteger("hoso.bench.warmup-max-seconds", 900);
    static final int COMMIT_SECONDS = Integer.getInteger("hoso.bench.commit-seconds", 3);
    static final int INGEST_EVENTS = Integer.getInteger("hoso.bench.ingest-events", 1_000_000);
    /** Timed rounds of benchmark 3, each of {@link #INGEST_EVENTS} new events (the figure is their median). */
    static final int INGEST_ROUNDS = Integer.getInteger("hoso.bench.ingest-rounds", 3);
    static final int INGEST_WARMUP_EVENTS = Integer.getInteger("hoso.bench.ingest-warmup-events",
            Math.min(100_000, INGEST_EVENTS));
    static final int QUERY_EVENTS = Integer.getInteger("hoso.bench.query-events", 10_000_000);
    static final int QUERY_REQUESTS = Integer.getInteger("hoso.bench.query-requests", 200);
    static final int RAW_ROUNDS = Integer.getInteger("hoso.bench.raw-rounds", 5);
    static final int FRESHNESS_SECONDS = Integer.getInteger("hoso.bench.freshness-seconds", 60);
    static final int RELAY_EVENTS = Integer.getInteger("hoso.bench.relay-events", 1_000_000);
    static final int RELAY_YEAR = 2022;
    static final int GROWTH_ROUNDS = Integer.getInteger("hoso.bench.growth-rounds", 3);
    static final int GROWTH_CASES = Integer.getInteger("hoso.bench.growth-cases", 100_000);
    static final int GROWTH_CASES_PER_STATEMENT = Integer.getInteger("hoso.bench.growth-cases-per-statement", 10_000);
    static final String ONLY = System.getProperty("hoso.bench.only",
            "engine,database,ingest,query,freshness,growth,relay");

    static final Map<String, Object> results = new LinkedHashMap<>();
    static final List<String[]> table = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseFlow caseFlow;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitRegistry units;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    RollupQueries rollups;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    Http http;
    List<String[]> routes;   // {commune, district, province} valid on ENGINE_DAY
    double engineCasesPerSecond = Double.NaN;

    @Test
    void benchmarks() throws Exception {
        http = new Http(port);
        results.put("machine", machine());
        results.put("config", config());
        routes = routesOn(ENGINE_DAY);
        CaseDriver.clockAt(ENGINE_DAY + "T09:00:00+07:00");
        try {
            if (ONLY.contains("engine")) {
                engine();
            }
            if (ONLY.contains("database")) {
                databaseCeiling();
            }
            if (ONLY.contains("freshness")) {
                freshness();
            }
            if (ONLY.contains("growth")) {
                growth();
            }
        } finally {
            CaseDriver.resetClock();
            EventPublication.set(caseFlow, true);
        }
        if (ONLY.contains("ingest")) {
            ingest();
        }
        if (ONLY.contains("query")) {
            query();
        }
        if (ONLY.contains("relay")) {
            relay(); // last: it leaves the topic's listeners paused
        }
    }

    @AfterAll
    static void report() throws IOException {
        appMemory();
        StringBuilder out = new StringBuilder("\n\nHỒ SƠ BENCHMARKS (" + Instant.now() + ")\n");
        int[] widths = new int[4];
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "median (spread)", "baseline / ratio", "goal"});
        rows.addAll(table);
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.append(String.format("  %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %s%n",
                    row[0], row[1], row[2], row[3]));
        }
        Path file = Path.of("target", "bench", "results.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(results));
        out.append("  written to ").append(file.toAbsolutePath()).append("\n\n");
        System.out.print(out);
    }

    /**
     * Goal 5: the app alone as its own process ({@code vn.hoso.reliability.AppMemoryBenchmark}, which the profile runs
     * first and which writes {@code target/bench/app-memory.json}): its figures of the same {@code mvn} run go into the
     * table, beside the whole-JVM row, and into {@code results.json} ({@code appMemory}).
     */
    static void appMemory() throws IOException {
        Path file = Path.of("target", "bench", "app-memory.json");
        String runId = System.getProperty("hoso.bench.run-id", "");
        if (runId.isEmpty() || !Files.exists(file)) {
            return;
        }
        JsonNode app = JSON.readTree(file.toFile());
        if (!runId.equals(app.path("runId").asText())) {
            return; // an earlier run's
        }
        results.put("appMemory", app);
        JsonNode m = app.path("memory");
        JsonNode steps = app.path("load").path("stepsPerSecond");
        String[] row = {"6 memory: peak RSS under 1's load (app alone)", m.path("peakRssMiB").asText() + " MiB",
                String.format("heap used ≤ %s, committed ≤ %s of %s MiB; idle %s MiB; %s steps/s", m.path("heapUsedPeakMiB")
                        .asText(), m.path("heapCommittedPeakMiB").asText(), m.path("heapMaxMiB").asText(),
                        m.path("idleRssMiB").asText(), steps.path("median").asText()), "reported"};
        int at = table.size();
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i)[0].startsWith("6 memory")) {
                at = i + 1;
            }
        }
        table.add(at, row);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 1 and 6: engine end to end, with and without event publication; memory during it

    void engine() throws Exception {
        Map<String, Object> warmup = warmUpUntilJitQuiet();

        MemorySampler memory = new MemorySampler(postmasterPid());
        memory.start();
        List<Double> onCases = new ArrayList<>();
        List<Double> offCases = new ArrayList<>();
        List<Double> onEngineOnly = new ArrayList<>();
        List<Long> onJit = new ArrayList<>();
        List<Long> offJit = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            boolean onFirst = r % 2 == 0; // alternate the order so drift favours neither
            for (boolean on : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                long compiledBefore = jitMillis();
                RoundResult result = engineRound(on, CASES_PER_ROUND);
                long compileMillis = jitMillis() - compiledBefore;
                (on ? onCases : offCases).add(CASES_PER_ROUND / result.seconds);
                (on ? onJit : offJit).add(compileMillis);
                if (on) {
                    onEngineOnly.add(CASES_PER_ROUND / result.engineSeconds);
                }
                log("engine round %d %s: %.1f cases/s (%.1f s; engine done after %.1f s; JIT compiling %d ms"
                        + " meanwhile)", r + 1, on ? "pipeline" : "bare", CASES_PER_ROUND / result.seconds,
                        result.seconds, result.engineSeconds, compileMillis);
            }
        }
        Map<String, Object> mem = memory.stop();

        int steps = STEPS.length;
        double onMedian = Stats.median(onCases);
        double offMedian = Stats.median(offCases);
        engineCasesPerSecond = onMedian;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < onCases.size(); i++) {
            ratios.add(onCases.get(i) / offCases.get(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("procedure", PROCEDURE + " received " + ENGINE_DAY + ": commune → district → province, back to the commune");
        m.put("threads", THREADS);
        m.put("casesPerRound", CASES_PER_ROUND);
        m.put("stepsPerCase", steps);
        m.put("pipelineCasesPerSecond", Stats.summary(onCases));
        m.put("pipelineStepsPerSecond", Stats.summary(onCases.stream().map(v -> v * steps).toList()));
        m.put("pipelineEngineOnlyCasesPerSecond", Stats.summary(onEngineOnly));
        m.put("bareCasesPerSecond", Stats.summary(offCases));
        m.put("bareStepsPerSecond", Stats.summary(offCases.stream().map(v -> v * steps).toList()));
        m.put("ratio", Stats.round(onMedian / offMedian));
        m.put("ratioPerRound", Stats.summary(ratios));
        // the JIT's compiler threads share the two cores with the steps: compile time is time the rounds did not have
        m.put("jitCompileMillisPerRound", Map.of("pipeline", onJit, "bare", offJit));
        m.put("warmup", warmup);
        m.put("goal", "ratio >= 0.85");
        m.put("met", onMedian / offMedian >= 0.85);
        results.put("engine", m);
        row("1 engine: cases/s, pipeline to rollup", onCases, String.format("bare %.1f; ratio %.2f", offMedian,
                onMedian / offMedian), "ratio ≥ 0.85: " + (onMedian / offMedian >= 0.85 ? "met" : "MISSED"));
        row("1 engine: steps/s, pipeline to rollup", onCases.stream().map(v -> v * steps).toList(),
                String.format("bare %.0f", offMedian * steps), "");
        results.put("memory", mem);
        table.add(new String[] {"6 memory: peak RSS during 1 (JVM)", mem.get("jvmPeakRssMiB") + " MiB",
                "heap max " + mem.get("heapMaxMiB") + " MiB; PostgreSQL " + mem.get("postgresPeakPssMiB") + " MiB PSS",
                "reported"});
    }

    /**
     * Pairs of warm-up rounds ({@code warmup-cases} per mode) until the JIT's compiler threads spent at most
     * {@code warmup-jit-share} of a pair's time compiling, or for {@code warmup-max-seconds}. On two cores C2 compiles
     * the app, the engine and the in-JVM broker for minutes (2026-12-03: still 7–9 s a pipeline round after 16 rounds
     * of each mode); the timed rounds measure the steps, not the compiler's share of the cores.
     */
    Map<String, Object> warmUpUntilJitQuiet() throws Exception {
        long start = System.nanoTime();
        List<Long> pairMillis = new ArrayList<>();
        List<Long> pairJitMillis = new ArrayList<>();
        boolean quiet;
        do {
            long compiledBefore = jitMillis();
            long pairStart = System.nanoTime();
            engineRound(true, WARMUP_CASES);
            engineRound(false, WARMUP_CASES);
            long millis = (System.nanoTime() - pairStart) / 1_000_000;
            long jit = jitMillis() - compiledBefore;
            pairMillis.add(millis);
            pairJitMillis.add(jit);
            quiet = jit <= WARMUP_JIT_SHARE * millis;
            log("engine: warm-up pair %d, %d cases per mode in %.1f s, JIT compiling %d ms meanwhile",
                    pairMillis.size(), WARMUP_CASES, millis / 1e3, jit);
        } while (!quiet && (System.nanoTime() - start) / 1e9 < WARMUP_MAX_SECONDS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("casesPerModeAndPair", WARMUP_CASES);
        m.put("pairs", pairMillis.size());
        m.put("seconds", Stats.round((System.nanoTime() - start) / 1e9));
        m.put("pairMillis", pairMillis);
        m.put("pairJitCompileMillis", pairJitMillis);
        m.put("jitQuiet", quiet);
        m.put("until", "JIT compiling <= " + WARMUP_JIT_SHARE + " of a pair's time, at most " + WARMUP_MAX_SECONDS
                + " s");
        return m;
    }

    long postmasterPid() {
        try {
            String dir = jdbc.queryForObject("show data_directory", String.class);
            return Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            log("memory: PostgreSQL's postmaster not found (%s); its memory is not reported", e);
            return 0;
        }
    }

    record RoundResult(double seconds, double engineSeconds, List<String> caseIds) {
    }

    /** The user tasks of the route: step key, role, which stop of the route (0 commune, 1 district, 2 province). */
    static final Object[][] STEPS = {
            {RECEIVE, "officer", 0}, {APPRAISE, "officer", 0}, {APPROVE, "leader", 0}, {FORWARD, "officer", 0},
            {APPRAISE, "officer", 1}, {APPROVE, "leader", 1}, {FORWARD, "officer", 1},
            {APPRAISE, "officer", 2}, {APPROVE, "leader", 2}, {ISSUE, "officer", 2},
            {RETURN_AT_RECEIVING_UNIT, "officer", 0}};

    /** Steps that close a segment, with the number of segments closed once they committed. */
    static final Map<Integer, Integer> SEGMENT_CLOSING = Map.of(3, 1, 6, 2, 9, 3, 10, 4);

    RoundResult engineRound(boolean publish, int cases) throws Exception {
        EventPublication.set(caseFlow, publish);
        List<String> caseIds = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    caseIds.add(driveCase(routes.get(i % routes.size()), null));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double engineSeconds = (System.nanoTime() - start) / 1e9;
        if (publish) {
            awaitRollup(caseIds, Duration.ofMinutes(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RoundResult(seconds, engineSeconds, caseIds);
    }

    /** One case from intake to the return at the receiving unit; {@code onCommit} hears of segment-closing steps. */
    String driveCase(String[] route, SegmentListener onCommit) {
        var response = http.postJson("/api/cases", "officer." + route[0],
                toJson(CaseDriver.procedure(PROCEDURE, route[0], "ONLINE")));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("intake: " + response.statusCode() + " " + response.body());
        }
        String caseId = Http.json(response).get("caseId").asText();
        for (int s = 0; s < STEPS.length; s++) {
            String step = (String) STEPS[s][0];
            String user = STEPS[s][1] + "." + route[(Integer) STEPS[s][2]];
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
            if (task == null || !task.getTaskDefinitionKey().equals(step)) {
                throw new IllegalStateException("case " + caseId + ": expected task " + step + ", found "
                        + (task == null ? "none" : task.getTaskDefinitionKey()));
            }
            var done = http.postJson("/engine-rest/task/" + task.getId() + "/complete", user, "{\"variables\":{}}");
            if (done.statusCode() != 204) {
                throw new IllegalStateException("complete " + step + " as " + user + ": " + done.statusCode() + " "
                        + done.body());
            }
            Integer closed = SEGMENT_CLOSING.get(s);
            if (onCommit != null && closed != null) {
                onCommit.committed(caseId, closed, System.nanoTime());
            }
        }
        return caseId;
    }

    interface SegmentListener {
        void committed(String caseId, int segmentsClosed, long nanos);
    }

    /** Until the read model has applied every event the log holds for these cases. */
    void awaitRollup(List<String> caseIds, Duration atMost) {
        String ids = String.join(",", caseIds);
        await("every event of the round in the rollup").atMost(atMost).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject("""
                        select count(*) from case_event e
                        where e.case_id = any(string_to_array(?, ','))
                          and not exists (select 1 from rollup_case_position p
                                           where p.case_id = e.case_id and p.applied_seq >= e.seq)""",
                        Long.class, ids) == 0);
    }

    List<String[]> routesOn(LocalDate day) {
        List<String[]> list = new ArrayList<>();
        for (Unit commune : units.unitsOn(day, Tier.COMMUNE, null)) {
            Unit district = units.unitOn(commune.parentCode(), day).orElse(null);
            if (district == null || district.tier() != Tier.DISTRICT) {
                continue;
            }
            list.add(new String[] {commune.code(), district.code(), district.parentCode()});
        }
        assertThat(list).isNotEmpty();
        Collections.shuffle(list, new java.util.Random(6));
        return list;
    }

    // ------------------------------------------------------------------------------------------------------------
    // 8: growth — engine steps/s with a province's finished cases in Camunda's history tables

    static final List<String> RUNTIME_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_variable",
            "act_ru_identitylink", "act_ru_job", "act_ge_bytearray", "act_ru_meter_log", "act_ru_task_meter_log");

    void growth() throws Exception {
        int steps = STEPS.length;
        log("growth: warm-up, %d bare cases", WARMUP_CASES);
        engineRound(false, WARMUP_CASES);
        Map<String, Long> seqBefore = settledSeqScans();
        List<Double> before = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<String> loadBefore = new ArrayList<>();
        for (int r = 0; r < GROWTH_ROUNDS; r++) {
            RoundResult result = engineRound(false, CASES_PER_ROUND);
            before.add(CASES_PER_ROUND * steps / result.seconds);
            templates = result.caseIds();
            loadBefore.add(loadAverage());
            log("growth round %d, small history: %.1f steps/s (%.1f s; load average %s)", r + 1, before.get(r),
                    result.seconds, loadBefore.get(r));
        }
        Map<String, Long> seqScansBefore = delta(seqBefore, settledSeqScans());
        Map<String, Long> runtimeBefore = counts(RUNTIME_TABLES);

        // the templates: the last round's cases, run by the engine to their end
        List<String> roots = jdbc.queryForList("select id_ from act_hi_procinst where id_ = root_proc_inst_id_ "
                + "and business_key_ = any(string_to_array(?, ','))", String.class, String.join(",", templates));
        assertThat(roots).as("root process instances of the last round's cases").hasSize(templates.size());
        HistoryLoad load = new HistoryLoad(jdbc, roots);
        long finishedBefore = finishedCases();
        int copies = (int) Math.max(0, (GROWTH_CASES - finishedBefore + roots.size() - 1) / roots.size());
        int copiesPerStatement = Math.max(1, GROWTH_CASES_PER_STATEMENT / roots.size());
        Map<String, Long> countsBefore = load.counts();
        Map<String, Double> rowsPerTemplateCase = new LinkedHashMap<>();
        load.tables.forEach(t -> rowsPerTemplateCase.put(t.name(), Stats.round(t.templateRows() / (double) roots.size())));
        log("growth: %,d finished cases in the history; copying the history rows of %d of them %,d times "
                + "(%,d copies per statement); rows of the templates: %s; instance-id columns suffixed: %s",
                finishedBefore, roots.size(), copies, copiesPerStatement,
                load.tables.stream().map(t -> t.name() + " " + t.templateRows()).toList(), load.suffixedColumns());
        long start = System.nanoTime();
        for (int first = 1; first <= copies; first += copiesPerStatement) {
            int last = Math.min(copies, first + copiesPerStatement - 1);
            load.copy(first, last);
            log("growth: copies %,d–%,d of %,d done (%,d cases, %.0f s)", first, last, copies,
                    (long) last * roots.size(), (System.nanoTime() - start) / 1e9);
        }
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        for (HistoryLoad.Table t : load.tables) {
            jdbc.execute("analyze " + t.name());
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long finishedAfter = finishedCases();
        Map<String, Long> countsAfter = load.counts();
        Map<String, Object> tables = new LinkedHashMap<>();
        for (HistoryLoad.Table t : load.tables) {
            long added = countsAfter.get(t.name()) - countsBefore.get(t.name());
            assertThat(added).as("%s rows added", t.name()).isEqualTo(t.templateRows() * copies);
            long bytes = jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, t.name());
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("rows", countsAfter.get(t.name()));
            table.put("added", added);
            table.put("perTemplateCase", rowsPerTemplateCase.get(t.name()));
            table.put("totalMiB", Stats.round(bytes / 1048576.0));
            tables.put(t.name(), table);
            log("growth: %-22s %,12d rows (%,d added), %,.1f MiB with indexes", t.name(), countsAfter.get(t.name()),
                    added, bytes / 1048576.0);
        }
        assertThat(finishedAfter).as("finished cases in the history").isGreaterThanOrEqualTo(GROWTH_CASES)
                .isEqualTo(finishedBefore + (long) copies * roots.size());
        Map<String, Long> dangling = load.danglingReferences(Math.max(1, copies));
        assertThat(dangling).as("references of a copy that point nowhere").allSatisfy((k, v) -> assertThat(v).isZero());
        if (copies > 0) {
            // the engine reads a copy like the case it was copied from
            String copy = roots.get(0) + "-g" + copies;
            var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(copy).singleResult();
            assertThat(instance).as("copied root instance %s", copy).isNotNull();
            assertThat(instance.getEndTime()).isNotNull();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(copy).count())
                    .isEqualTo(historyService.createHistoricActivityInstanceQuery().processInstanceId(roots.get(0))
                            .count());
            assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(copy).count())
                    .as("its segments").isEqualTo(historyService.createHistoricProcessInstanceQuery()
                            .superProcessInstanceId(roots.get(0)).count()).isPositive();
        }
        Map<String, Long> runtimeLoaded = counts(RUNTIME_TABLES);
        log("growth: %,d finished cases loaded in %.0f s (inserts %.0f s, analyze %.0f s); runtime rows before %s, "
                + "after %s", finishedAfter - finishedBefore, loadSeconds, insertSeconds, loadSeconds - insertSeconds,
                runtimeBefore, runtimeLoaded);

        Map<String, Long> seqLoaded = settledSeqScans();
        List<Double> after = new ArrayList<>();
        List<String> loadAfter = new ArrayList<>();
        for (int r = 0; r < GROWTH_ROUNDS; r++) {
            RoundResult result = engineRound(false, CASES_PER_ROUND);
            after.add(CASES_PER_ROUND * steps / result.seconds);
            loadAfter.add(loadAverage());
            log("growth round %d, %,d finished cases in the history: %.1f steps/s (%.1f s; load average %s)", r + 1,
                    finishedAfter + (long) r * CASES_PER_ROUND, after.get(r), result.seconds, loadAfter.get(r));
        }
        Map<String, Long> seqScansAfter = delta(seqLoaded, settledSeqScans());
        Map<String, Long> runtimeAfter = counts(RUNTIME_TABLES);
        log("growth: sequential scans of act_* tables during the rounds, small history %s; large history %s",
                seqScansBefore, seqScansAfter);
        log("growth: runtime rows after the rounds with the large history %s", runtimeAfter);
        for (String t : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_identitylink")) {
            assertThat(runtimeLoaded.get(t)).as("%s: rows after the history load", t).isEqualTo(runtimeBefore.get(t));
            assertThat(runtimeAfter.get(t)).as("%s: rows after %d more finished cases", t,
                    GROWTH_ROUNDS * CASES_PER_ROUND).isEqualTo(runtimeBefore.get(t));
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from act_ru_execution e
                where exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = e.proc_inst_id_
                              and p.end_time_ is not null)""", Long.class)).as("runtime rows of finished instances")
                .isZero();

        double ratio = Stats.median(after) / Stats.median(before);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", "bare rounds (event publication off: the engine, case tables and HTTP, no rollup consumer), "
                + "before and after loading the history tables with finished cases");
        m.put("casesPerRound", CASES_PER_ROUND);
        m.put("stepsPerCase", steps);
        m.put("stepsPerSecondBefore", Stats.summary(before));
        m.put("stepsPerSecondAfter", Stats.summary(after));
        m.put("loadAverageAfterRounds", Map.of("smallHistory", loadBefore, "largeHistory", loadAfter));
        m.put("finishedCasesBefore", finishedBefore);
        m.put("finishedCasesAfter", finishedAfter);
        m.put("templateCases", roots.size());
        m.put("copies", copies);
        m.put("rowsPerCase", rowsPerTemplateCase);
        m.put("tables", tables);
        m.put("suffixedColumns", load.suffixedColumns());
        m.put("loadSeconds", Stats.round(loadSeconds));
        m.put("insertSeconds", Stats.round(insertSeconds));
        m.put("runtimeRows", Map.of("beforeLoad", runtimeBefore, "afterLoad", runtimeLoaded, "afterRounds",
                runtimeAfter));
        m.put("seqScansDuringRounds", Map.of("smallHistory", seqScansBefore, "largeHistory", seqScansAfter));
        m.put("ratio", Stats.round(ratio));
        m.put("goal", "steps/s with the large history / steps/s with the small one >= 0.8");
        m.put("met", ratio >= 0.8);
        results.put("growth", m);
        row(String.format("8 growth: steps/s with %,d finished cases in history", finishedAfter), after,
                String.format("%,d finished: %.1f; ratio %.2f; load %.0f s", finishedBefore, Stats.median(before),
                        ratio, loadSeconds), "ratio ≥ 0.8: " + (ratio >= 0.8 ? "met" : "MISSED"));
    }

    static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
    }

    /** Finished cases in Camunda's history: finished root process instances. */
    long finishedCases() {
        return jdbc.queryForObject("select count(*) from act_hi_procinst where id_ = root_proc_inst_id_ "
                + "and end_time_ is not null", Long.class);
    }

    Map<String, Long> counts(List<String> tables) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        return m;
    }

    /**
     * Sequential scans so far of each engine table, once every backend has published its own counters: a backend
     * publishes them at most once a second, and one that went idle within that second only 10 s later
     * (PostgreSQL's {@code PGSTAT_IDLE_INTERVAL}); read at once after a phase, the growth benchmark's own counting
     * queries after the load showed up as scans "during the rounds" with the large history. Settled: unchanged over
     * 11 s.
     */
    Map<String, Long> settledSeqScans() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(seqScans());
        try {
            await("sequential scan counters settled").pollDelay(Duration.ofSeconds(11))
                    .pollInterval(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(60))
                    .until(() -> last.getAndSet(seqScans()).equals(last.get()));
        } catch (org.awaitility.core.ConditionTimeoutException stillMoving) {
            log("growth: sequential scan counters still moving after 60 s (the engine's own work); read as they are");
        }
        return last.get();
    }

    Map<String, Long> seqScans() {
        Map<String, Long> m = new TreeMap<>();
        jdbc.query("select relname, seq_scan from pg_stat_user_tables where relname like 'act\\_%'",
                rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }

    static Map<String, Long> delta(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> m = new TreeMap<>();
        to.forEach((k, v) -> {
            long d = v - from.getOrDefault(k, 0L);
            if (d > 0) {
                m.put(k, d);
            }
        });
        return m;
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2: database ceiling

    void databaseCeiling() throws Exception {
        jdbc.execute("create table if not exists bench_commit (id bigserial primary key, "
                + "at timestamptz not null default clock_timestamp(), payload text not null)");
        List<Double> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            AtomicLong commits = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long end = System.nanoTime() + COMMIT_SECONDS * 1_000_000_000L;
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        jdbc.update("insert into bench_commit (payload) values (?)", "one row, one commit");
                        commits.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double perSecond = commits.get() / ((System.nanoTime() - start) / 1e9);
            rounds.add(perSecond);
            log("database round %d: %.0f commits/s", r + 1, perSecond);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", THREADS);
        m.put("what", "autocommit insert of one row through the app's connection pool (HikariCP)");
        m.put("commitsPerSecond", Stats.summary(rounds));
        @SuppressWarnings("unchecked")
        Map<String, Object> engine = (Map<String, Object>) results.get("engine");
        String ratio = "";
        if (engine != null) {
            double steps = (double) ((Map<?, ?>) engine.get("pipelineStepsPerSecond")).get("median");
            double bare = (double) ((Map<?, ?>) engine.get("bareStepsPerSecond")).get("median");
            double commits = Stats.median(rounds);
            m.put("pipelineStepsPerCommit", Stats.round(steps / commits));
            m.put("bareStepsPerCommit", Stats.round(bare / commits));
            m.put("goal", "pipeline steps/s / commits/s >= 0.003");
            m.put("met", steps / commits >= 0.003);
            ratio = String.format("steps/s ÷ commits/s: pipeline %.4f, bare %.4f", steps / commits, bare / commits);
        }
        results.put("database", m);
        Object met = m.get("met");
        row("2 database: commits/s, 1-row insert", rounds, ratio,
                met == null ? "reported" : "pipeline ≥ 0.003: " + (Boolean.TRUE.equals(met) ? "met" : "MISSED"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // 5: freshness under sustained load at half the pipeline's rate

    void freshness() throws Exception {
        double rate = Double.isNaN(engineCasesPerSecond)
                ? Double.parseDouble(System.getProperty("hoso.bench.freshness-rate", "5"))
                : engineCasesPerSecond / 2;
        EventPublication.set(caseFlow, true);
        ConcurrentHashMap<String, ConcurrentLinkedQueue<long[]>> pending = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> watchRollup(pending, latencies), 0, 5, TimeUnit.MILLISECONDS);

        log("freshness: %.2f cases/s (%.1f steps/s) for %d s", rate, rate * STEPS.length, FRESHNESS_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger started = new AtomicInteger();
        List<Future<?>> cases = Collections.synchronizedList(new ArrayList<>());
        long periodMicros = (long) (1_000_000 / rate);
        pacer.scheduleAtFixedRate(() -> {
            int i = started.getAndIncrement();
            cases.add(pool.submit(() -> driveCase(routes.get(i % routes.size()), (caseId, segments, nanos) ->
                    pending.computeIfAbsent(caseId, k -> new ConcurrentLinkedQueue<>()).add(new long[] {segments, nanos}))));
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        pacer.schedule(pacer::shutdown, FRESHNESS_SECONDS, TimeUnit.SECONDS); // ends the periodic starts
        pacer.awaitTermination(FRESHNESS_SECONDS + 10L, TimeUnit.SECONDS);
        List<Future<?>> all;
        synchronized (cases) {
            all = new ArrayList<>(cases);
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        await("every segment-closing step seen in the rollup").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20)).until(() -> pending.values().stream().allMatch(Queue::isEmpty));
        watcher.shutdown();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
        List<Double> ms = new ArrayList<>(latencies);
        double p50 = Stats.percentile(ms, 50);
        double p99 = Stats.percentile(ms, 99);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rateCasesPerSecond", Stats.round(rate));
        m.put("rateStepsPerSecond", Stats.round(rate * STEPS.length));
        m.put("seconds", FRESHNESS_SECONDS);
        m.put("cases", all.size());
        m.put("samples", ms.size());
        m.put("what", "from the HTTP response of a segment-closing step (committed) to its segment in rollup_segment "
                + "(same transaction as rollup_daily); polled every 5 ms");
        m.put("p50Ms", Stats.round(p50));
        m.put("p95Ms", Stats.round(Stats.percentile(ms, 95)));
        m.put("p99Ms", Stats.round(p99));
        m.put("maxMs", Stats.round(Stats.max(ms)));
        m.put("goal", "p99 < 1000 ms");
        m.put("met", p99 < 1000);
        results.put("freshness", m);
        table.add(new String[] {"5 freshness: step commit → rollup",
                String.format("p50 %.0f ms, p99 %.0f ms", p50, p99),
                String.format("%d samples at %.1f cases/s", ms.size(), rate), "p99 < 1 s: " + (p99 < 1000 ? "met" : "MISSED")});
    }

    /** One look at the rollup: the pending steps whose segment is there now get their latency. */
    void watchRollup(ConcurrentHashMap<String, ConcurrentLinkedQueue<long[]>> pending, List<Double> latencies) {
        List<String> ids = pending.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select case_id, count(*) from rollup_segment where case_id = any(string_to_array(?, ',')) "
                + "group by case_id", rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
        }, String.join(",", ids));
        long now = System.nanoTime();
        for (String id : ids) {
            int seen = counts.getOrDefault(id, 0);
            ConcurrentLinkedQueue<long[]> q = pending.get(id);
            for (long[] p : q) {
                if (p[0] <= seen && q.remove(p)) {
                    latencies.add((now - p[1]) / 1e6);
                }
            }
            if (q.isEmpty()) {
                pending.remove(id, q);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // 3: rollup ingest from a pre-filled topic

    void ingest() throws Exception {
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        MessageListenerContainer container = listeners.getListenerContainer("hoso-rollup");
        // 9-event cases in INGEST_YEAR over the communes of that year
        List<String[]> pairs = new ArrayList<>();
        LocalDate day = LocalDate.of(INGEST_YEAR, 6, 1);
        for (Unit c : units.unitsOn(day, Tier.COMMUNE, null)) {
            units.unitOn(c.parentCode(), day).filter(d -> d.tier() == Tier.DISTRICT)
                    .ifPresent(d -> pairs.add(new String[] {c.code(), d.code()}));
        }
        // warm-up, as the bare consumer below has its first round: the rollup's consumers apply other cases first,
        // so that the timed part does not run on code the JIT has not compiled yet
        long warmup = produceCases(bootstrap, pairs, INGEST_WARMUP_EVENTS, 62);
        awaitCaughtUp(bootstrap, Duration.ofMinutes(5));
        log("ingest: warm-up, %d events applied", warmup);
        // the rollup's consumers alone, as the bare consumer runs alone: the topic's other listeners (the
        // applicants' notifications) wait until the end of this benchmark
        List<MessageListenerContainer> others = listeners.getListenerContainers().stream()
                .filter(c -> c != container && !c.isPauseRequested()).toList();
        others.forEach(MessageListenerContainer::pause);

        // rounds, as the bare consumer has: each round puts new cases on the topic while the consumers are paused,
        // then times them applying the backlog; the first round's events are the bare consumer's too
        List<Double> rates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int round = 0; round < INGEST_ROUNDS; round++) {
            container.pause();
            // paused for real: every consumer has finished its in-flight batch
            await("rollup consumers paused").atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            Map<TopicPartition, Long> startOffsets = endOffsets(bootstrap);
            long fillStart = System.nanoTime();
            produceCases(bootstrap, pairs, INGEST_EVENTS, 61 + 2L * round);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            Map<TopicPartition, Long> endOffsets = endOffsets(bootstrap);
            long total = 0;
            for (var e : endOffsets.entrySet()) {
                total += e.getValue() - startOffsets.getOrDefault(e.getKey(), 0L);
            }
            log("ingest round %d: %d events on the topic in %.1f s", round + 1, total, fillSeconds);

            if (round == 0) {
                // baseline: a bare consumer reading and parsing the same records; three rounds, as the first one
                // runs on code the JIT has not compiled yet (it was the slower of two in every run of 2026-12-03)
                for (int r = 0; r < 3; r++) {
                    long compiledBefore = jitMillis();
                    rawRates.add(rawRead(bootstrap, startOffsets, endOffsets, total));
                    log("ingest baseline round %d: %.0f records/s read and parsed (JIT compiling %d ms meanwhile)",
                            r + 1, rawRates.get(r), jitMillis() - compiledBefore);
                }
            }

            long base = appliedOffsets();
            long events = total;
            List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
            long compiledBefore = jitMillis();
            long start = System.nanoTime();
            container.resume();
            await("ingest of " + events + " events").atMost(Duration.ofMinutes(15)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        long done = appliedOffsets() - base;
                        progress.add(new long[] {System.nanoTime() - start, done});
                        return done >= events;
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            // the JIT's compiler threads share the cores: time spent compiling is time the code did not have
            long compileMillis = jitMillis() - compiledBefore;
            assertThat(appliedOffsets()).isGreaterThanOrEqualTo(base + total);
            double rate = total / seconds;
            rates.add(rate);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("events", total);
            r.put("fillSeconds", Stats.round(fillSeconds));
            r.put("seconds", Stats.round(seconds));
            r.put("eventsPerSecond", Stats.round(rate));
            r.put("eventsPerSecondPerTenth", Stats.summary(tenths(progress, total)));
            r.put("jitCompileMillis", compileMillis);
            rounds.add(r);
            log("ingest round %d: %d events in %.1f s, %.0f events/s (JIT compiling %d ms meanwhile)", round + 1,
                    events, seconds, rate, compileMillis);
        }
        others.forEach(MessageListenerContainer::resume);

        double overall = Stats.median(rates);
        double ratio = overall / Stats.median(rawRates);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventsPerRound", INGEST_EVENTS);
        m.put("eventsPerSecond", Stats.summary(rates));
        m.put("rounds", rounds);
        m.put("baselineBareConsumerRecordsPerSecond", Stats.summary(rawRates));
        m.put("ratioToBareConsumer", Stats.round(ratio));
        m.put("consumerConcurrency", System.getProperty("hoso.rollup.concurrency", "2 (default)"));
        m.put("otherListenersPaused", others.stream().map(MessageListenerContainer::getListenerId).toList());
        m.put("goal", ">= 20000 events/s and >= 0.5 of the bare consumer (medians of the rounds)");
        m.put("met", overall >= 20_000 && ratio >= 0.5);
        results.put("ingest", m);
        table.add(new String[] {"3 ingest: events/s into read model",
                String.format("%.0f (rounds %s)", overall, Stats.spread(rates)),
                String.format("bare consumer %.0f/s; ratio %.2f", Stats.median(rawRates), ratio),
                "≥ 20,000/s and ≥ 0.5: " + (overall >= 20_000 && ratio >= 0.5 ? "met" : "MISSED")});
    }

    /** Puts whole 9-event cases on the topic until at least {@code count} events; returns how many. */
    long produceCases(String bootstrap, List<String[]> pairs, long count, long seed) throws Exception {
        long produced = 0;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (BenchEvents events = new BenchEvents(bootstrap, seed);
             KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            int i = 0;
            while (produced < count) {
                String[] pair = pairs.get(i++ % pairs.size());
                for (String value : events.nextCase(INGEST_YEAR, pair[0], pair[1])) {
                    producer.send(new ProducerRecord<>(TOPIC, BenchEvents.caseId(value), value));
                    produced++;
                }
            }
            producer.flush();
        }
        return produced;
    }

    /** Time the JIT's compiler threads have spent compiling since the JVM started (summed over threads). */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    long appliedOffsets() {
        Long sum = jdbc.queryForObject("select coalesce(sum(next_offset), 0) from rollup_offset where topic = ?",
                Long.class, TOPIC);
        return sum == null ? 0 : sum;
    }

    void awaitCaughtUp(String bootstrap, Duration atMost) {
        long end = endOffsets(bootstrap).values().stream().mapToLong(Long::longValue).sum();
        await("rollup consumers caught up").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> appliedOffsets() >= end);
    }

    Map<TopicPartition, Long> endOffsets(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(TOPIC)) {
                partitions.add(new TopicPartition(TOPIC, p.partition()));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    double rawRead(String bootstrap, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, long total)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        long read = 0;
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(to.keySet());
            for (TopicPartition tp : to.keySet()) {
                consumer.seek(tp, from.getOrDefault(tp, 0L));
            }
            while (read < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bare consumer: " + read + " of " + total + " after 10 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        JsonNode node = mapper.readTree(record.value());
                        if (node.path("id").isMissingNode()) {
                            throw new IllegalStateException("record without id");
                        }
                        read++;
                    }
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

    KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 7: the relay alone, from a backlog in the outbox, against a bare producer

    /**
     * The outbox is filled with {@code RELAY_EVENTS} events (benchmark 4's 10-event cases of {@code RELAY_YEAR}, with
     * their outbox and relay-position rows, as appends write them) while this node's relay is stopped and every
     * listener of the topic paused; then the relay is started and timed until it has marked them all sent. Baseline:
     * a bare {@code KafkaProducer} with the relay's producer settings (acks=all, idempotent, linger 5 ms, 128 KiB
     * batches) sending the same number of records, copied from what the relay put on the topic, to a topic with the
     * same partitions. Runs last: the listeners stay paused.
     */
    void relay() throws Exception {
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        var relay = context.getBean("caseEventRelay", org.springframework.context.SmartLifecycle.class);
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        Long pending = jdbc.queryForObject("select count(*) from case_event_outbox", Long.class);
        await("the outbox empty before the fill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("select count(*) from case_event_outbox", Long.class) == 0);
        relay.stop();

        long cases = RELAY_EVENTS / QueryLoad.EVENTS_PER_CASE;
        long t = System.nanoTime();
        new QueryLoad(jdbc, units, RELAY_YEAR, QueryLoad.RELAY_PREFIX).insertEvents(0, cases);
        // as the appends queue them: with the record value each append wrote
        vn.hoso.events.BenchOutbox.queue(jdbc, QueryLoad.RELAY_PREFIX, 5_000);
        jdbc.update("insert into case_event_relay (case_id, sent_seq) select distinct case_id, 0 from case_event"
                + " where case_id like ?", QueryLoad.RELAY_PREFIX + "%");
        jdbc.execute("vacuum analyze case_event_outbox");
        jdbc.execute("vacuum analyze case_event_relay");
        jdbc.execute("vacuum analyze case_event");
        double fillSeconds = (System.nanoTime() - t) / 1e9;
        long backlog = jdbc.queryForObject("select count(*) from case_event_outbox", Long.class);
        assertThat(backlog).isEqualTo(cases * QueryLoad.EVENTS_PER_CASE);
        log("relay: %,d events in the outbox in %.0f s (%d pending before)", backlog, fillSeconds, pending);

        Map<TopicPartition, Long> before = endOffsets(bootstrap);
        Map<String, Double> phasesBefore = relayPhases();
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        relay.start();
        await("relay of " + backlog + " events").atMost(Duration.ofMinutes(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    long left = jdbc.queryForObject("select count(*) from (select 1 from case_event_outbox limit ?) o",
                            Long.class, backlog);
                    progress.add(new long[] {System.nanoTime() - start, backlog - left});
                    return left == 0;
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = backlog / seconds;
        Map<TopicPartition, Long> after = endOffsets(bootstrap);
        long onTopic = 0;
        for (var e : after.entrySet()) {
            onTopic += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        assertThat(onTopic).as("records the relay put on the topic").isEqualTo(backlog);
        List<Double> tenths = tenths(progress, backlog);
        Map<String, Double> phases = new LinkedHashMap<>();
        relayPhases().forEach((phase, total) -> phases.put(phase, Stats.round(total - phasesBefore.getOrDefault(phase, 0.0))));
        log("relay: %,d events in %.1f s, %.0f events/s; seconds per phase %s", backlog, seconds, rate, phases);

        List<ProducerRecord<byte[], byte[]>> sample = sampleRecords(bootstrap, before, 20_000);
        List<Double> bare = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            bare.add(bareProducer(bootstrap, sample, backlog, after.size(), r));
            log("relay baseline round %d: bare producer %.0f records/s", r + 1, bare.get(r));
        }
        double bareMedian = Stats.median(bare);
        boolean met = rate >= 20_000 && rate / bareMedian >= 0.3;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", backlog);
        m.put("fillSeconds", Stats.round(fillSeconds));
        m.put("seconds", Stats.round(seconds));
        m.put("eventsPerSecond", Stats.round(rate));
        m.put("eventsPerSecondPerTenth", Stats.summary(tenths));
        m.put("secondsPerPhase", phases);
        m.put("relayBatchSize", context.getEnvironment().getProperty("hoso.events.relay.batch-size", "2000 (default)"));
        m.put("baselineBareProducerRecordsPerSecond", Stats.summary(bare));
        m.put("baselineSampleRecords", sample.size());
        m.put("baselineMeanRecordBytes", Stats.round(sample.stream().mapToInt(r -> r.value().length).average().orElse(0)));
        m.put("ratioToBareProducer", Stats.round(rate / bareMedian));
        m.put("goal", ">= 20000 events/s and >= 0.3 of the bare producer");
        m.put("met", met);
        results.put("relay", m);
        table.add(new String[] {"7 relay: events/s from a backlog of " + String.format("%,d", backlog),
                String.format("%.0f (tenths %s)", rate, Stats.spread(tenths)),
                String.format("bare producer %.0f/s; ratio %.2f", bareMedian, rate / bareMedian),
                "≥ 20,000/s and ≥ 0.3: " + (met ? "met" : "MISSED")});
    }

    /** Seconds the relays have spent in each phase of their passes so far. */
    Map<String, Double> relayPhases() {
        Map<String, Double> phases = new TreeMap<>();
        meters.find("hoso.events.relay.phase").timers().forEach(timer -> phases.merge(timer.getId().getTag("phase"),
                timer.totalTime(TimeUnit.SECONDS), Double::sum));
        return phases;
    }

    /** The rate over each tenth of {@code total}, from (nanos since start, done) samples. */
    static List<Double> tenths(List<long[]> progress, long total) {
        List<Double> windows = new ArrayList<>();
        long prevT = 0;
        long prevN = 0;
        for (int k = 1; k <= 10; k++) {
            long threshold = total * k / 10;
            for (long[] p : progress) {
                if (p[1] >= threshold) {
                    if (p[0] > prevT) {
                        windows.add((p[1] - prevN) / ((p[0] - prevT) / 1e9));
                    }
                    prevT = p[0];
                    prevN = p[1];
                    break;
                }
            }
        }
        return windows;
    }

    /** Up to {@code max} records (key, value, headers) that the relay sent, read back from the topic. */
    List<ProducerRecord<byte[], byte[]>> sampleRecords(String bootstrap, Map<TopicPartition, Long> from, int max) {
        List<ProducerRecord<byte[], byte[]>> sample = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (sample.size() < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (sample.size() < max) {
                        sample.add(new ProducerRecord<>("bench-relay-bare", null, r.key(), r.value(), r.headers()));
                    }
                }
            }
        }
        assertThat(sample).isNotEmpty();
        return sample;
    }

    /** Records/s of a bare producer with the relay's settings sending {@code count} records cycling over the sample. */
    double bareProducer(String bootstrap, List<ProducerRecord<byte[], byte[]>> sample, long count, int partitions,
                        int round) throws Exception {
        String topic = "bench-relay-bare-" + round;
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            await("metadata of " + topic).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> producer.partitionsFor(topic).size() == partitions);
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                ProducerRecord<byte[], byte[]> r = sample.get((int) (i % sample.size()));
                producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()), (md, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(failed.get()).as("bare producer failures").isZero();
            return count / seconds;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // 4: rollup query against aggregating the raw event log

    void query() throws Exception {
        QueryLoad load = new QueryLoad(jdbc, units, QUERY_YEAR);
        long cases = QUERY_EVENTS / QueryLoad.EVENTS_PER_CASE;
        long tenth = cases / 10;
        Map<String, Object> m = new LinkedHashMap<>();
        // the same year at a tenth of the events, then at all of them: the read model must not grow with the log
        m.put("load1", load.fill(0, tenth));
        Map<String, Map<String, Object>> small = timeQueries(load, "1/10");
        m.put("atOneTenth", small);
        m.put("load2", load.fill(tenth, cases));
        Map<String, Map<String, Object>> full = timeQueries(load, "all");
        m.put("atAll", full);
        for (String name : List.of("tiers", "units")) {
            Map<String, Object> a = small.get(name), b = full.get(name);
            double httpP95 = (double) b.get("httpP95Ms");
            double speedup = (double) b.get("rawSqlP50Ms") / (double) b.get("httpP50Ms");
            double growth = httpP95 / (double) a.get("httpP95Ms");
            double inProcessGrowth = (double) b.get("inProcessP95Ms") / (double) a.get("inProcessP95Ms");
            boolean met = httpP95 < 50 && speedup >= 100 && growth <= 1.3;
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("httpP95Ms", httpP95);
            verdict.put("speedupP50VsRawSql", Stats.round(speedup));
            verdict.put("p95GrowthOneTenthToAll", Stats.round(growth));
            verdict.put("inProcessP95GrowthOneTenthToAll", Stats.round(inProcessGrowth));
            verdict.put("goal", "GET p95 < 50 ms, >= 100x faster than the raw aggregation, p95 at all events <= 1.3x"
                    + " p95 at a tenth");
            verdict.put("met", met);
            m.put(name, verdict);
            table.add(new String[] {"4 query: GET /api/rollups/" + name + " (year, " + String.format("%,d", QUERY_EVENTS)
                    + " events)", String.format("p50 %.1f ms, p95 %.1f ms (in process p95 %.1f)", b.get("httpP50Ms"),
                    httpP95, b.get("inProcessP95Ms")),
                    String.format("raw SQL p50 %.0f ms: %.0f×; p95 at 1/10 of the events %.1f ms: growth %.2f×",
                            b.get("rawSqlP50Ms"), speedup, a.get("httpP95Ms"), growth),
                    "p95 < 50 ms, ≥ 100×, growth ≤ 1.3: " + (met ? "met" : "MISSED")});
        }
        Map<String, List<String>> plans = load.readModelPlans();
        m.put("readModelPlans", plans);
        for (var e : plans.entrySet()) {
            log("query plan %s: %s", e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        results.put("query", m);
    }

    /**
     * The tier and unit rollups of the year: checked equal to the raw log, then timed over HTTP as an auditor (what
     * users call) and in process (RollupQueries, without HTTP, authentication, access filtering and JSON), against
     * the raw aggregation.
     */
    Map<String, Map<String, Object>> timeQueries(QueryLoad load, String size) {
        LocalDate from = LocalDate.of(QUERY_YEAR, 1, 1);
        LocalDate to = LocalDate.of(QUERY_YEAR, 12, 31);
        Map<String, long[]> raw = load.rawTiers();
        for (RollupQueries.TierFigures row : rollups.tiers(from, to)) {
            long[] expected = raw.getOrDefault(row.tier().name(), new long[2]);
            assertThat(new long[] {row.segments(), row.processedOnline()})
                    .as("tier %s: rollup vs raw log", row.tier()).containsExactly(expected);
        }
        Map<String, long[]> rawUnits = load.rawUnits();
        Map<String, long[]> rollupUnits = new TreeMap<>();
        for (RollupQueries.UnitFigures u : rollups.units(from, to)) {
            if (u.segments() > 0) {
                long[] c = rollupUnits.computeIfAbsent(u.tier() + "/" + u.unitCode(), k -> new long[2]);
                c[0] += u.segments();
                c[1] += u.processedOnline();
            }
        }
        assertThat(rollupUnits.keySet()).as("units with segments: rollup vs raw log").isEqualTo(rawUnits.keySet());
        rollupUnits.forEach((k, v) -> assertThat(v).as("unit %s: rollup vs raw log", k).containsExactly(rawUnits.get(k)));

        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        String period = "from=" + from + "&to=" + to;
        for (String name : List.of("tiers", "units")) {
            Supplier<List<?>> inProcess = name.equals("tiers") ? () -> rollups.tiers(from, to) : () -> rollups.units(from, to);
            Runnable overHttp = () -> {
                var response = http.get("/api/rollups/" + name + "?" + period, "auditor");
                assertThat(response.statusCode()).isEqualTo(200);
            };
            for (int i = 0; i < 5; i++) {
                inProcess.get(); // warm-up
                overHttp.run();
            }
            List<Double> httpMs = new ArrayList<>();
            List<Double> inProcessMs = new ArrayList<>();
            for (int i = 0; i < QUERY_REQUESTS; i++) {
                long t = System.nanoTime();
                overHttp.run();
                httpMs.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                assertThat(inProcess.get()).isNotEmpty();
                inProcessMs.add((System.nanoTime() - t) / 1e6);
            }
            List<Double> rawMs = new ArrayList<>();
            for (int i = 0; i < RAW_ROUNDS; i++) {
                long t = System.nanoTime();
                if (name.equals("tiers")) {
                    load.rawTiers();
                } else {
                    load.rawUnits();
                }
                rawMs.add((System.nanoTime() - t) / 1e6);
            }
            double[] sql = load.readModelSqlMs(Math.max(5, QUERY_REQUESTS / 5));
            int k = name.equals("tiers") ? 0 : 2;
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("events", size);
            q.put("httpP50Ms", Stats.round(Stats.percentile(httpMs, 50)));
            q.put("httpP95Ms", Stats.round(Stats.percentile(httpMs, 95)));
            q.put("httpMaxMs", Stats.round(Stats.max(httpMs)));
            q.put("inProcessP50Ms", Stats.round(Stats.percentile(inProcessMs, 50)));
            q.put("inProcessP95Ms", Stats.round(Stats.percentile(inProcessMs, 95)));
            q.put("calls", httpMs.size());
            q.put("readModelSqlOnlyP50Ms", Stats.round(sql[k]));
            q.put("readModelSqlOnlyP95Ms", Stats.round(sql[k + 1]));
            q.put("rawSqlP50Ms", Stats.round(Stats.percentile(rawMs, 50)));
            q.put("rawSqlRoundsMs", rawMs.stream().map(Stats::round).toList());
            q.put("readModelRows", load.readModelRows());
            out.put(name, q);
            log("query %s at %s of the events: GET p50 %.1f p95 %.1f ms; in process p50 %.1f p95 %.1f ms; its SQL p50"
                    + " %.1f ms; raw p50 %.0f ms", name, size, q.get("httpP50Ms"), q.get("httpP95Ms"),
                    q.get("inProcessP50Ms"), q.get("inProcessP95Ms"), sql[k], q.get("rawSqlP50Ms"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------

    Map<String, Object> machine() throws IOException {
        Map<String, Object> m = Stats.machine();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("postgres", jdbc.queryForObject("select version()", String.class));
        m.put("infrastructure", "embedded PostgreSQL (zonky, separate processes) and Kafka KRaft broker "
                + "(in the JVM of the app and the benchmark driver)");
        return m;
    }

    static Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", THREADS);
        m.put("rounds", ROUNDS);
        m.put("casesPerRound", CASES_PER_ROUND);
        m.put("warmupCases", WARMUP_CASES);
        m.put("warmupJitShare", WARMUP_JIT_SHARE);
        m.put("warmupMaxSeconds", WARMUP_MAX_SECONDS);
        m.put("commitSeconds", COMMIT_SECONDS);
        m.put("ingestEvents", INGEST_EVENTS);
        m.put("ingestWarmupEvents", INGEST_WARMUP_EVENTS);
        m.put("ingestRounds", INGEST_ROUNDS);
        m.put("queryEvents", QUERY_EVENTS);
        m.put("queryRequests", QUERY_REQUESTS);
        m.put("rawRounds", RAW_ROUNDS);
        m.put("freshnessSeconds", FRESHNESS_SECONDS);
        m.put("relayEvents", RELAY_EVENTS);
        m.put("growthRounds", GROWTH_ROUNDS);
        m.put("growthCases", GROWTH_CASES);
        m.put("growthCasesPerStatement", GROWTH_CASES_PER_STATEMENT);
        m.put("only", ONLY);
        return m;
    }

    static void row(String figure, List<Double> rounds, String baseline, String goal) {
        table.add(new String[] {figure, String.format("%.1f (%s)", Stats.median(rounds), Stats.spread(rounds)), baseline,
                goal});
    }

    static String toJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }
}
