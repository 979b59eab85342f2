package vn.hoso.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether PostgreSQL answers now, asked on a connection of its own with short timeouts, never through the pool: while
 * the database is down the pool makes a caller wait its whole connection timeout (30 s by default), and a probe must
 * answer within seconds. The answer is kept for {@code ttl}, so a burst of failing requests costs one probe. It is also
 * the {@code database} health indicator of the readiness group: readiness goes DOWN with the database and back UP.
 */
public class DatabaseProbe implements HealthIndicator {

    private final Supplier<JdbcConnectionDetails> connection;
    private final Clock clock;
    private final Duration timeout;
    private final Duration ttl;
    private volatile Answer last;

    private record Answer(boolean reachable, Instant at) {
    }

    /** @param connection where the app's pool connects (read at each probe: tests start the database late) */
    public DatabaseProbe(Supplier<JdbcConnectionDetails> connection, Duration timeout, Duration ttl, Clock clock) {
        this.connection = connection;
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Probes unless the last answer is younger than the ttl. */
    public boolean reachable() {
        Answer answer = last;
        Instant now = clock.instant();
        if (answer == null || !answer.at().plus(ttl).isAfter(now)) {
            answer = new Answer(probe(), now);
            last = answer;
        }
        return answer.reachable();
    }

    /**
     * After a request failed: a young answer that the database is down stands; otherwise probes now, as the database
     * may have gone down since a good answer.
     */
    public boolean reachableAfterFailure() {
        if (knownDown()) {
            return false;
        }
        Answer answer = new Answer(probe(), clock.instant());
        last = answer;
        return answer.reachable();
    }

    /** True only while a recent probe found the database down (no probe is made here). */
    public boolean knownDown() {
        Answer answer = last;
        return answer != null && !answer.reachable() && answer.at().plus(ttl).isAfter(clock.instant());
    }

    private boolean probe() {
        JdbcConnectionDetails details = connection.get();
        Properties properties = new Properties();
        if (details.getUsername() != null) {
            properties.setProperty("user", details.getUsername());
        }
        if (details.getPassword() != null) {
            properties.setProperty("password", details.getPassword());
        }
        int seconds = (int) Math.max(1, timeout.toSeconds());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds));
        try (Connection c = DriverManager.getConnection(details.getJdbcUrl(), properties)) {
            return c.isValid(seconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Health health() {
        return reachable() ? Health.up().build() : Health.down().build();
    }
}
