package vn.hoso.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic and the dashboard's form login against the Camunda identity store: one set of users and groups for the
 * web apps and the APIs. A rejected password counts against the client's address ({@link LoginRateLimiter}; the
 * address comes from the details Spring Security's login filters attach); {@link LoginRateLimitFilter} has already
 * refused a client over the limit before this runs. A success is remembered for a short time ({@link CredentialCache}).
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginRateLimiter limiter;
    private final CredentialCache credentials;
    private final JdbcTemplate jdbc;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginRateLimiter limiter,
                                          CredentialCache credentials, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.limiter = limiter;
        this.credentials = credentials;
        this.jdbc = jdbc;
    }

    /**
     * The user's stored password (salted hash) while the user exists and is not locked by the engine; null otherwise.
     * The engine's lock is judged by the database clock, as the engine's own clock may be set back (simulator).
     */
    private String storedPassword(String userId) {
        if (jdbc == null) {
            return null;
        }
        return jdbc.query("select pwd_ from act_id_user where id_ = ? and (lock_exp_time_ is null or lock_exp_time_"
                + " <= now())", rs -> rs.next() ? rs.getString(1) : null, userId);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object presented = authentication.getCredentials();
        if (userId != null && !userId.isBlank() && presented != null) {
            var remembered = credentials.groups(userId, presented.toString(), () -> storedPassword(userId));
            if (remembered.isPresent()) {
                return token(userId, remembered.get());
            }
        }
        if (userId == null || userId.isBlank() || presented == null
                || !identityService.checkPassword(userId, presented.toString())) {
            if (userId != null) {
                credentials.forget(userId);
            }
            if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
                limiter.recordFailure(details.getRemoteAddress());
            }
            throw new BadCredentialsException("Bad credentials");
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        if (credentials.enabled()) {
            credentials.remember(userId, presented.toString(), groups, storedPassword(userId));
        }
        return token(userId, groups);
    }

    private static Authentication token(String userId, List<String> groups) {
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups.stream()
                .map(id -> new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + id)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
