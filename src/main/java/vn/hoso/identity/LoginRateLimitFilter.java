package vn.hoso.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.ProblemResponse;

/**
 * Refuses the password-carrying requests of a client that {@link LoginRateLimiter} holds back, with {@code 429}
 * problem+json and {@code Retry-After}, before any password is checked. Password-carrying requests are:
 * <ul>
 * <li>any request with HTTP Basic credentials ({@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**});
 * their failures are counted by {@link CamundaIdentityAuthenticationProvider}, as are those of</li>
 * <li>the dashboard's form login, {@code POST /dashboard/login};</li>
 * <li>the Camunda web apps' login, {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, which checks the
 * password itself and answers 401 to a wrong one (403 when the password is right but the app is not the user's):
 * counted here when it answers 401;</li>
 * <li>a password change through the engine API, {@code PUT …/user/{id}/credentials}, which checks the caller's
 * current password itself and answers 400 to a wrong one: counted here when it answers 400.</li>
 * </ul>
 * The other engine endpoint that checks a password, {@code …/identity/verify}, is closed by the security chains.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher DASHBOARD_LOGIN = path(HttpMethod.POST, "/dashboard/login");
    private static final RequestMatcher WEB_APP_LOGIN =
            path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**");
    private static final RequestMatcher PASSWORD_CHANGE = new OrRequestMatcher(List.of(
            path(HttpMethod.PUT, "/engine-rest/user/*/credentials/**"),
            path(HttpMethod.PUT, "/engine-rest/engine/*/user/*/credentials/**"),
            path(HttpMethod.PUT, "/camunda/api/engine/engine/*/user/*/credentials/**")));

    private final LoginRateLimiter limiter;
    private final ObjectMapper objectMapper;

    LoginRateLimitFilter(LoginRateLimiter limiter, ObjectMapper objectMapper) {
        this.limiter = limiter;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webAppLogin = WEB_APP_LOGIN.matches(request);
        boolean passwordChange = PASSWORD_CHANGE.matches(request);
        if (!webAppLogin && !passwordChange && !hasBasicCredentials(request) && !DASHBOARD_LOGIN.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Duration> retryAfter = limiter.retryAfter(client);
        if (retryAfter.isPresent()) {
            long seconds = LoginRateLimiter.wholeSeconds(retryAfter.get());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponse.write(objectMapper, request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins", "Too many failed logins from your address; try again in "
                            + seconds + " s. No password was checked.");
            return;
        }
        chain.doFilter(request, response);
        if ((webAppLogin && response.getStatus() == HttpStatus.UNAUTHORIZED.value())
                || (passwordChange && response.getStatus() == HttpStatus.BAD_REQUEST.value())) {
            limiter.recordFailure(client);
        }
    }

    /** As Spring Security's BasicAuthenticationConverter decides. */
    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && StringUtils.startsWithIgnoreCase(header.trim(), "Basic");
    }

    /** The same matching as the security chains': the decoded path, whatever servlet serves it. */
    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
