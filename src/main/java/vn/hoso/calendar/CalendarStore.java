package vn.hoso.calendar;

import java.util.List;

/** Where the calendar's rows come from: the database in the app, a list in unit tests. */
interface CalendarStore {

    record Rows(List<CalendarYear> years, List<CalendarDay> days) {
    }

    Rows load();
}
