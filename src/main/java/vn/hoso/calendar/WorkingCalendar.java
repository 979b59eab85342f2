package vn.hoso.calendar;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Working days of Vietnamese state agencies: Monday to Friday, except public holidays, compensatory and swapped
 * days off, plus make-up working Saturdays (ngày làm bù). The rows live in {@code calendar_year} and
 * {@code calendar_exception}; they are loaded into memory at start-up and again by {@link #reload()}, and every
 * query is answered from memory in constant time.
 *
 * <p>Outside the covered years (the rows of {@code calendar_year}, 2021–2027 as shipped) every method throws a
 * {@link NoCalendarDataException} (an {@link IllegalArgumentException}) naming the year: the calendar never guesses.
 * That includes a result that would fall outside. Arguments must not be null.
 */
@Service
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private final CalendarStore store;
    private volatile CalendarSnapshot snapshot;

    WorkingCalendar(CalendarStore store) {
        this.store = store;
        reload();
    }

    /** Whether {@code date} is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        return snapshot.isWorkingDay(date);
    }

    /**
     * The date {@code days} working days after {@code from}, {@code from} itself not counted: a case received on
     * day D with a time limit of 3 working days is due on {@code addWorkingDays(D, 3)}. {@code days == 0} gives
     * {@code from} if it is a working day, else the next working day; negative {@code days} counts backwards
     * ({@code addWorkingDays(due, -1)} is the working day before {@code due}).
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        return snapshot.addWorkingDays(from, days);
    }

    /**
     * Working days in (fromExclusive, toInclusive]; 0 when {@code toInclusive} is not after {@code fromExclusive}.
     * For {@code n > 0}: {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return snapshot.workingDaysBetween(fromExclusive, toInclusive);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return snapshot.addWorkingDays(date, 1);
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        return snapshot.addWorkingDays(date, -1);
    }

    /**
     * Reads the tables again and switches to the new data at once (calls in flight finish on the old data). If the
     * rows are inconsistent (e.g. covered years with a gap) this throws an {@link IllegalStateException} and the
     * calendar keeps the data it had. Each application node holds its own copy: reload every node.
     */
    public synchronized void reload() {
        CalendarSnapshot next = new CalendarSnapshot(store.load());
        snapshot = next;
        log.info("Working-day calendar loaded: {}–{}, {} exceptions", next.firstYear(), next.lastYear(),
                next.exceptionCount());
    }

    /** The data currently in use, for the API of this module. */
    CalendarSnapshot snapshot() {
        return snapshot;
    }
}
