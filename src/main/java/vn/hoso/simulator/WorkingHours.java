package vn.hoso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import vn.hoso.calendar.WorkingCalendar;

/**
 * Office hours of the simulated civil servants, 07:30–11:30 and 13:30–17:00 on working days (450 minutes a day):
 * officers' delays are measured in working time, so nothing happens at night, at weekends or on holidays.
 */
final class WorkingHours {

    static final LocalTime MORNING = LocalTime.of(7, 30);
    static final LocalTime NOON = LocalTime.of(11, 30);
    static final LocalTime AFTERNOON = LocalTime.of(13, 30);
    static final LocalTime EVENING = LocalTime.of(17, 0);
    static final long MORNING_SECONDS = Duration.between(MORNING, NOON).toSeconds();
    static final long DAY_SECONDS = MORNING_SECONDS + Duration.between(AFTERNOON, EVENING).toSeconds();

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    WorkingHours(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** The instant {@code second} working seconds into working day {@code day} (0 ≤ second < DAY_SECONDS). */
    OffsetDateTime at(LocalDate day, long second) {
        LocalTime time = second < MORNING_SECONDS ? MORNING.plusSeconds(second)
                : AFTERNOON.plusSeconds(second - MORNING_SECONDS);
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    /** {@code seconds} (> 0) of working time after {@code from}; always strictly later than {@code from}. */
    OffsetDateTime plus(Instant from, long seconds) {
        Position p = position(from);
        long total = p.second + Math.max(1, seconds);
        LocalDate day = calendar.addWorkingDays(p.day, (int) (total / DAY_SECONDS));
        return at(day, total % DAY_SECONDS);
    }

    /** Working seconds between two instants (0 when {@code to} is not after {@code from}). */
    long between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Position a = position(from);
        Position b = position(to);
        long days = calendar.workingDaysBetween(a.day, b.day);
        return Math.max(0, days * DAY_SECONDS + b.second - a.second);
    }

    private record Position(LocalDate day, long second) {
    }

    /** Where an instant falls in working time: outside office hours it counts as the next working moment. */
    private Position position(Instant instant) {
        var local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!calendar.isWorkingDay(day) || !time.isBefore(EVENING)) {
            return new Position(calendar.nextWorkingDay(day), 0);
        }
        if (time.isBefore(MORNING)) {
            return new Position(day, 0);
        }
        if (time.isBefore(NOON)) {
            return new Position(day, Duration.between(MORNING, time).toSeconds());
        }
        if (time.isBefore(AFTERNOON)) {
            return new Position(day, MORNING_SECONDS);
        }
        return new Position(day, MORNING_SECONDS + Duration.between(AFTERNOON, time).toSeconds());
    }
}
