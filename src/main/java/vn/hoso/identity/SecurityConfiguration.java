package vn.hoso.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.FilterOrder;

/**
 * Three filter chains:
 * <ul>
 * <li>{@code /api/**}, {@code /engine-rest/**} and the OpenAPI description with its Swagger UI: HTTP Basic against the
 * Camunda identity, stateless, and the engine is told the caller so its authorization checks apply; deployments
 * (create, redeploy, delete) for administrators only; the engine's password check {@code identity/verify} for
 * nobody;</li>
 * <li>actuator: health is public, everything else for administrators;</li>
 * <li>the Camunda web apps: they authenticate with their own session login and protect themselves with their own
 * CSRF filter; the admin app's setup endpoint (creates an administrator while the admin group is empty) is
 * blocked, so is the engine API's {@code identity/verify}, and each app's plugin API is only for sessions allowed
 * to use that app ({@link WebAppAccessGuard}).</li>
 * </ul>
 * Before all of them, {@link LoginRateLimitFilter} holds back clients with too many failed logins.
 * The matchers see the decoded path, segment by segment (what Spring MVC routes on); a spelling of a path that the
 * container would route elsewhere than they see it is refused before (Spring Security's firewall: encoded slashes,
 * dots, semicolons, {@code %25}, {@code //}; {@code vn.hoso.platform.RequestGuard}: a servlet prefix spelled
 * otherwise than plainly).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    LoginRateLimiter loginRateLimiter(LoginLimitProperties properties) {
        return new LoginRateLimiter(properties);
    }

    @Bean
    CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService,
                                                                                LoginRateLimiter limiter,
                                                                                CredentialCacheProperties cache,
                                                                                ObjectProvider<JdbcTemplate> jdbc) {
        // without a database (web slices) nothing is remembered
        return new CamundaIdentityAuthenticationProvider(identityService, limiter,
                new CredentialCache(cache, System::nanoTime), jdbc.getIfAvailable());
    }

    /** Before Spring Security: a client over the failed-login limit gets 429 before any password is checked. */
    @Bean
    FilterRegistrationBean<LoginRateLimitFilter> loginRateLimitFilter(LoginRateLimiter limiter,
                                                                      ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new LoginRateLimitFilter(limiter, objectMapper));
        registration.addUrlPatterns("/*");
        registration.setOrder(FilterOrder.LOGIN_RATE_LIMIT);
        return registration;
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new QueryExpressionGuard(objectMapper));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(FilterOrder.QUERY_EXPRESSION_GUARD);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineApiPolicy> engineApiPolicy(ObjectMapper objectMapper, TaskService taskService,
                                                            EngineAsSystem engine) {
        var registration = new FilterRegistrationBean<>(new EngineApiPolicy(objectMapper, taskService, engine));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(FilterOrder.ENGINE_API_POLICY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebAppAccessGuard> webAppAccessGuard(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new WebAppAccessGuard(objectMapper));
        registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/*", "/camunda/api/tasklist/*");
        registration.setOrder(FilterOrder.WEB_APP_ACCESS_GUARD);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ProblemResponses problems)
            throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"),
                        // the OpenAPI description and Swagger UI: for users, like the API they describe
                        path("/v3/api-docs"), path("/v3/api-docs/**"), path("/swagger-ui.html"),
                        path("/swagger-ui/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(passwordVerification()).denyAll()
                        // BPMN/DMN deployments change what the engine runs: administrators only, whatever the
                        // engine's authorizations say (reading deployments stays open, the engine filters it)
                        .requestMatchers(deploymentChanges()).hasAuthority(CurrentUser.GROUP_PREFIX + Groups.ADMINS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic auth on every request, no cookies: no CSRF exposure.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().hasAuthority(CurrentUser.GROUP_PREFIX + Groups.ADMINS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .requestMatchers(passwordVerification()).denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // The Camunda web apps run their own CSRF prevention filter (XSRF-TOKEN cookie + header).
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Anything but reading on the engine REST's deployment resource (create, redeploy, delete), any engine name. */
    private static RequestMatcher deploymentChanges() {
        RequestMatcher deployments = new OrRequestMatcher(path("/engine-rest/deployment/**"),
                path("/engine-rest/engine/*/deployment/**"));
        return request -> !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod()) && deployments.matches(request);
    }

    /**
     * The engine API's {@code identity/verify} checks any user's password for any logged-in caller; nothing here
     * needs it, and with Camunda's per-user lock off it would be a password oracle outside the login rate limit.
     */
    private static RequestMatcher passwordVerification() {
        return new OrRequestMatcher(path("/engine-rest/identity/verify/**"),
                path("/engine-rest/engine/*/identity/verify/**"),
                path("/camunda/api/engine/engine/*/identity/verify/**"));
    }

    /** Matches the whole path, whatever servlet serves it (the engine REST is a Jersey servlet, not Spring MVC). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
