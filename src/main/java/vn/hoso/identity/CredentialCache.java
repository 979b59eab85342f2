package vn.hoso.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful password checks, remembered for a short time: a client of the engine REST API sends its password with
 * every request (HTTP Basic), and checking it and loading the user's groups took about five database round trips and a
 * password hash a request (issue 16's profile); a remembered check costs one read of the user's stored password. The key is the user id and an HMAC of the password under a key made at start and
 * never stored, so the memory holds no password and no hash that could be attacked offline. Only successes are
 * kept: a wrong password always goes to the identity store (and counts against the client, {@link LoginRateLimiter});
 * a failed check of a user forgets that user's entries.
 */
final class CredentialCache {

    private record Entry(String userId, List<String> groups, String storedPassword, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;

    CredentialCache(CredentialCacheProperties properties, LongSupplier nanoTime) {
        this.ttlNanos = properties.ttl().toNanos();
        this.maxEntries = properties.maxEntries();
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(key);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /**
     * The groups of a user whose password was checked successfully within the time to live, if the user's stored
     * password (its salted hash, read only when there is an entry) is still the one it was checked against: a changed
     * password, a locked or deleted user ({@code storedPasswordNow} gives null) goes to the identity store again.
     */
    Optional<List<String>> groups(String userId, String password, Supplier<String> storedPasswordNow) {
        if (!enabled()) {
            return Optional.empty();
        }
        String k = key(userId, password);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - e.expiresAtNanos() >= 0 || !e.storedPassword().equals(storedPasswordNow.get())) {
            entries.remove(k, e);
            return Optional.empty();
        }
        return Optional.of(e.groups());
    }

    void remember(String userId, String password, List<String> groups, String storedPassword) {
        if (!enabled() || storedPassword == null) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = nanoTime.getAsLong();
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear(); // a burst of distinct credentials: start again rather than grow
            }
        }
        entries.put(key(userId, password), new Entry(userId, List.copyOf(groups), storedPassword,
                nanoTime.getAsLong() + ttlNanos));
    }

    /** Forgets every remembered check of a user (after a failed one). */
    void forget(String userId) {
        entries.values().removeIf(e -> e.userId().equals(userId));
    }

    int size() {
        return entries.size();
    }

    private String key(String userId, String password) {
        byte[] mac = macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
        return userId + '\u0000' + Base64.getEncoder().encodeToString(mac);
    }
}
