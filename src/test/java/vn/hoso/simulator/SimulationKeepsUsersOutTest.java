package vn.hoso.simulator;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.cases.CaseDriver;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.RecordedEvent;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * While a simulation moves the engine's clock into the past, the app serves no users: a user's intake and a user's
 * step are answered 503 (problem+json, Retry-After) and change nothing, readiness is DOWN and liveness UP; afterwards
 * readiness is UP again and the same step is recorded at the wall-clock time. The simulation is the command-line one
 * ({@link SimulatorRunner} with {@code run=true}), for August 2021 at two communes of Thanh Miện no other test uses.
 */
@IntegrationTest
class SimulationKeepsUsersOutTest {

    static final String USERS_UNIT = "10525"; // Phường Hải Dương, a unit of today

    @LocalServerPort
    int port;
    @Autowired
    Simulations simulations;
    @Autowired
    BusinessClock clock;
    @Autowired
    Maintenance maintenance;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    CaseEventLog eventLog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUsersRequestsDuringTheSimulationAreRefusedAndChangeNothing() throws Exception {
        Http http = new Http(port);
        CaseDriver driver = new CaseDriver(http, taskService);
        assertThat(readiness(http).statusCode()).isEqualTo(200);
        String caseId = driver.receive(procedure("BIRTH_REG", USERS_UNIT, "IN_PERSON"));
        Task receive = driver.task(caseId, RECEIVE);
        int events = eventLog.eventsOf(caseId).size();
        long cases = casesOfTheUsersUnit();

        SimulatorProperties commandLine = new SimulatorProperties(true, LocalDate.of(2021, 8, 2),
                LocalDate.of(2021, 8, 13), 5, 24, List.of("11254", "11257"), Map.of(), Map.of(), false, false, 250, 3);
        SimulatorRunner runner = new SimulatorRunner(commandLine, simulations, clock, maintenance, context);
        runner.start(); // as the context starts it, before the web server
        assertThat(readiness(http).statusCode()).isEqualTo(503);
        CompletableFuture<Void> simulation = CompletableFuture.runAsync(() -> runner.run(null));

        HttpResponse<String> intake = driver.post(procedure("BIRTH_REG", USERS_UNIT, "IN_PERSON"),
                "officer." + USERS_UNIT);
        assertRefused(intake);
        assertRefused(driver.tryComplete(caseId, RECEIVE, "officer." + USERS_UNIT, Map.of("mode", "ELECTRONIC")));
        assertRefused(http.get("/api/cases/" + caseId, "officer." + USERS_UNIT));
        assertRefused(http.get("/api/units", null)); // before authentication
        assertRefused(http.get("/camunda/app/tasklist/", null));
        assertRefused(http.get("/actuator/health/../../api/units", null)); // the path as the servlet sees it
        HttpResponse<String> readiness = readiness(http);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(Http.json(readiness).path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        HttpResponse<String> liveness = http.get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(Http.json(liveness).path("status").asText()).isEqualTo("UP");
        assertThat(simulation).as("all of it was answered while the simulation ran").isNotDone();

        simulation.get(5, TimeUnit.MINUTES);
        assertThat(maintenance.reason()).isEmpty();
        assertThat(readiness(http).statusCode()).isEqualTo(200);
        assertThat(Http.json(readiness(http)).path("status").asText()).isEqualTo("UP");

        // nothing the user sent was stored: no new case, the step still open, the case's log as it was
        assertThat(casesOfTheUsersUnit()).isEqualTo(cases);
        assertThat(driver.task(caseId, RECEIVE).getId()).isEqualTo(receive.getId());
        assertThat(eventLog.eventsOf(caseId)).hasSize(events);

        // the same step now: recorded at the wall-clock time, not at a simulated one
        Instant before = Instant.now();
        driver.complete(caseId, RECEIVE, "officer." + USERS_UNIT, Map.of("mode", "ELECTRONIC"));
        RecordedEvent step = eventLog.eventsOf(caseId).stream()
                .filter(e -> e.type().endsWith("step.completed")).findFirst().orElseThrow();
        assertThat(step.time().toInstant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(503);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).contains("lịch sử mô phỏng", "simulated history");
    }

    private static HttpResponse<String> readiness(Http http) {
        return http.get("/actuator/health/readiness", null);
    }

    private long casesOfTheUsersUnit() {
        Long n = jdbc.queryForObject("select count(*) from case_file where receiving_unit = ?", Long.class,
                USERS_UNIT);
        return n == null ? 0 : n;
    }
}
