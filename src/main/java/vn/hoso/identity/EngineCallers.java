package vn.hoso.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import vn.hoso.platform.RequestPaths;

/**
 * Who calls the engine's API: on {@code /engine-rest} the HTTP Basic user (Spring Security), on the web apps' engine
 * API ({@code /camunda/api/engine}) the user logged into the web app's session. Empty for an anonymous request,
 * which the engine API then refuses itself.
 */
public final class EngineCallers {

    static final String WEB_APP_ENGINE_API = "/camunda/api/engine/";

    private EngineCallers() {
    }

    public static Optional<CurrentUser> of(HttpServletRequest request) {
        if (!RequestPaths.of(request).startsWith(WEB_APP_ENGINE_API)) {
            return Optional.ofNullable(CurrentUser.fromSecurityContext());
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        return authentications.getAuthentications().stream()
                .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
                .findFirst()
                .map(a -> new CurrentUser(a.getIdentityId(),
                        a.getGroupIds() == null ? List.of() : new ArrayList<>(a.getGroupIds())));
    }
}
