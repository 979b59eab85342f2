package vn.hoso.workspace.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.NotAuthenticated;

/**
 * Who is at the counter: the user logged into Camunda Tasklist in this browser (the web apps' session, the same
 * {@code JSESSIONID}), for the default engine and allowed to use Tasklist. Their groups are read again from the
 * identity store on every request, not taken from the session (a user removed from a unit's group loses the
 * counter at once). Changes also need the session's counter token in a header: a page of another site can make
 * the browser send the session cookie, but cannot read the token ({@link #token}).
 */
@Component
public class TasklistSession {

    public static final String TOKEN_HEADER = "X-Hoso-Counter-Token";
    static final String TOKEN_ATTRIBUTE = "hoso.counter.token";
    private static final String ENGINE = "default";

    private final IdentityService identityService;
    private final EngineAsSystem engine;
    private final SecureRandom random = new SecureRandom();

    TasklistSession(IdentityService identityService, EngineAsSystem engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    /** The officer of this request's Tasklist session; 401 when nobody is logged into Tasklist. */
    public CurrentUser user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Optional<UserAuthentication> tasklist = all == null ? Optional.empty()
                : all.getAuthentications().stream()
                        .filter(a -> ENGINE.equals(a.getProcessEngineName()) && a.isAuthorizedForApp("tasklist"))
                        .findFirst();
        if (tasklist.isEmpty()) {
            throw new NotAuthenticated(null, "Đăng nhập Tasklist trước (Log into Tasklist first).");
        }
        String userId = tasklist.get().getIdentityId();
        List<String> groups = engine.call(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            return user == null ? List.<String>of()
                    : identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                            .toList();
        });
        return new CurrentUser(userId, groups);
    }

    /** The user's display name, for the page header. */
    public String displayName(String userId) {
        return engine.call(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return userId;
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            return name.isEmpty() ? userId : name;
        });
    }

    /** This session's counter token (made on first use). */
    public String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw new NotAuthenticated(null, "Đăng nhập Tasklist trước (Log into Tasklist first).");
        }
        synchronized (session) {
            Object token = session.getAttribute(TOKEN_ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String created = HexFormat.of().formatHex(bytes);
            session.setAttribute(TOKEN_ATTRIBUTE, created);
            return created;
        }
    }

    /** For changes: the header must carry the session's token. */
    public void checkToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
        String sent = request.getHeader(TOKEN_HEADER);
        if (!(expected instanceof String token) || sent == null || !MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden(null, "Thiếu hoặc sai mã phiên của quầy; hãy tải lại trang "
                    + "(the counter's session token is missing or wrong; reload the page).");
        }
    }
}
