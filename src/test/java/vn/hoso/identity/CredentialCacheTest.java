package vn.hoso.identity;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class CredentialCacheTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    CredentialCache cache(String ttl, int max) {
        return new CredentialCache(new CredentialCacheProperties(Duration.parse(ttl), max), now::get);
    }

    @Test
    void aSuccessIsRememberedForTheSameUserAndPasswordOnlyAndUntilItsTimeToLive() {
        CredentialCache cache = cache("PT60S", 100);
        assertThat(cache.groups("officer.10507", "demo", () -> "h1")).isEmpty();
        cache.remember("officer.10507", "demo", List.of("officers.10507"), "h1");

        assertThat(cache.groups("officer.10507", "demo", () -> "h1")).contains(List.of("officers.10507"));
        assertThat(cache.groups("officer.10507", "Demo", () -> "h1")).as("another password").isEmpty();
        assertThat(cache.groups("officer.10510", "demo", () -> "h1")).as("another user").isEmpty();

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.groups("officer.10507", "demo", () -> "h1")).isPresent();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.groups("officer.10507", "demo", () -> "h1")).as("expired").isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedLockedOrDeletedUserIsCheckedAgain() {
        CredentialCache cache = cache("PT60S", 100);
        cache.remember("officer.10507", "demo", List.of("officers.10507"), "hash-before");
        assertThat(cache.groups("officer.10507", "demo", () -> "hash-after")).as("password changed").isEmpty();
        cache.remember("officer.10507", "demo", List.of("officers.10507"), "hash-before");
        assertThat(cache.groups("officer.10507", "demo", () -> null)).as("locked or deleted").isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailedCheckForgetsEveryRememberedCheckOfThatUser() {
        CredentialCache cache = cache("PT60S", 100);
        cache.remember("officer.10507", "old", List.of("officers.10507"), "h1");
        cache.remember("officer.10507", "new", List.of("officers.10507"), "h1");
        cache.remember("leader.10507", "demo", List.of("leaders.10507"), "h2");
        cache.forget("officer.10507");
        assertThat(cache.groups("officer.10507", "old", () -> "h1")).isEmpty();
        assertThat(cache.groups("officer.10507", "new", () -> "h1")).isEmpty();
        assertThat(cache.groups("leader.10507", "demo", () -> "h2")).isPresent();
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        CredentialCache cache = cache("PT0S", 100);
        cache.remember("officer.10507", "demo", List.of("officers.10507"), "h1");
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.groups("officer.10507", "demo", () -> "h1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        CredentialCache cache = cache("PT60S", 10);
        for (int i = 0; i < 25; i++) {
            cache.remember("user." + i, "pw" + i, List.of(), "h" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }
        assertThat(cache.groups("user.24", "pw24", () -> "h24")).isPresent();
    }

    @Test
    void itsKeysHoldNeitherThePasswordNorAPlainHashOfIt() throws Exception {
        CredentialCache cache = cache("PT60S", 10);
        cache.remember("officer.10507", "a-secret-password", List.of(), "h1");
        var field = CredentialCache.class.getDeclaredField("entries");
        field.setAccessible(true);
        String key = ((java.util.Map<?, ?>) field.get(cache)).keySet().iterator().next().toString();
        assertThat(key).doesNotContain("a-secret-password");
        String sha256 = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest("a-secret-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(key).doesNotContain(sha256);
    }
}
