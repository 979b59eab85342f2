package vn.hoso.identity;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoso.platform.ProblemResponse;
import vn.hoso.platform.RequestPaths;

/**
 * The web apps' plugin APIs ({@code /camunda/api/cockpit/**}, {@code /camunda/api/admin/**},
 * {@code /camunda/api/tasklist/**}) only for sessions whose user may use that app. Camunda checks the app at login
 * only: an officer logged into Tasklist could otherwise call Cockpit's plugin API with the same session and read
 * province-wide process statistics. Static plugin assets and the login endpoints stay open (the apps load them
 * before anyone logs in); a request without a web session is left to Camunda (401).
 */
class WebAppAccessGuard extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    WebAppAccessGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return app(path) == null || path.contains("/static/") || path.startsWith("/camunda/api/admin/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String app = app(RequestPaths.of(request));
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null || authentications.getAuthentications().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = authentications.getAuthentications().stream()
                .anyMatch(a -> a.isAuthorizedForApp(app));
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.write(objectMapper, request, response, HttpStatus.FORBIDDEN, null,
                "Your session may not use the " + app + " application.");
    }

    private static String app(String path) {
        for (String app : new String[] {"cockpit", "admin", "tasklist"}) {
            if (path.startsWith("/camunda/api/" + app + "/")) {
                return app;
            }
        }
        return null;
    }
}
