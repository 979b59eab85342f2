package vn.hoso.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The maintenance state and its gate, without a server: readiness, nesting, requests in flight, the probes. */
@Tag("fast")
class MaintenanceTest {

    static final Maintenance.Reason LOADING = new Maintenance.Reason("Đang nạp. Loading.", Duration.ofSeconds(7));

    final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    final List<ReadinessState> published = new ArrayList<>();
    final ApplicationEventPublisher events = event -> {
        if (event instanceof AvailabilityChangeEvent<?> change) {
            availability.onApplicationEvent(change);
            if (change.getState() instanceof ReadinessState state) {
                published.add(state);
            }
        }
    };

    private Maintenance maintenance(Duration drainTimeout) {
        return new Maintenance(events, availability, drainTimeout);
    }

    private void ready() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        published.clear();
    }

    @Test
    void aWindowRefusesTrafficAndLetsItInAgainWhenTheLastOneCloses() {
        ready();
        Maintenance maintenance = maintenance(Duration.ofSeconds(5));
        Maintenance.Window first = maintenance.begin(LOADING);
        Maintenance.Window second = maintenance.begin(LOADING);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(maintenance.enter()).isFalse();

        first.close();
        first.close(); // closing twice does not close the other window
        assertThat(maintenance.reason()).contains(LOADING);
        assertThat(maintenance.enter()).isFalse();

        second.close();
        assertThat(maintenance.reason()).isEmpty();
        assertThat(maintenance.enter()).isTrue();
        maintenance.leave();
        assertThat(published).containsExactly(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void atStartUpReadinessIsLeftToSpringBootAfterTheWindow() {
        Maintenance maintenance = maintenance(Duration.ofSeconds(5));
        try (Maintenance.Window ignored = maintenance.begin(LOADING)) {
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        }
        // not ready before the app has started: the window does not announce readiness by itself
        assertThat(published).containsExactly(ReadinessState.REFUSING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(maintenance.enter()).isTrue();
    }

    @Test
    void aWindowOpensOnlyOnceTheRequestsInFlightHaveFinished() {
        ready();
        Maintenance maintenance = maintenance(Duration.ofSeconds(30));
        assertThat(maintenance.enter()).isTrue(); // a user's request being served
        CompletableFuture<Maintenance.Window> window = CompletableFuture.supplyAsync(() -> maintenance.begin(LOADING));
        await().atMost(Duration.ofSeconds(5)).until(() -> maintenance.reason().isPresent());
        assertThat(maintenance.enter()).as("new requests are refused at once").isFalse();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !window.isDone());

        maintenance.leave();
        await().atMost(Duration.ofSeconds(5)).until(window::isDone);
        window.join().close();
        assertThat(maintenance.enter()).isTrue();
    }

    @Test
    void aRequestThatNeverEndsDelaysTheWindowOnlyUntilTheDrainTimeout() {
        Maintenance maintenance = maintenance(Duration.ofMillis(200));
        assertThat(maintenance.enter()).isTrue();
        CompletableFuture<Maintenance.Window> window = CompletableFuture.supplyAsync(() -> maintenance.begin(LOADING));
        await().atMost(Duration.ofSeconds(5)).until(window::isDone);
        assertThat(maintenance.reason()).contains(LOADING);
    }

    @Test
    void theGateAnswers503WithRetryAfterButLetsTheHealthProbesThrough() throws Exception {
        Maintenance maintenance = maintenance(Duration.ofSeconds(5));
        MaintenanceGate gate = new MaintenanceGate(maintenance, new ObjectMapper());
        try (Maintenance.Window ignored = maintenance.begin(LOADING)) {
            for (String path : List.of("/api/cases", "/engine-rest/task/1/complete", "/dashboard/", "/actuator/info",
                    "/actuator/healthx")) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                MockFilterChain chain = new MockFilterChain();
                gate.doFilter(request("POST", path), response, chain);
                assertThat(response.getStatus()).as(path).isEqualTo(503);
                assertThat(chain.getRequest()).as(path + " reached nothing").isNull();
                assertThat(response.getHeader("Retry-After")).isEqualTo("7");
                assertThat(response.getContentType()).startsWith("application/problem+json");
                assertThat(response.getContentAsString()).contains("Loading.", "\"status\":503");
            }
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                MockFilterChain chain = new MockFilterChain();
                gate.doFilter(request("GET", path), response, chain);
                assertThat(chain.getRequest()).as(path).isNotNull();
            }
        }
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(request("POST", "/api/cases"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
