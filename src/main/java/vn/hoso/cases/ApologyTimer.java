package vn.hoso.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import vn.hoso.calendar.WorkingCalendar;

/**
 * When the overdue warning (and, for a procedure dossier, the Mẫu 04 task) comes: the agency must send the apology
 * and new appointment date at the latest one working day before the appointment date (Nghị định 61/2018/NĐ-CP Art.
 * 19(3); Nghị định 118/2025/NĐ-CP), so the warning comes at 15:00 on the working day before it, leaving the rest of
 * that day to finish the case or send the apology. It always comes strictly after receipt, so that no case gets
 * it at the moment it is received: when that moment has passed at receipt (a one-day procedure received after
 * 15:00), 08:00 on the appointment date; for a same-day procedure received after 08:00, 15:00 on the day; received
 * after that, 08:00 on the next working day (the case is then overdue and the warning is an overdue notice).
 */
final class ApologyTimer {

    static final LocalTime ON_THE_DAY_BEFORE = LocalTime.of(15, 0);
    static final LocalTime ON_THE_DAY = LocalTime.of(8, 0);
    static final LocalTime LATE_ON_THE_DAY = LocalTime.of(15, 0);

    private ApologyTimer() {
    }

    static Instant at(WorkingCalendar calendar, LocalDate dueDate, Instant receivedAt, ZoneId zone) {
        List<Instant> candidates = List.of(
                calendar.previousWorkingDay(dueDate).atTime(ON_THE_DAY_BEFORE).atZone(zone).toInstant(),
                dueDate.atTime(ON_THE_DAY).atZone(zone).toInstant(),
                dueDate.atTime(LATE_ON_THE_DAY).atZone(zone).toInstant());
        for (Instant candidate : candidates) {
            if (candidate.isAfter(receivedAt)) {
                return candidate;
            }
        }
        return calendar.nextWorkingDay(dueDate).atTime(ON_THE_DAY).atZone(zone).toInstant();
    }
}
