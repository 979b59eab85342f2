package vn.hoso.platform;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;

/**
 * The order of the app's servlet filters, in one place (lower runs first); every {@code FilterRegistrationBean} of the
 * app takes its order from here, and {@code FilterOrderTest} checks the container runs them in this order.
 * <ol>
 * <li>{@link #MAINTENANCE_GATE}: while users are kept out, every request but the health probes gets 503 before
 * anything else has read or changed anything.</li>
 * <li>{@link #DATABASE_OUTAGE}: while PostgreSQL is down, 503 instead of a 500 (or a wait for the pool) from whatever
 * the request reaches; it wraps everything after it, so it sees their failures.</li>
 * <li>{@link #REQUEST_GUARD}: refuses what nobody should read (bodies over the limit, a servlet prefix spelled
 * otherwise than plainly, a garbage Accept header) before Spring Security parses the path or reads a login form.</li>
 * <li>{@link #LOGIN_RATE_LIMIT}: a client over the failed-login limit gets 429 before Spring Security (or a web app's
 * login) checks any password.</li>
 * <li>{@link #SPRING_SECURITY}: the security filter chains (firewall, authentication, the endpoints nobody may use);
 * Spring Boot's default, {@code spring.security.filter.order}, which the app does not change.</li>
 * <li>{@link #WEB_APP_ACCESS_GUARD}, {@link #QUERY_EXPRESSION_GUARD}, {@link #ENGINE_API_POLICY},
 * {@link #STEP_INPUT_GUARD}: after authentication, so an anonymous call gets its 401 first and the guards know the
 * caller. The expression check comes before the engine API policy, which comes before the step input checks: the
 * cheapest refusal that needs no engine first, the checks of what a user may change next, and last the checks of a
 * step's variables, which read the task.</li>
 * </ol>
 * The filters of Spring Boot ({@code characterEncodingFilter}, observation, form content, request context) keep their
 * own orders; the Camunda web apps' filters are registered after all of these.
 */
public final class FilterOrder {

    public static final int MAINTENANCE_GATE = Ordered.HIGHEST_PRECEDENCE;
    public static final int DATABASE_OUTAGE = MAINTENANCE_GATE + 1;
    public static final int REQUEST_GUARD = SecurityProperties.DEFAULT_FILTER_ORDER - 10;
    public static final int LOGIN_RATE_LIMIT = SecurityProperties.DEFAULT_FILTER_ORDER - 1;
    public static final int SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER;
    public static final int WEB_APP_ACCESS_GUARD = SPRING_SECURITY + 5;
    public static final int QUERY_EXPRESSION_GUARD = SPRING_SECURITY + 10;
    public static final int ENGINE_API_POLICY = SPRING_SECURITY + 12;
    public static final int STEP_INPUT_GUARD = SPRING_SECURITY + 20;

    private FilterOrder() {
    }
}
