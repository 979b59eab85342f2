package vn.hoso.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 503 instead of 500 while the database is down: the filter's decisions. The probe's answer is fixed here (the probe
 * itself is tested against a port where nothing listens; the fault test {@code InfraOutageIT} stops a real PostgreSQL).
 */
@Tag("fast")
class DatabaseOutageFilterTest {

    private static final byte[] ENGINE_500 = "{\"type\":\"ProcessEngineException\",\"message\":\"boom\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = new ObjectMapper();

    private static final class FixedProbe extends DatabaseProbe {
        final boolean reachable;
        final boolean knownDown;
        final AtomicInteger asked = new AtomicInteger();

        FixedProbe(boolean reachable, boolean knownDown) {
            super(() -> details("jdbc:postgresql://127.0.0.1:1/none"), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Clock.systemUTC());
            this.reachable = reachable;
            this.knownDown = knownDown;
        }

        @Override
        public boolean reachableAfterFailure() {
            asked.incrementAndGet();
            return reachable;
        }

        @Override
        public boolean knownDown() {
            return knownDown;
        }
    }

    private static JdbcConnectionDetails details(String url) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "postgres";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    private MockHttpServletResponse run(DatabaseProbe probe, String path, FilterChain chain) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        var response = new MockHttpServletResponse();
        new DatabaseOutageFilter(probe, mapper, 5).doFilter(request, response, chain);
        return response;
    }

    private static FilterChain engineAnswers500() {
        return (req, res) -> {
            var http = (HttpServletResponse) res;
            http.setStatus(500);
            http.setContentType("application/json");
            http.setContentLength(ENGINE_500.length);
            http.getOutputStream().write(ENGINE_500);
        };
    }

    @Test
    void anEngine500WhileTheDatabaseIsDownBecomesA503Problem() throws Exception {
        MockHttpServletResponse response = run(new FixedProbe(false, false), "/engine-rest/task/1/complete",
                engineAnswers500());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":503")
                .contains(DatabaseOutageFilter.DETAIL).doesNotContain("ProcessEngineException");
    }

    @Test
    void anEngine500WithTheDatabaseUpGoesOutUnchanged() throws Exception {
        MockHttpServletResponse response = run(new FixedProbe(true, false), "/engine-rest/task/1/complete",
                engineAnswers500());
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsByteArray()).isEqualTo(ENGINE_500);
        assertThat(response.getContentLength()).isEqualTo(ENGINE_500.length);
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void aConnectionFailureThrownByAHandlerIsA503EvenBeforeAProbeSaysSo() throws Exception {
        FilterChain chain = (req, res) -> {
            throw new IllegalStateException("could not open JDBC connection",
                    new SQLException("Connection refused", "08001"));
        };
        MockHttpServletResponse response = run(new FixedProbe(true, false), "/api/cases", chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anyOtherFailureWithTheDatabaseUpIsLeftToTheErrorHandling() {
        FilterChain chain = (req, res) -> {
            throw new IllegalStateException("a bug");
        };
        assertThatThrownBy(() -> run(new FixedProbe(true, false), "/api/cases", chain))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    @Test
    void whileAProbeHasJustFoundTheDatabaseDownNothingIsTried() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse response = run(new FixedProbe(false, true), "/api/cases",
                (req, res) -> reached.incrementAndGet());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(0);
    }

    @Test
    void healthProbesAreNeverHeld() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse response = run(new FixedProbe(false, true), "/actuator/health/readiness",
                (req, res) -> reached.incrementAndGet());
        assertThat(reached).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void otherAnswersGoStraightThroughWithoutAProbe() throws Exception {
        FixedProbe probe = new FixedProbe(false, false);
        MockHttpServletResponse response = run(probe, "/api/cases/X", (req, res) -> {
            var http = (HttpServletResponse) res;
            http.setStatus(404);
            http.getWriter().write("missing");
        });
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).isEqualTo("missing");
        assertThat(probe.asked).hasValue(0);
    }

    @Test
    void theProbeFindsNothingListeningQuicklyAndRemembersItForItsTtl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres";
        var probe = new DatabaseProbe(() -> details(url), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Clock.systemUTC());
        assertThat(probe.knownDown()).as("nothing known before the first probe").isFalse();
        assertThat(probe.reachable()).isFalse();
        assertThat(probe.knownDown()).isTrue();
        assertThat(probe.reachableAfterFailure()).isFalse();
        assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
