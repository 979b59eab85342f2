package vn.hoso.rollup.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.hoso.platform.ProblemResponse;

/**
 * The dashboard's own filter chain, for {@code /dashboard/**} only (the {@code /api/**} chain stays HTTP Basic and
 * stateless): a session form login against the same Camunda identity, CSRF protection on (a cookie the page's script
 * echoes in a header, path {@code /dashboard}, names distinct from the Camunda web apps' XSRF-TOKEN), a strict
 * content security policy. The page calls the rollup API through {@code /dashboard/api/rollups/**}, which the same
 * controller serves with the same access rules; there a missing session is a 401 problem, not a redirect.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    static final String CSRF_COOKIE = "HOSO-DASHBOARD-XSRF";
    static final String CSRF_HEADER = "X-HOSO-XSRF";

    @Bean
    @Order(0)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http, ObjectMapper mapper) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookiePath("/dashboard");
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the cookie is always set
        RequestMatcher api = path("/dashboard/api/**");
        return http
                .securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(path("/dashboard"), path("/dashboard/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/dashboard/login"), path("/dashboard/dashboard.css")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/dashboard/login")
                        .loginProcessingUrl("/dashboard/login")
                        .defaultSuccessUrl("/dashboard/", true)
                        .failureUrl("/dashboard/login?error"))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/dashboard/logout"))
                        .logoutSuccessUrl("/dashboard/login?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((req, res, ex) ->
                                problem(mapper, req, res, HttpStatus.UNAUTHORIZED, "Login required."), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/dashboard/login"),
                                new NegatedRequestMatcher(api))
                        .defaultAccessDeniedHandlerFor((req, res, ex) ->
                                problem(mapper, req, res, HttpStatus.FORBIDDEN, "Forbidden (or the CSRF token is missing)."), api))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static void problem(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response,
                                HttpStatus status, String detail) throws IOException {
        ProblemResponse.write(mapper, request, response, status, null, detail);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
