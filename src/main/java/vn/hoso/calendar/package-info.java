/**
 * The working-day calendar: deadlines of administrative cases count working days (Monday to Friday, except public
 * holidays, plus make-up working Saturdays). The holidays are data (tables {@code calendar_year} and
 * {@code calendar_exception}), loaded into memory. Public surface: {@link vn.hoso.calendar.WorkingCalendar} and
 * {@link vn.hoso.calendar.NoCalendarDataException}; {@code /api/calendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar",
        allowedDependencies = {"platform", "identity"})
package vn.hoso.calendar;
