package vn.hoso.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test (no {@code Test} in its name): a rough micro-benchmark of the in-memory calendar, 7 years with about
 * 100 exceptions like the shipped data. Run by hand after {@code mvn -o test-compile}:
 * {@code java -cp target/classes:target/test-classes:<dependency classpath> vn.hoso.calendar.WorkingCalendarBenchmark}
 * (the classpath from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout}).
 */
public final class WorkingCalendarBenchmark {

    public static void main(String[] args) {
        List<CalendarYear> years = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Random random = new Random(1);
        for (int y = 2021; y <= 2027; y++) {
            years.add(new CalendarYear(y, false, "bench"));
            for (int i = 0; i < 15; i++) {
                LocalDate d = LocalDate.of(y, 1, 1).plusDays(i * 24L);
                days.add(new CalendarDay(d, CalendarDay.Kind.HOLIDAY, "h", false));
            }
        }
        WorkingCalendar calendar = new WorkingCalendar(() -> new CalendarStore.Rows(years, days));
        int n = 1 << 16;
        LocalDate[] dates = new LocalDate[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(2100));
            offsets[i] = random.nextInt(60);
        }
        for (int round = 0; round < 5; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                for (int i = 0; i < n; i++) {
                    sink += calendar.isWorkingDay(dates[i]) ? 1 : 0;
                }
            }
            long t1 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                for (int i = 0; i < n; i++) {
                    sink += calendar.addWorkingDays(dates[i], offsets[i]).getDayOfMonth();
                }
            }
            long t2 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                for (int i = 0; i < n; i++) {
                    sink += calendar.workingDaysBetween(dates[i], dates[(i + 1) & (n - 1)]);
                }
            }
            long t3 = System.nanoTime();
            double ops = 50.0 * n;
            System.out.printf("round %d: isWorkingDay %.1f ns, addWorkingDays %.1f ns, workingDaysBetween %.1f ns "
                    + "(sink %d)%n", round, (t1 - t0) / ops, (t2 - t1) / ops, (t3 - t2) / ops, sink);
        }
    }
}
