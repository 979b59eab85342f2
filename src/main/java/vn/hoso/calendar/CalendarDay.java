package vn.hoso.calendar;

import java.time.LocalDate;

/** One exception to the Monday-to-Friday week: a row of {@code calendar_exception}. */
record CalendarDay(LocalDate date, Kind kind, String name, boolean provisional) {

    enum Kind {
        /** A day off: a holiday, a compensatory day off (nghỉ bù) or a swapped day off (nghỉ hoán đổi). */
        HOLIDAY,
        /** A Saturday or Sunday worked to make up for a swapped day off (ngày làm bù). */
        WORKING_DAY
    }
}
