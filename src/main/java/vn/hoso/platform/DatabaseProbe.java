package vn.hoso.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether PostgreSQL answers now, asked on a connection of its own with short timeouts, never through the pool: while
 * the database is down the pool makes a caller wait its whole connection timeout (30 s by default), and a probe must
 * answer within seconds. The answer is kept for {@code ttl}, so a burst of failing requests costs one probe. It is also
 * the {@code database} health indicator of the readiness group: readiness goes DOWN with the database and back UP.
 */
public class DatabaseProbe implements HealthIndicator {

    private final String url;
    private final Properties properties = new Properties();
    private final Clock clock;
    private final Duration ttl;
    private volatile Answer last;

    private record Answer(boolean reachable, Instant at) {
    }

    public DatabaseProbe(String url, String user, String password, Duration timeout, Duration ttl, Clock clock) {
        this.url = url;
        this.clock = clock;
        this.ttl = ttl;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
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
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid((int) Math.max(1, Long.parseLong(properties.getProperty("socketTimeout"))));
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Health health() {
        return reachable() ? Health.up().build() : Health.down().build();
    }
}
