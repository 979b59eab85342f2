package vn.hoso.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The calendar's rows turned into two arrays over the covered days, immutable once built (a reload builds a new
 * one). With {@code i} the index of a day from the first covered day:
 * <ul>
 * <li>{@code workingBefore[i]} = working days strictly before day {@code i}, so day {@code i} is a working day
 * exactly when {@code workingBefore[i + 1] - workingBefore[i] == 1};</li>
 * <li>{@code workingDays[k]} = the index of the k-th working day (0-based).</li>
 * </ul>
 * Every operation is a range check and one or two array reads: no loop, no allocation besides the answer.
 */
final class CalendarSnapshot {

    private final int firstYear;
    private final int lastYear;
    private final long firstEpochDay;
    private final long lastEpochDay;
    private final int[] workingBefore;
    private final int[] workingDays;
    private final Map<Integer, CalendarYear> years;
    private final Map<Integer, List<CalendarDay>> daysByYear;

    CalendarSnapshot(CalendarStore.Rows rows) {
        Objects.requireNonNull(rows, "rows");
        TreeMap<Integer, CalendarYear> sortedYears = new TreeMap<>();
        for (CalendarYear y : rows.years()) {
            if (sortedYears.put(y.year(), y) != null) {
                throw new IllegalStateException("Year " + y.year() + " is listed twice.");
            }
        }
        if (sortedYears.isEmpty()) {
            throw new IllegalStateException("The calendar covers no year: calendar_year is empty.");
        }
        firstYear = sortedYears.firstKey();
        lastYear = sortedYears.lastKey();
        if (lastYear - firstYear + 1 != sortedYears.size()) {
            throw new IllegalStateException("The covered years must be consecutive, but calendar_year has "
                    + sortedYears.keySet() + ".");
        }
        firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        lastEpochDay = LocalDate.of(lastYear, 12, 31).toEpochDay();
        int length = (int) (lastEpochDay - firstEpochDay + 1);

        boolean[] working = new boolean[length];
        for (int i = 0; i < length; i++) {
            working[i] = !isWeekend(LocalDate.ofEpochDay(firstEpochDay + i));
        }
        Map<Integer, List<CalendarDay>> byYear = new HashMap<>();
        Map<LocalDate, CalendarDay> seen = new HashMap<>();
        for (CalendarDay day : rows.days()) {
            int year = day.date().getYear();
            if (!sortedYears.containsKey(year)) {
                throw new IllegalStateException("The exception " + day.date() + " lies in a year the calendar "
                        + "does not cover (" + firstYear + "–" + lastYear + ").");
            }
            if (seen.put(day.date(), day) != null) {
                throw new IllegalStateException("The day " + day.date() + " is listed twice.");
            }
            if (day.kind() == CalendarDay.Kind.WORKING_DAY && !isWeekend(day.date())) {
                throw new IllegalStateException("The make-up working day " + day.date()
                        + " is not a Saturday or Sunday.");
            }
            working[(int) (day.date().toEpochDay() - firstEpochDay)] = day.kind() == CalendarDay.Kind.WORKING_DAY;
            byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(day);
        }

        workingBefore = new int[length + 1];
        int count = 0;
        for (int i = 0; i < length; i++) {
            workingBefore[i] = count;
            if (working[i]) {
                count++;
            }
        }
        workingBefore[length] = count;
        workingDays = new int[count];
        for (int i = 0, k = 0; i < length; i++) {
            if (working[i]) {
                workingDays[k++] = i;
            }
        }

        years = Collections.unmodifiableMap(sortedYears);
        byYear.values().forEach(list -> list.sort((a, b) -> a.date().compareTo(b.date())));
        byYear.replaceAll((y, list) -> List.copyOf(list));
        daysByYear = Map.copyOf(byYear);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return workingBefore[i + 1] != workingBefore[i];
    }

    LocalDate addWorkingDays(LocalDate from, int days) {
        int i = index(from);
        // k: 0-based position of the answer among all working days
        long k;
        if (days > 0) {
            k = (long) workingBefore[i + 1] + days - 1;    // the days-th working day after from
        } else if (days == 0) {
            k = workingBefore[i];                          // the first working day on or after from
        } else {
            k = (long) workingBefore[i] + days;            // the |days|-th working day before from
        }
        if (k < 0) {
            throw noData(firstYear - 1);
        }
        if (k >= workingDays.length) {
            throw noData(lastYear + 1);
        }
        return LocalDate.ofEpochDay(firstEpochDay + workingDays[(int) k]);
    }

    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int i = index(fromExclusive);
        int j = index(toInclusive);
        return j <= i ? 0 : workingBefore[j + 1] - workingBefore[i + 1];
    }

    private int index(LocalDate date) {
        Objects.requireNonNull(date, "date");
        long epochDay = date.toEpochDay();
        if (epochDay < firstEpochDay || epochDay > lastEpochDay) {
            throw noData(date.getYear());
        }
        return (int) (epochDay - firstEpochDay);
    }

    private NoCalendarDataException noData(int year) {
        return new NoCalendarDataException(year, firstYear, lastYear);
    }

    int firstYear() {
        return firstYear;
    }

    int lastYear() {
        return lastYear;
    }

    /** The covered year, or null. */
    CalendarYear year(int year) {
        return years.get(year);
    }

    /** The exceptions of a covered year, by date. */
    List<CalendarDay> days(int year) {
        return daysByYear.getOrDefault(year, List.of());
    }

    /** Working days of a covered year. */
    int workingDayCount(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int i = index(first);
        int j = index(first.withDayOfYear(first.lengthOfYear()));
        return workingBefore[j + 1] - workingBefore[i];
    }

    int exceptionCount() {
        return daysByYear.values().stream().mapToInt(List::size).sum();
    }
}
