package vn.hoso.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.calendar.CalendarDay.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The arithmetic on a small made-up calendar (2030–2031), no Spring: a holiday week 4–8/2/2030, a 29/4–1/5/2030
 * break with the make-up Saturday 4/5/2030, and holidays on 1/1/2030, 2/9/2030, 1/1/2031 and 31/12/2031.
 */
@Tag("fast")
class WorkingCalendarArithmeticTest {

    static final List<CalendarYear> YEARS = List.of(new CalendarYear(2030, false, "test"),
            new CalendarYear(2031, true, "test"));
    static final List<CalendarDay> DAYS = List.of(
            holiday("2030-01-01"),
            holiday("2030-02-04"), holiday("2030-02-05"), holiday("2030-02-06"), holiday("2030-02-07"),
            holiday("2030-02-08"),
            holiday("2030-04-29"), holiday("2030-04-30"), holiday("2030-05-01"),
            new CalendarDay(date("2030-05-04"), Kind.WORKING_DAY, "make-up Saturday", false),
            holiday("2030-09-02"),
            holiday("2031-01-01"), holiday("2031-12-31"));

    final WorkingCalendar calendar = new WorkingCalendar(() -> new CalendarStore.Rows(YEARS, DAYS));

    @Test
    void weekendsAreSkipped() {
        assertThat(date("2030-03-01").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.isWorkingDay(date("2030-03-01"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2030-03-02"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2030-03-03"))).isFalse();
        assertThat(calendar.addWorkingDays(date("2030-03-01"), 1)).isEqualTo("2030-03-04");
        assertThat(calendar.addWorkingDays(date("2030-03-01"), 5)).isEqualTo("2030-03-08");
        assertThat(calendar.addWorkingDays(date("2030-03-02"), 1)).isEqualTo("2030-03-04");
    }

    @Test
    void aCaseReceivedOnTheFridayBeforeAHolidayWeekIsDueAfterIt() {
        assertThat(calendar.addWorkingDays(date("2030-02-01"), 1)).isEqualTo("2030-02-11");
        assertThat(calendar.addWorkingDays(date("2030-02-01"), 3)).isEqualTo("2030-02-13");
        assertThat(calendar.nextWorkingDay(date("2030-02-01"))).isEqualTo("2030-02-11");
        assertThat(calendar.workingDaysBetween(date("2030-02-01"), date("2030-02-11"))).isEqualTo(1);
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(date("2030-05-04"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2030-05-05"))).isFalse();
        // Fri 26/4: 29/4, 30/4, 1/5 off; Thu 2/5, Fri 3/5, Sat 4/5 (make-up), Mon 6/5
        assertThat(calendar.addWorkingDays(date("2030-04-26"), 1)).isEqualTo("2030-05-02");
        assertThat(calendar.addWorkingDays(date("2030-04-26"), 3)).isEqualTo("2030-05-04");
        assertThat(calendar.addWorkingDays(date("2030-04-26"), 4)).isEqualTo("2030-05-06");
        assertThat(calendar.nextWorkingDay(date("2030-05-03"))).isEqualTo("2030-05-04");
        assertThat(calendar.previousWorkingDay(date("2030-05-06"))).isEqualTo("2030-05-04");
        assertThat(calendar.workingDaysBetween(date("2030-04-26"), date("2030-05-05"))).isEqualTo(3);
    }

    @Test
    void zeroDaysGivesTheDayItselfOrTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(date("2030-03-01"), 0)).isEqualTo("2030-03-01");
        assertThat(calendar.addWorkingDays(date("2030-03-02"), 0)).isEqualTo("2030-03-04");
        assertThat(calendar.addWorkingDays(date("2030-02-04"), 0)).isEqualTo("2030-02-11");
    }

    @Test
    void negativeDaysCountBackwards() {
        assertThat(calendar.addWorkingDays(date("2030-02-11"), -1)).isEqualTo("2030-02-01");
        assertThat(calendar.previousWorkingDay(date("2030-02-11"))).isEqualTo("2030-02-01");
        assertThat(calendar.addWorkingDays(date("2030-03-02"), -1)).isEqualTo("2030-03-01");
        assertThat(calendar.addWorkingDays(date("2030-03-04"), -2)).isEqualTo("2030-02-28");
        assertThat(calendar.previousWorkingDay(date("2030-02-08"))).isEqualTo("2030-02-01");
    }

