package vn.hoso.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client in a sliding window, instead of Camunda's per-user lock (which lets anybody lock any
 * account): a client with {@code maxFailures} failures within the last {@code window} is refused until the oldest
 * of them leaves the window. A successful login resets nothing, so an account of one's own cannot be used to clear
 * the count between guesses at others.
 * <p>
 * The client is the remote address as the servlet container reports it (see README on reverse proxies); IPv6
 * addresses count per /64, the block one host usually holds. The counters live in a Caffeine cache bounded in
 * size; a client's entry expires one window after its last failure.
 * <p>
 * Public so that other guessable secrets are limited the same way with a limiter of their own (citizens' case
 * lookup by code and PIN).
 */
public class LoginRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRateLimiter.class);

    private final String what;
    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, FailureLog> failures;

    LoginRateLimiter(LoginLimitProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    LoginRateLimiter(LoginLimitProperties properties, Ticker ticker) {
        this("Logins", properties.maxFailures(), properties.window(), properties.trackedClients(), ticker);
    }

    /**
     * A limiter of its own for other failures than logins: {@code what} names the attempts in the log ("Case
     * lookups"), {@code maxFailures} within {@code window} hold a client back, at most {@code trackedClients} are
     * tracked.
     */
    public LoginRateLimiter(String what, int maxFailures, Duration window, int trackedClients, Ticker ticker) {
        this.what = what;
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .maximumSize(trackedClients)
                .expireAfterWrite(window)
                .ticker(ticker)
                .build();
    }

    /** How long {@code remoteAddress} must wait before its next login attempt; empty when it may try now. */
    public Optional<Duration> retryAfter(String remoteAddress) {
        FailureLog log = failures.getIfPresent(clientKey(remoteAddress));
        return log == null ? Optional.empty() : log.retryAfter(ticker.read());
    }

    public void recordFailure(String remoteAddress) {
        long now = ticker.read();
        String client = clientKey(remoteAddress);
        FailureLog log = failures.asMap().compute(client, (key, existing) -> {
            FailureLog updated = existing == null ? new FailureLog() : existing;
            updated.add(now);
            return updated;
        });
        // a held-back client is refused before its password is checked, so this is the failure that reached the limit
        log.retryAfter(now).ifPresent(wait -> LOG.warn(
                "{} from {} held back for {} s: {} failures within {} s", what, client, wholeSeconds(wait),
                maxFailures, Duration.ofNanos(windowNanos).toSeconds()));
    }

    /** A wait in whole seconds, rounded up (as {@code Retry-After} needs it). */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whether any client has a failure within the window (tests wait for this to be false). */
    boolean anyRecentFailure() {
        long now = ticker.read();
        return failures.asMap().values().stream().anyMatch(log -> log.countSince(now - windowNanos) > 0);
    }

    /** The key a remote address is counted under: an IPv4 address as it is, an IPv6 address by its /64. */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal with ':' is never looked up in DNS; an IPv4-mapped one comes back as an Inet4Address
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** The times of a client's last {@code maxFailures} failures, oldest first (a ring). */
    private final class FailureLog {

        private final long[] times = new long[maxFailures];
        private int next;
        private int size;

        synchronized void add(long now) {
            times[next] = now;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        synchronized Optional<Duration> retryAfter(long now) {
            if (size < times.length) {
                return Optional.empty();
            }
            long oldest = times[next]; // full ring: the slot to be overwritten next holds the oldest
            long wait = oldest + windowNanos - now;
            return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
        }

        synchronized int countSince(long since) {
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (times[i] - since > 0) {
                    count++;
                }
            }
            return count;
        }
    }
}
