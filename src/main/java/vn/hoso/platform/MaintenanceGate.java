package vn.hoso.platform;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: while {@link Maintenance} keeps users out, answers {@code 503}
 * {@code application/problem+json} with {@code Retry-After}, before authentication or any handler has run, so nothing
 * changes. The health probes ({@code /actuator/health/**}) always pass: liveness stays UP, readiness says why not.
 * The path is the decoded, normalized servlet path, so no spelling of a path gets past the gate as a probe.
 */
class MaintenanceGate extends OncePerRequestFilter {

    private final Maintenance maintenance;
    private final ObjectMapper objectMapper;

    MaintenanceGate(Maintenance maintenance, ObjectMapper objectMapper) {
        this.maintenance = maintenance;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isHealthProbe(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!maintenance.enter()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            maintenance.leave();
        }
    }

    static boolean isHealthProbe(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Maintenance.Reason> reason = maintenance.reason();
        long seconds = reason.map(r -> Math.max(1, r.retryAfter().toSeconds())).orElse(1L);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponse.write(objectMapper, request, response, HttpStatus.SERVICE_UNAVAILABLE, null,
                reason.map(Maintenance.Reason::detail).orElse("Hệ thống tạm ngừng phục vụ; vui lòng thử lại sau. "
                        + "The system is briefly not serving requests; please try again shortly."));
    }
}
