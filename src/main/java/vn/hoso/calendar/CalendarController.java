package vn.hoso.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.platform.Conflict;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotFound;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final int MAX_DAYS = 1000;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final WorkingCalendar calendar;

    CalendarController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    record DayView(LocalDate date, String name, boolean provisional) {
        static DayView of(CalendarDay d) {
            return new DayView(d.date(), d.name(), d.provisional());
        }
    }

    record YearView(int year, boolean provisional, String source, int workingDayCount, List<DayView> holidays,
                    List<DayView> makeUpWorkingDays) {
    }

    record DueView(LocalDate from, int days, LocalDate due) {
    }

    record ReloadView(int firstYear, int lastYear, int exceptions) {
    }

    @GetMapping("/{year}")
    YearView year(@PathVariable("year") String year) {
        if (!YEAR.matcher(year).matches()) {
            throw new InvalidRequest("Malformed year",
                    "The year must be written with four digits, e.g. 2026; got '" + year + "'.");
        }
        CalendarSnapshot data = calendar.snapshot();
        CalendarYear covered = data.year(Integer.parseInt(year));
        if (covered == null) {
            throw new NotFound("Year not covered", "The working-day calendar has no data for the "
                    + "year " + year + " (it covers " + data.firstYear() + "–" + data.lastYear() + ").");
        }
        List<CalendarDay> days = data.days(covered.year());
        return new YearView(covered.year(), covered.provisional(), covered.source(),
                data.workingDayCount(covered.year()),
                days.stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY).map(DayView::of).toList(),
                days.stream().filter(d -> d.kind() == CalendarDay.Kind.WORKING_DAY).map(DayView::of).toList());
    }

    @GetMapping("/working-days")
    DueView workingDays(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam("days") int days) {
        if (Math.abs((long) days) > MAX_DAYS) {
            throw new InvalidRequest("Too many days",
                    "'days' must be between -" + MAX_DAYS + " and " + MAX_DAYS + "; got " + days + ".");
        }
        try {
            return new DueView(from, days, calendar.addWorkingDays(from, days));
        } catch (NoCalendarDataException e) {
            throw new InvalidRequest("Year not covered", e.getMessage());
        }
    }

    /** After an operator changed calendar rows: administrators only. */
    @PostMapping("/reload")
    ReloadView reload() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null || !user.isAdmin()) {
            throw new Forbidden("Forbidden", "Only an administrator may reload the calendar.");
        }
        try {
            calendar.reload();
        } catch (IllegalStateException e) {
            throw new Conflict("Calendar rows are inconsistent",
                    e.getMessage() + " The calendar keeps the data it had.");
        }
        CalendarSnapshot data = calendar.snapshot();
        return new ReloadView(data.firstYear(), data.lastYear(), data.exceptionCount());
    }
}
