package vn.hoso.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic and the dashboard's form login against the Camunda identity store: one set of users and groups for the
 * web apps and the APIs. A rejected password counts against the client's address ({@link LoginRateLimiter}; the
 * address comes from the details Spring Security's login filters attach); {@link LoginRateLimitFilter} has already
 * refused a client over the limit before this runs.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginRateLimiter limiter;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginRateLimiter limiter) {
        this.identityService = identityService;
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
                limiter.recordFailure(details.getRemoteAddress());
            }
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
