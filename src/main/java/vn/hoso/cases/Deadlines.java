package vn.hoso.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import vn.hoso.calendar.WorkingCalendar;

/**
 * The appointment date of a case at receipt. The statutory time limit runs in working days from the working day after
 * receipt (the receiving day not counted). A file received on a day that is not a working day (an online
 * submission on a Saturday, a public holiday) is taken as received on the next working day, and the time limit runs
 * from that day: a one-day procedure received on Saturday is due on Tuesday, not Monday (Nghị định 45/2020/NĐ-CP,
 * online receipt outside working days, article unconfirmed; Nghị định 61/2018/NĐ-CP Art. 15; Nghị định 118/2025).
 * A limit of 0 days is a same-day procedure (the catalogue's representation: due on the day it counts from); one
 * received at or after 15:00 is due the next working day (Nghị định 23/2015/NĐ-CP Art. 21 for certified copies; the
 * same rule for civil-status registrations, Luật Hộ tịch 2014 Art. 16, 18, 33 "ngay sau khi nhận đủ giấy tờ";
 * docs/workflow.md, "Procedure catalogue").
 */
final class Deadlines {

    private Deadlines() {
    }

    /** The working day the time limit counts from: the receiving day, or the next working day when it is none. */
    static LocalDate countsFrom(WorkingCalendar calendar, LocalDate receivedOn) {
        return calendar.isWorkingDay(receivedOn) ? receivedOn : calendar.nextWorkingDay(receivedOn);
    }

    /** From this time of day, a same-day procedure's file is due the next working day. */
    static final LocalTime SAME_DAY_CUT_OFF = LocalTime.of(15, 0);

    /** The appointment date: {@code days} working days after {@link #countsFrom}. */
    static LocalDate dueDate(WorkingCalendar calendar, LocalDate receivedOn, int days) {
        return calendar.addWorkingDays(countsFrom(calendar, receivedOn), days);
    }

    /**
     * The appointment date of a file received at {@code receivedAt} (business time): {@link #dueDate(WorkingCalendar,
     * LocalDate, int)}, except that a same-day limit (0 days) received on a working day at or after 15:00 is due the
     * next working day.
     */
    static LocalDate dueDate(WorkingCalendar calendar, LocalDateTime receivedAt, int days) {
        LocalDate day = receivedAt.toLocalDate();
        if (days == 0 && calendar.isWorkingDay(day) && !receivedAt.toLocalTime().isBefore(SAME_DAY_CUT_OFF)) {
            return calendar.nextWorkingDay(day);
        }
        return dueDate(calendar, day, days);
    }
}
