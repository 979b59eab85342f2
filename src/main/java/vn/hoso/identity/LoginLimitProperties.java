package vn.hoso.identity;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hoso.login-limit.*}: a client (remote address; an IPv6 client by its /64) with {@code max-failures} failed
 * logins within the last {@code window} has its further login attempts refused (429) until the oldest of them is
 * older than the window. {@code tracked-clients} bounds the memory the counters take.
 */
@Validated
@ConfigurationProperties("hoso.login-limit")
record LoginLimitProperties(@DefaultValue("20") @Min(1) int maxFailures,
                            @DefaultValue("5m") @NotNull Duration window,
                            @DefaultValue("100000") @Min(1) int trackedClients) {

    @AssertTrue(message = "hoso.login-limit.window must be at least one second")
    boolean isWindowPositive() {
        return window != null && window.compareTo(Duration.ofSeconds(1)) >= 0;
    }
}
