package vn.hoso.identity;

import java.util.List;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of an API request, with the Camunda groups they belong to. */
public record CurrentUser(String userId, List<String> groups) {

    static final String GROUP_PREFIX = "GROUP_";

    public static CurrentUser fromSecurityContext() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static CurrentUser from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(Objects::nonNull)
                .filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    public boolean isAuditor() {
        return groups.contains(Groups.AUDITORS);
    }

    /** Unit codes this user works for (through officers.X / leaders.X groups). */
    public List<String> unitCodes() {
        return groups.stream().map(Groups::unitOf).filter(Objects::nonNull).distinct().toList();
    }
}
