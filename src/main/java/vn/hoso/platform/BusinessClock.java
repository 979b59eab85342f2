package vn.hoso.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The product's notion of "now", in the business time zone. It reads the engine's clock, so that the engine's
 * timestamps (task creation, timers) and the product's (events, deadlines) always agree; tests and the simulator
 * move both at once with {@code ClockUtil}.
 */
public final class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    public OffsetDateTime now() {
        return instant().atZone(zone).toOffsetDateTime();
    }

    public LocalDate today() {
        return instant().atZone(zone).toLocalDate();
    }

    public OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