    @Test
    void workingDaysBetweenIsZeroUnlessToIsAfterFrom() {
        assertThat(calendar.workingDaysBetween(date("2030-03-04"), date("2030-03-04"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2030-03-08"), date("2030-03-04"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2030-03-01"), date("2030-03-08"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(date("2030-01-01"), date("2031-12-31")))
                .isEqualTo(calendar.snapshot().workingDayCount(2030) + calendar.snapshot().workingDayCount(2031));
    }

    @Test
    void datesAndResultsOutsideTheCoveredYearsThrow() {
        assertNoData(() -> calendar.isWorkingDay(date("2029-12-31")), 2029);
        assertNoData(() -> calendar.isWorkingDay(date("2032-01-01")), 2032);
        assertNoData(() -> calendar.workingDaysBetween(date("2029-12-31"), date("2030-01-10")), 2029);
        assertNoData(() -> calendar.workingDaysBetween(date("2030-01-10"), date("2032-01-10")), 2032);
        // the result would fall outside: Fri 26/12/2031, then 29/12, 30/12 and a holiday on 31/12
        assertThat(calendar.addWorkingDays(date("2031-12-26"), 2)).isEqualTo("2031-12-30");
        assertNoData(() -> calendar.addWorkingDays(date("2031-12-26"), 3), 2032);
        assertNoData(() -> calendar.addWorkingDays(date("2031-12-31"), 0), 2032);
        assertNoData(() -> calendar.nextWorkingDay(date("2031-12-30")), 2032);
        assertNoData(() -> calendar.previousWorkingDay(date("2030-01-02")), 2029);
        assertNoData(() -> calendar.addWorkingDays(date("2030-06-03"), Integer.MAX_VALUE), 2032);
        assertNoData(() -> calendar.addWorkingDays(date("2030-06-03"), Integer.MIN_VALUE), 2029);
    }

    /** Against a day-by-day oracle that knows nothing of the arrays, for many random inputs (fixed seed). */
    @Test
    void agreesWithADayByDayCountAndIsItsOwnInverse() {
        Random random = new Random(20300204L);
        LocalDate first = date("2030-01-01");
        for (int run = 0; run < 20_000; run++) {
            LocalDate from = first.plusDays(random.nextInt(730));
            int days = random.nextInt(601) - 300;
            LocalDate expected = Oracle.add(from, days);
            if (expected.getYear() < 2030 || expected.getYear() > 2031) {
                int year = expected.getYear() > 2031 ? 2032 : 2029;   // the first year without data on the way
                assertNoData(() -> calendar.addWorkingDays(from, days), year);
                continue;
            }
            LocalDate due = calendar.addWorkingDays(from, days);
            assertThat(due).as("%s %+d", from, days).isEqualTo(expected);
            assertThat(calendar.isWorkingDay(due)).isTrue();
            if (days > 0) {
                assertThat(calendar.workingDaysBetween(from, due)).as("%s %+d", from, days).isEqualTo(days);
            }
            if (days < 0 && calendar.isWorkingDay(from)) {
                assertThat(calendar.workingDaysBetween(due, from)).as("%s %+d", from, days).isEqualTo(-days);
            }
            if (calendar.isWorkingDay(from)) {
                assertThat(calendar.addWorkingDays(due, -days)).as("%s %+d", from, days).isEqualTo(from);
            }
            LocalDate other = first.plusDays(random.nextInt(730));
            assertThat(calendar.workingDaysBetween(from, other)).as("(%s, %s]", from, other)
                    .isEqualTo(Oracle.between(from, other));
        }
    }

    @Test
    void inconsistentRowsAreRefused() {
        var gap = List.of(new CalendarYear(2030, false, "t"), new CalendarYear(2032, false, "t"));
        assertThatThrownBy(() -> new CalendarSnapshot(new CalendarStore.Rows(gap, List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("consecutive");
        assertThatThrownBy(() -> new CalendarSnapshot(new CalendarStore.Rows(List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        var weekdayMakeUp = List.of(new CalendarDay(date("2030-05-06"), Kind.WORKING_DAY, "Monday?", false));
        assertThatThrownBy(() -> new CalendarSnapshot(new CalendarStore.Rows(YEARS, weekdayMakeUp)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2030-05-06");
        var outside = List.of(holiday("2033-01-03"));
        assertThatThrownBy(() -> new CalendarSnapshot(new CalendarStore.Rows(YEARS, outside)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2033-01-03");
        var twice = List.of(holiday("2030-03-05"), holiday("2030-03-05"));
        assertThatThrownBy(() -> new CalendarSnapshot(new CalendarStore.Rows(YEARS, twice)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void reloadSwitchesToTheNewRowsAndAFailedReloadKeepsTheOldOnes() {
        var rows = new AtomicReference<>(new CalendarStore.Rows(YEARS, DAYS));
        var reloadable = new WorkingCalendar(rows::get);
        assertThat(reloadable.isWorkingDay(date("2030-03-05"))).isTrue();

        List<CalendarDay> more = new ArrayList<>(DAYS);
        more.add(holiday("2030-03-05"));
        rows.set(new CalendarStore.Rows(YEARS, more));
        reloadable.reload();
        assertThat(reloadable.isWorkingDay(date("2030-03-05"))).isFalse();

        rows.set(new CalendarStore.Rows(List.of(new CalendarYear(2030, false, "t"),
                new CalendarYear(2035, false, "t")), DAYS));
        assertThatThrownBy(reloadable::reload).isInstanceOf(IllegalStateException.class);
        assertThat(reloadable.isWorkingDay(date("2030-03-05"))).isFalse();
        assertNoData(() -> reloadable.isWorkingDay(date("2035-03-05")), 2035);
    }

    private static void assertNoData(Runnable call, int year) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NoCalendarDataException.class, e -> {
            assertThat(e.year()).isEqualTo(year);
            assertThat(e).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no data for the year " + year);
        });
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static CalendarDay holiday(String iso) {
        return new CalendarDay(date(iso), Kind.HOLIDAY, "holiday " + iso, false);
    }

    /** Steps one day at a time over the raw rows; unbounded (it does not know the covered years). */
    static final class Oracle {
        static final Map<LocalDate, Kind> KINDS = new HashMap<>();

        static {
            DAYS.forEach(d -> KINDS.put(d.date(), d.kind()));
        }

        static boolean working(LocalDate d) {
            Kind kind = KINDS.get(d);
            if (kind != null) {
                return kind == Kind.WORKING_DAY;
            }
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        static LocalDate add(LocalDate from, int days) {
            LocalDate d = from;
            if (days == 0) {
                while (!working(d)) {
                    d = d.plusDays(1);
                }
                return d;
            }
            int step = days > 0 ? 1 : -1;
            for (int left = Math.abs(days); left > 0; ) {
                d = d.plusDays(step);
                if (working(d)) {
                    left--;
                }
            }
            return d;
        }

        static int between(LocalDate fromExclusive, LocalDate toInclusive) {
            int n = 0;
            for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
                if (working(d)) {
                    n++;
                }
            }
            return n;
        }
    }
}
