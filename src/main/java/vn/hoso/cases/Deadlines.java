package vn.hoso.cases;

import java.time.LocalDate;

import vn.hoso.calendar.WorkingCalendar;

/**
 * The appointment date of a case at receipt. The statutory time limit runs in working days from the working day after
 * receipt (the receiving day not counted). A file received on a day that is not a working day (an online
 * submission on a Saturday, a public holiday) is taken as received on the next working day, and the time limit runs
 * from that day: a one-day procedure received on Saturday is due on Tuesday, not Monday (Nghị định 45/2020/NĐ-CP,
 * online receipt outside working days, article unconfirmed; Nghị định 61/2018/NĐ-CP Art. 15; Nghị định 118/2025).
 */
final class Deadlines {

    private Deadlines() {
    }

    /** The working day the time limit counts from: the receiving day, or the next working day when it is none. */
    static LocalDate countsFrom(WorkingCalendar calendar, LocalDate receivedOn) {
        return calendar.isWorkingDay(receivedOn) ? receivedOn : calendar.nextWorkingDay(receivedOn);
    }

    /** The appointment date: {@code days} working days after {@link #countsFrom}. */
    static LocalDate dueDate(WorkingCalendar calendar, LocalDate receivedOn, int days) {
        return calendar.addWorkingDays(countsFrom(calendar, receivedOn), days);
    }
}
