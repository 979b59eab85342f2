package vn.hoso.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar on the shipped rows (Flyway V20, V21) in the real database. */
@IntegrationTest
class WorkingCalendarTest {

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseReceivedOnTheFridayBeforeTet2024IsDueAfterTheWholeBreak() {
        // Fri 2/2/2024 + 10: 5, 6, 7/2 (3); Tết 8–14/2 (Thu–Wed, weekend inside); 15, 16 (5); 19–23/2 (10)
        LocalDate received = date("2024-02-02");
        assertThat(received.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.addWorkingDays(received, 10)).isEqualTo("2024-02-23");
        assertThat(calendar.workingDaysBetween(received, date("2024-02-23"))).isEqualTo(10);
        assertThat(calendar.nextWorkingDay(date("2024-02-07"))).isEqualTo("2024-02-15");
        assertThat(calendar.previousWorkingDay(date("2024-02-15"))).isEqualTo("2024-02-07");
    }

    @Test
    void aCaseReceivedOnTheFridayBeforeTet2026SkipsTheNineDayBreak() {
        LocalDate received = date("2026-02-13");
        for (LocalDate d = date("2026-02-14"); !d.isAfter(date("2026-02-22")); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(calendar.addWorkingDays(received, 1)).isEqualTo("2026-02-23");
        assertThat(calendar.addWorkingDays(received, 3)).isEqualTo("2026-02-25");
        assertThat(calendar.addWorkingDays(received, 10)).isEqualTo("2026-03-06");
        assertThat(calendar.addWorkingDays(date("2026-02-23"), -1)).isEqualTo(received);
        assertThat(calendar.workingDaysBetween(received, date("2026-02-22"))).isZero();
    }

    @Test
    void reunificationAndLabourDayBreaksAreSkipped() {
        // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon, compensatory 2/5 and 3/5
        assertThat(calendar.addWorkingDays(date("2023-04-28"), 1)).isEqualTo("2023-05-04");
        // 2024: Mon 29/4 swapped for Sat 4/5
        assertThat(calendar.addWorkingDays(date("2024-04-26"), 1)).isEqualTo("2024-05-02");
        // 2025: Fri 2/5 swapped for Sat 26/4
        assertThat(calendar.addWorkingDays(date("2025-04-29"), 1)).isEqualTo("2025-05-05");
        // 2027 (provisional): 1/5 on a Saturday gives Monday 3/5 off
        assertThat(calendar.addWorkingDays(date("2027-04-29"), 1)).isEqualTo("2027-05-04");
    }

    @Test
    void nationalDayBreaksAreSkipped() {
        assertThat(calendar.addWorkingDays(date("2023-08-31"), 1)).isEqualTo("2023-09-05"); // 2/9 on a Saturday
        assertThat(calendar.addWorkingDays(date("2024-08-30"), 1)).isEqualTo("2024-09-04");
        assertThat(calendar.addWorkingDays(date("2025-08-29"), 1)).isEqualTo("2025-09-03");
        assertThat(calendar.addWorkingDays(date("2026-08-28"), 1)).isEqualTo("2026-09-03");
    }

    @Test
    void aMakeUpSaturdayCountsAsAWorkingDay() {
        for (String saturday : new String[] {"2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"}) {
            assertThat(date(saturday).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(date(saturday))).as(saturday).isTrue();
            assertThat(calendar.nextWorkingDay(date(saturday).minusDays(1))).isEqualTo(saturday);
        }
        assertThat(calendar.isWorkingDay(date("2023-05-06"))).isFalse(); // 2023 had no swap
        assertThat(calendar.addWorkingDays(date("2025-12-31"), 1)).isEqualTo("2026-01-05");
        assertThat(calendar.workingDaysBetween(date("2026-01-09"), date("2026-01-12"))).isEqualTo(2);
    }

    /** Each break as announced (first and last day off, weekends included): the days around it are worked. */
    @Test
    void everyAnnouncedBreakOf2021To2026MatchesTheData() {
        String[][] breaks = {
                {"2021-01-01", "2021-01-03"}, {"2021-02-10", "2021-02-16"}, {"2021-04-21", "2021-04-21"},
                {"2021-04-30", "2021-05-03"}, {"2021-09-02", "2021-09-05"},
                {"2022-01-01", "2022-01-03"}, {"2022-01-29", "2022-02-06"}, {"2022-04-09", "2022-04-11"},
                {"2022-04-30", "2022-05-03"}, {"2022-09-01", "2022-09-04"},
                {"2022-12-31", "2023-01-02"}, {"2023-01-20", "2023-01-26"}, {"2023-04-29", "2023-05-03"},
                {"2023-09-01", "2023-09-04"},
                {"2023-12-30", "2024-01-01"}, {"2024-02-08", "2024-02-14"}, {"2024-04-18", "2024-04-18"},
                {"2024-04-27", "2024-05-01"}, {"2024-08-31", "2024-09-03"},
                {"2025-01-01", "2025-01-01"}, {"2025-01-25", "2025-02-02"}, {"2025-04-05", "2025-04-07"},
                {"2025-04-30", "2025-05-04"}, {"2025-08-30", "2025-09-02"},
                {"2026-01-01", "2026-01-04"}, {"2026-02-14", "2026-02-22"}, {"2026-04-25", "2026-04-27"},
                {"2026-04-30", "2026-05-03"}, {"2026-08-29", "2026-09-02"}};
        for (String[] b : breaks) {
            LocalDate first = date(b[0]);
            LocalDate last = date(b[1]);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as("%s in the break %s–%s", d, first, last).isFalse();
            }
            assertThat(calendar.isWorkingDay(last.plusDays(1))).as("day after %s", last).isTrue();
            if (first.minusDays(1).getYear() >= 2021) { // 31/12/2020 is outside the data
                assertThat(calendar.isWorkingDay(first.minusDays(1))).as("day before %s", first).isTrue();
                assertThat(calendar.nextWorkingDay(first.minusDays(1))).isEqualTo(last.plusDays(1));
            }
        }
    }

