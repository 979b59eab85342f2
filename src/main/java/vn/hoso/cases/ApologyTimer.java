package vn.hoso.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import vn.hoso.calendar.WorkingCalendar;

/**
 * When the Mẫu 04 task appears: the agency must send the apology and new appointment date at the latest one
 * working day before the appointment date, so the task appears at 15:00 on the working day before it, leaving the
 * rest of that day to send it. A case with so short a time limit that this moment has already passed when it is
 * received (e.g. one working day) gets the task at 08:00 on the appointment date itself, if it is still open then.
 */
final class ApologyTimer {

    static final LocalTime ON_THE_DAY_BEFORE = LocalTime.of(15, 0);
    static final LocalTime ON_THE_DAY = LocalTime.of(8, 0);

    private ApologyTimer() {
    }

    static Instant at(WorkingCalendar calendar, LocalDate dueDate, Instant receivedAt, ZoneId zone) {
        Instant dayBefore = calendar.previousWorkingDay(dueDate).atTime(ON_THE_DAY_BEFORE).atZone(zone).toInstant();
        return dayBefore.isAfter(receivedAt) ? dayBefore : dueDate.atTime(ON_THE_DAY).atZone(zone).toInstant();
    }
}
