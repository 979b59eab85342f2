package vn.hoso.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Same-day limits ({@link Deadlines}): 0 days = due on the day, received at or after 15:00 = the next working day. */
@Tag("fast")
class DeadlinesTest {

    final WorkingCalendar calendar = mock(WorkingCalendar.class);

    DeadlinesTest() {
        // Mon 2026-06-01 .. Fri 2026-06-05 are working days, the weekend is not
        when(calendar.isWorkingDay(any())).thenAnswer(c -> c.<LocalDate>getArgument(0).getDayOfWeek().getValue() < 6);
        when(calendar.nextWorkingDay(any())).thenAnswer(c -> {
            LocalDate d = c.<LocalDate>getArgument(0).plusDays(1);
            while (d.getDayOfWeek().getValue() >= 6) {
                d = d.plusDays(1);
            }
            return d;
        });
        when(calendar.addWorkingDays(any(), anyInt())).thenAnswer(c -> {
            LocalDate d = c.getArgument(0);
            for (int i = 0; i < c.<Integer>getArgument(1); i++) {
                d = calendar.nextWorkingDay(d);
            }
            return d;
        });
    }

    static LocalDateTime at(String t) {
        return LocalDateTime.parse(t);
    }

    @Test
    void aSameDayProcedureIsDueOnTheDayUntil15AndTheNextWorkingDayFrom15() {
        assertThat(Deadlines.dueDate(calendar, at("2026-06-01T14:59:59"), 0)).isEqualTo("2026-06-01");
        assertThat(Deadlines.dueDate(calendar, at("2026-06-01T15:00:00"), 0)).isEqualTo("2026-06-02");
        assertThat(Deadlines.dueDate(calendar, at("2026-06-05T16:00:00"), 0)).as("Friday → Monday")
                .isEqualTo("2026-06-08");
        assertThat(Deadlines.dueDate(calendar, at("2026-06-06T10:00:00"), 0)).as("Saturday counts as Monday")
                .isEqualTo("2026-06-08");
        assertThat(Deadlines.dueDate(calendar, at("2026-06-06T16:00:00"), 0)).as("Saturday afternoon too")
                .isEqualTo("2026-06-08");
    }

    @Test
    void theCutOffDoesNotMoveLimitsInDays() {
        assertThat(Deadlines.dueDate(calendar, at("2026-06-01T16:00:00"), 3)).isEqualTo("2026-06-04");
        assertThat(Deadlines.dueDate(calendar, at("2026-06-01T08:00:00"), 3)).isEqualTo("2026-06-04");
    }
}
