package vn.hoso.calendar;

/** A year the calendar has data for: a row of {@code calendar_year}. */
record CalendarYear(int year, boolean provisional, String source) {
}
