package vn.hoso.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import vn.hoso.calendar.CalendarDay.Kind;
import vn.hoso.identity.ApiSecurityForSlices;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/calendar} in a web slice: the controller behind the application's real API security, on a small
 * made-up calendar (2030–2031), no database or engine. The real calendar's figures are CalendarApiTest's.
 */
@Tag("fast")
// the tests' settings (their demo credentials): the application refuses to start without them
@ActiveProfiles({"dev", "test"})
@WebMvcTest(CalendarController.class)
@Import({ApiSecurityForSlices.class, CalendarControllerSliceTest.MadeUpCalendar.class})
class CalendarControllerSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MadeUpCalendar {
        @Bean
        WorkingCalendar workingCalendar() {
            return new WorkingCalendar(() -> new CalendarStore.Rows(
                    List.of(new CalendarYear(2030, false, "test"), new CalendarYear(2031, true, "test")),
                    List.of(new CalendarDay(LocalDate.parse("2030-02-04"), Kind.HOLIDAY, "Tết", false),
                            new CalendarDay(LocalDate.parse("2030-02-05"), Kind.HOLIDAY, "Tết", false),
                            new CalendarDay(LocalDate.parse("2030-05-04"), Kind.WORKING_DAY, "make-up", false),
                            new CalendarDay(LocalDate.parse("2031-01-01"), Kind.HOLIDAY, "Tết Dương lịch",
                                    true))));
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aYearListsItsHolidaysAndMakeUpDays() throws Exception {
        mvc.perform(get("/api/calendar/2030").with(httpBasic("officer.10507", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2030))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.holidays[*].date").value(org.hamcrest.Matchers.contains("2030-02-04",
                        "2030-02-05")))
                .andExpect(jsonPath("$.makeUpWorkingDays[0].date").value("2030-05-04"))
                .andExpect(jsonPath("$.workingDayCount").value(261 - 2 + 1)); // 261 weekdays in 2030
        mvc.perform(get("/api/calendar/2031").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holidays[0].provisional").value(true));
    }

    @Test
    void anUncoveredYearIs404AndAMalformedOne400AsProblems() throws Exception {
        mvc.perform(get("/api/calendar/2029").with(httpBasic("auditor", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2030–2031")));
        mvc.perform(get("/api/calendar/20x0").with(httpBasic("auditor", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void workingDaysCountsOverHolidaysAndRefusesWhatItCannotCount() throws Exception {
        mvc.perform(get("/api/calendar/working-days?from=2030-02-01&days=1").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.due").value("2030-02-06"));
        for (String query : new String[] {"from=2030-02-01&days=1001", "from=2030-02-01&days=x", "days=3",
                "from=2030-02-30&days=1", "from=2031-12-30&days=5"}) {
            mvc.perform(get("/api/calendar/working-days?" + query).with(httpBasic("auditor", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void withoutValidCredentialsItIs401AndOnlyAnAdministratorReloads() throws Exception {
        mvc.perform(get("/api/calendar/2030")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/calendar/2030").with(httpBasic("officer.10507", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/calendar/reload").with(httpBasic("officer.10507", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/calendar/reload").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.firstYear").value(2030))
                .andExpect(jsonPath("$.lastYear").value(2031)).andExpect(jsonPath("$.exceptions").value(4));
    }
}