    /** Labour Code 2019, art. 112: 11 holiday days a year; swaps move days off, they do not add any. */
    @Test
    void everyYearHasElevenDaysOffOnWeekdaysNetOfMakeUpDays() {
        CalendarSnapshot data = calendar.snapshot();
        assertThat(data.firstYear()).isEqualTo(2021);
        assertThat(data.lastYear()).isEqualTo(2027);
        for (int year = 2021; year <= 2027; year++) {
            int weekdays = 0;
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    weekdays++;
                }
            }
            assertThat(weekdays - data.workingDayCount(year)).as("year %d", year).isEqualTo(11);
        }
        assertThat(data.year(2027).provisional()).isTrue();
        assertThat(data.days(2027)).isNotEmpty().allMatch(CalendarDay::provisional);
        assertThat(data.year(2026).provisional()).isFalse();
        assertThat(data.days(2026)).noneMatch(CalendarDay::provisional);
    }

    @Test
    void yearsOutsideTheDataThrow() {
        assertNoData(() -> calendar.isWorkingDay(date("2020-12-31")), 2020);
        assertNoData(() -> calendar.isWorkingDay(date("2028-01-01")), 2028);
        assertNoData(() -> calendar.addWorkingDays(date("2027-12-30"), 5), 2028);
        assertNoData(() -> calendar.nextWorkingDay(date("2029-06-01")), 2029);
        // 1/1/2021 is a holiday and 2–3/1 a weekend: no working day before Mon 4/1/2021 in the data
        assertNoData(() -> calendar.previousWorkingDay(date("2021-01-04")), 2020);
        assertNoData(() -> calendar.workingDaysBetween(date("2020-12-31"), date("2021-01-05")), 2020);
        assertThat(calendar.workingDaysBetween(date("2021-01-01"), date("2027-12-31")))
                .isEqualTo(250 + 249 + 249 + 251 + 250 + 250 + 250);
    }

    /** Property-style, fixed seed: over the real data, addWorkingDays and workingDaysBetween undo each other. */
    @Test
    void workingDaysBetweenInvertsAddWorkingDays() {
        Random random = new Random(20240202L);
        LocalDate first = date("2021-01-01");
        int checked = 0;
        for (int run = 0; run < 20_000; run++) {
            LocalDate from = first.plusDays(random.nextInt(2557));
            int days = random.nextInt(1001);
            LocalDate due;
            try {
                due = calendar.addWorkingDays(from, days);
            } catch (NoCalendarDataException e) {
                assertThat(e.year()).isEqualTo(2028);
                continue;
            }
            checked++;
            assertThat(calendar.isWorkingDay(due)).isTrue();
            if (days > 0) {
                assertThat(calendar.workingDaysBetween(from, due)).as("%s + %d", from, days).isEqualTo(days);
                assertThat(calendar.workingDaysBetween(from, due.minusDays(1))).isEqualTo(days - 1);
            }
            if (calendar.isWorkingDay(from)) {
                assertThat(calendar.addWorkingDays(due, -days)).as("%s + %d - %d", from, days, days).isEqualTo(from);
            }
            LocalDate middle = from.plusDays(random.nextInt(Math.max(1, (int) (due.toEpochDay() - from.toEpochDay()))));
            assertThat(calendar.workingDaysBetween(from, middle) + calendar.workingDaysBetween(middle, due))
                    .isEqualTo(calendar.workingDaysBetween(from, due));
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void anOperatorsChangeTakesEffectOnReload() {
        LocalDate tuesday = date("2027-06-15");
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
        try {
            jdbc.sql("insert into calendar_exception (day, kind, name, provisional) values (?, 'HOLIDAY', ?, true)")
                    .params(tuesday, "Ngày nghỉ thử nghiệm").update();
            assertThat(calendar.isWorkingDay(tuesday)).as("not before reload").isTrue();
            calendar.reload();
            assertThat(calendar.isWorkingDay(tuesday)).isFalse();
            assertThat(calendar.addWorkingDays(date("2027-06-14"), 1)).isEqualTo("2027-06-16");
        } finally {
            jdbc.sql("delete from calendar_exception where day = ?").param(tuesday).update();
            calendar.reload();
        }
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
    }

    @Test
    void theDatabaseRefusesRowsTheCalendarCouldNotUse() {
        int before = jdbc.sql("select count(*) from calendar_exception").query(Integer.class).single();
        // a make-up working day must be a Saturday or Sunday
        assertThatThrownBy(() -> jdbc.sql("insert into calendar_exception (day, kind, name) values "
                + "(date '2027-06-16', 'WORKING_DAY', 'thứ Tư?')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // a day in a year that calendar_year does not list
        assertThatThrownBy(() -> jdbc.sql("insert into calendar_exception (day, kind, name) values "
                + "(date '2030-01-01', 'HOLIDAY', 'Tết Dương lịch')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from calendar_exception").query(Integer.class).single())
                .isEqualTo(before);
    }

    @Test
    void aReloadOfInconsistentRowsFailsAndKeepsTheOldData() {
        try {
            jdbc.sql("insert into calendar_year (year, provisional, source) values (2029, true, 'gap')").update();
            assertThatThrownBy(calendar::reload).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("consecutive");
            assertThat(calendar.isWorkingDay(date("2027-06-15"))).isTrue();
            assertNoData(() -> calendar.isWorkingDay(date("2029-06-15")), 2029);
        } finally {
            jdbc.sql("delete from calendar_year where year = 2029").update();
        }
    }

    private static void assertNoData(Runnable call, int year) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NoCalendarDataException.class, e -> {
            assertThat(e.year()).isEqualTo(year);
            assertThat(e).hasMessageContaining("no data for the year " + year);
        });
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
