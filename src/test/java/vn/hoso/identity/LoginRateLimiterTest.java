package vn.hoso.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding window itself, on a clock the test moves (the HTTP behaviour: LoginRateLimitTest). */
@Tag("fast")
class LoginRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LoginRateLimiter limiter =
            new LoginRateLimiter(new LoginLimitProperties(3, Duration.ofSeconds(60), 1000), nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aClientIsHeldBackFromItsLimitUntilTheOldestFailureLeavesTheWindow() {
        limiter.recordFailure("192.0.2.7");
        advance(Duration.ofSeconds(10));
        limiter.recordFailure("192.0.2.7");
        assertThat(limiter.retryAfter("192.0.2.7")).isEmpty();
        advance(Duration.ofSeconds(10));
        limiter.recordFailure("192.0.2.7");

        assertThat(limiter.retryAfter("192.0.2.7")).contains(Duration.ofSeconds(40));
        assertThat(limiter.retryAfter("192.0.2.8")).as("another client").isEmpty();

        advance(Duration.ofSeconds(40));
        assertThat(limiter.retryAfter("192.0.2.7")).as("the first failure has left the window").isEmpty();
        limiter.recordFailure("192.0.2.7");
        assertThat(limiter.retryAfter("192.0.2.7")).as("three within the window again: until the second leaves")
                .contains(Duration.ofSeconds(10));
    }

    @Test
    void anIpv6ClientCountsPerSlash64AndAnIpv4MappedAddressAsItsIpv4() {
        assertThat(LoginRateLimiter.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginRateLimiter.clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(LoginRateLimiter.clientKey("2001:db8:1:3::1"));
        assertThat(LoginRateLimiter.clientKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginRateLimiter.clientKey("192.0.2.7")).isEqualTo("192.0.2.7");

        limiter.recordFailure("2001:db8:1:2::1");
        limiter.recordFailure("2001:db8:1:2::2");
        limiter.recordFailure("2001:db8:1:2::3");
        assertThat(limiter.retryAfter("2001:db8:1:2::4")).isPresent();
        assertThat(limiter.retryAfter("2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void recentFailuresAreSeenUntilTheWindowHasPassedSinceTheLast() {
        assertThat(limiter.anyRecentFailure()).isFalse();
        limiter.recordFailure("192.0.2.7");
        advance(Duration.ofSeconds(59));
        assertThat(limiter.anyRecentFailure()).isTrue();
        advance(Duration.ofSeconds(2));
        assertThat(limiter.anyRecentFailure()).isFalse();
    }
}
