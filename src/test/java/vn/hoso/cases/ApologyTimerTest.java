package vn.hoso.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When the Mẫu 04 task appears ({@link ApologyTimer}), on a stubbed calendar. */
@Tag("fast")
class ApologyTimerTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    final WorkingCalendar calendar = mock(WorkingCalendar.class);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), HCM).toInstant();
    }

    @Test
    void at15OnTheWorkingDayBeforeTheAppointment() {
        LocalDate due = LocalDate.parse("2026-03-23"); // a Monday: the working day before is Friday the 20th
        when(calendar.previousWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-20"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-09T08:30:00"), HCM))
                .isEqualTo(at("2026-03-20T15:00:00"));
    }

    @Test
    void onTheDayItselfAt8WhenTheDayBeforeHadPassedAtReceipt() {
        LocalDate due = LocalDate.parse("2026-03-10");
        when(calendar.previousWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-09"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-09T15:00:00"), HCM))
                .as("received exactly at the moment").isEqualTo(at("2026-03-10T08:00:00"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-09T16:45:00"), HCM))
                .isEqualTo(at("2026-03-10T08:00:00"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-09T14:59:59"), HCM))
                .as("a second before it: still the day before").isEqualTo(at("2026-03-09T15:00:00"));
    }

    @Test
    void aSameDayProcedureNeverGetsItAtTheMomentOfReceipt() {
        LocalDate due = LocalDate.parse("2026-03-10"); // due the day it is received
        when(calendar.previousWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-09"));
        when(calendar.nextWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-11"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-10T07:30:00"), HCM))
                .as("received before 8:00").isEqualTo(at("2026-03-10T08:00:00"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-10T09:00:00"), HCM))
                .as("received during the day: warned at 15:00, not at once").isEqualTo(at("2026-03-10T15:00:00"));
        assertThat(ApologyTimer.at(calendar, due, at("2026-03-10T15:30:00"), HCM))
                .as("received after 15:00: the next working morning").isEqualTo(at("2026-03-11T08:00:00"));
    }

    @Test
    void itIsAlwaysAfterReceipt() {
        LocalDate due = LocalDate.parse("2026-03-10");
        when(calendar.previousWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-09"));
        when(calendar.nextWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-11"));
        for (int minutes = 0; minutes < 3 * 24 * 60; minutes += 7) {
            Instant received = at("2026-03-08T00:00:00").plusSeconds(60L * minutes);
            assertThat(ApologyTimer.at(calendar, due, received, HCM)).as("received %s", received).isAfter(received);
        }
    }

    @Test
    void theTimesAreTheBusinessZones() {
        LocalDate due = LocalDate.parse("2026-03-23");
        when(calendar.previousWorkingDay(due)).thenReturn(LocalDate.parse("2026-03-20"));
        assertThat(ApologyTimer.at(calendar, due, Instant.parse("2026-03-01T00:00:00Z"), HCM))
                .isEqualTo(Instant.parse("2026-03-20T08:00:00Z"));
    }
}
