package vn.hoso.cases;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load, not timed: {@code hoso.load.clients} (50) concurrent HTTP clients each receive
 * {@code hoso.load.cases-per-client} (1 in the suite) birth registrations at one of ten communes through {@code POST /api/cases}
 * and work every step through the engine REST API as the unit's officer and leader (list the case's tasks,
 * complete the first; receive → appraise → approve → issue → return), a fixed number of cases. Asserts zero
 * errors (every answer 2xx, every case returned, every event chain valid, one received and one resolved event
 * per case) and prints throughput and latency percentiles. Run alone, bigger:
 * {@code mvn test -Dtest=IntakeLoadTest -Dhoso.load.clients=50 -Dhoso.load.cases-per-client=20}.
 */
@IntegrationTest
class IntakeLoadTest {

    static final String[] UNITS = {"10903", "10909", "10930", "10945", "10966", "10972", "10993", "10999", "11002",
            "11020"};
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void fiftyClientsReceiveAndWorkCasesWithoutAnError() throws Exception {
        int clients = Integer.getInteger("hoso.load.clients", 50);
        int perClient = Integer.getInteger("hoso.load.cases-per-client", 1);
        CaseDriver.clockAt("2026-05-12T09:00:00+07:00");
        long eventsBefore = jdbc.queryForObject("select count(*) from case_event", Long.class);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String unit = UNITS[c % UNITS.length];
            results.add(pool.submit(() -> {
                Http http = new Http(port);
                start.await();
                List<String> cases = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    String id = runCase(http, unit);
                    if (id != null) {
                        cases.add(id);
                    }
                }
                return cases;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<String> caseIds = new ArrayList<>();
        for (Future<List<String>> f : results) {
            caseIds.addAll(f.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String report = String.format(
                "LOAD %d clients, %d cases, %d requests in %.1f s: %.0f requests/s, %.1f cases/s; latency ms "
                        + "p50 %.0f, p95 %.0f, p99 %.0f, max %.0f; errors %d",
                clients, caseIds.size(), requests.get(), seconds, requests.get() / seconds, caseIds.size() / seconds,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 100), errors.size());
        System.out.println(report);
        assertThat(errors).as(report).isEmpty();
        assertThat(caseIds).hasSize(clients * perClient);

        // nothing lost: every case returned, its events complete and chained
        Http http = new Http(port);
        for (String id : caseIds) {
            JsonNode file = Http.json(http.get("/api/cases/" + id, "admin"));
            assertThat(file.path("status").asText()).as(id).isEqualTo("RETURNED");
            JsonNode verification = Http.json(http.get("/api/cases/" + id + "/events/verify", "admin"));
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        }
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) filter (where type = 'vn.hoso.case.received') as received,
                       count(*) filter (where type = 'vn.hoso.case.resolved') as resolved
                from case_event where case_id = any(?)""", (Object) caseIds.toArray(String[]::new));
        assertThat(counts).containsEntry("received", (long) caseIds.size()).containsEntry("resolved", (long) caseIds.size());
        assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isGreaterThan(eventsBefore);
    }

    /** One case from intake to the return of its result; null (and an error recorded) when anything fails. */
    private String runCase(Http http, String unit) {
        String officer = "officer." + unit;
        String leader = "leader." + unit;
        String body = "{\"kind\":\"PROCEDURE\",\"procedureCode\":\"BIRTH_REG\",\"receivingUnit\":\"" + unit + "\","
                + "\"channel\":\"ONLINE\",\"subject\":\"Đăng ký khai sinh (tải)\","
                + "\"applicant\":{\"name\":\"Phạm Thị Dung\",\"idNumber\":\"030095004321\"}}";
        HttpResponse<String> created = timed(() -> http.postJson("/api/cases", officer, body), 201, "intake");
        if (created == null) {
            return null;
        }
        String id = Http.json(created).get("caseId").asText();
        for (int step = 0; step < 12; step++) {
            String user = officer;
            HttpResponse<String> list = timed(() -> http.get("/engine-rest/task?processInstanceBusinessKey=" + id,
                    officer), 200, "tasks");
            if (list == null) {
                return null;
            }
            JsonNode tasks = Http.json(list);
            if (tasks.isEmpty()) {
                user = leader;
                HttpResponse<String> leaders = timed(() -> http.get("/engine-rest/task?processInstanceBusinessKey="
                        + id, leader), 200, "tasks");
                if (leaders == null) {
                    return null;
                }
                tasks = Http.json(leaders);
            }
            if (tasks.isEmpty()) {
                return id; // nothing left: the case is through
            }
            String taskId = tasks.get(0).get("id").asText();
            String as = user;
            if (timed(() -> http.postJson("/engine-rest/task/" + taskId + "/complete", as, "{}"), 204,
                    "complete " + tasks.get(0).path("taskDefinitionKey").asText()) == null) {
                return null;
            }
        }
        errors.add(id + ": still open after 12 steps");
        return null;
    }

    private HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> call, int expected,
                                       String what) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> response = call.get();
            latencies.add(System.nanoTime() - t);
            requests.incrementAndGet();
            if (response.statusCode() != expected) {
                errors.add(what + ": " + response.statusCode() + " " + response.body());
                return null;
            }
            return response;
        } catch (RuntimeException e) {
            requests.incrementAndGet();
            errors.add(what + ": " + e);
            return null;
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
