package vn.hoso.identity;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hoso.credential-cache.*}: how long a successful password check of an HTTP Basic (or form) login is
 * remembered for the same user and password ({@code ttl}; {@code 0s} turns it off), and for at most how many
 * credentials. Within that time a changed password or group membership may still be honoured for requests that
 * present the old credentials (a form login's session keeps its groups for the whole session).
 */
@Validated
@ConfigurationProperties("hoso.credential-cache")
record CredentialCacheProperties(@DefaultValue("60s") @NotNull Duration ttl,
                                 @DefaultValue("10000") @Min(1) int maxEntries) {
}
