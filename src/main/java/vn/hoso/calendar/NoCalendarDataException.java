package vn.hoso.calendar;

/**
 * A date, or the result of a working-day computation, lies in a year the calendar has no data for: the calendar
 * never guesses. An operator adds the year to {@code calendar_year} and its holidays to {@code calendar_exception}.
 */
public class NoCalendarDataException extends IllegalArgumentException {

    private final int year;

    NoCalendarDataException(int year, int firstYear, int lastYear) {
        super("The working-day calendar has no data for the year " + year + " (it covers " + firstYear + "–"
                + lastYear + ").");
        this.year = year;
    }

    /** The year without data. */
    public int year() {
        return year;
    }
}
