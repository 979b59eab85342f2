package vn.hoso.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.events.StepMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.AWAIT_SUPPLEMENT;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;

/** What a step's completion may carry ({@link StepRules}), without the engine. */
@Tag("fast")
class StepRulesTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void eachStepTakesItsInputAndNothingElse() {
        for (String deciding : List.of(RECEIVE, APPRAISE, AWAIT_SUPPLEMENT, APPROVE)) {
            assertThat(StepRules.inputs(deciding)).as(deciding).isEqualTo(Set.of("mode", "outcome"));
        }
        for (String plain : List.of(ISSUE, RETURN_RESULT, FORWARD, RETURN_AT_RECEIVING_UNIT)) {
            assertThat(StepRules.inputs(plain)).as(plain).isEqualTo(Set.of("mode"));
        }
        assertThat(StepRules.inputs(APOLOGY)).isEqualTo(Set.of("mode", "newAppointmentDate"));
        assertThat(StepRules.inputs("somethingElse")).isEqualTo(Set.of("mode"));
    }

    @Test
    void modeIsElectronicUnlessPaperIsSaid() {
        assertThat(StepRules.mode(null)).isEqualTo(StepMode.ELECTRONIC);
        assertThat(StepRules.mode("")).isEqualTo(StepMode.ELECTRONIC);
        assertThat(StepRules.mode("ELECTRONIC")).isEqualTo(StepMode.ELECTRONIC);
        assertThat(StepRules.mode("PAPER")).isEqualTo(StepMode.PAPER);
        for (Object bad : new Object[] {"paper", "FAX", " PAPER", 1, true}) {
            assertThatThrownBy(() -> StepRules.mode(bad)).as(String.valueOf(bad))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("ELECTRONIC or PAPER");
        }
    }

    @Test
    void noOutcomeMeansTheNormalPathTheFirstListed() {
        assertThat(StepRules.outcome(RECEIVE, null)).isEqualTo("ACCEPT");
        assertThat(StepRules.outcome(APPRAISE, "")).isEqualTo("APPROVE");
        assertThat(StepRules.outcome(AWAIT_SUPPLEMENT, null)).isEqualTo("SUPPLIED");
        assertThat(StepRules.outcome(APPROVE, null)).isEqualTo("APPROVE");
        assertThat(StepRules.outcome(ISSUE, null)).isNull();
        assertThat(StepRules.outcome(APOLOGY, "")).isNull();
    }

    @Test
    void anOutcomeMustBeOneTheStepAccepts() {
        assertThat(StepRules.outcome(APPRAISE, "WITHDRAW")).isEqualTo("WITHDRAW");
        assertThat(StepRules.outcome(AWAIT_SUPPLEMENT, "WITHDRAW")).isEqualTo("WITHDRAW");
        assertThatThrownBy(() -> StepRules.outcome(RECEIVE, "APPROVE")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("[ACCEPT, REJECT, RETURN_INCOMPLETE]");
        assertThatThrownBy(() -> StepRules.outcome(APPROVE, "SUPPLEMENT"))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> StepRules.outcome(APPRAISE, 1)).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> StepRules.outcome(FORWARD, "APPROVE")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("takes no outcome");
    }

    @Test
    void theNewAppointmentDateIsRequiredAndAfterTheCurrentOne() {
        LocalDate due = LocalDate.parse("2026-06-01");
        assertThat(StepRules.newAppointmentDate("2026-06-05", due, HCM)).isEqualTo("2026-06-05");
        assertThat(StepRules.newAppointmentDate("2026-06-05T00:00:00+07:00", due, HCM)).isEqualTo("2026-06-05");
        // a Date is read in the business zone: 23:30 UTC on the 4th is the 5th in Hà Nội
        Date date = Date.from(ZonedDateTime.parse("2026-06-04T23:30:00Z").toInstant());
        assertThat(StepRules.newAppointmentDate(date, due, HCM)).isEqualTo("2026-06-05");

        for (Object missing : new Object[] {null, "", "2026-6-5", "tomorrow", 20260605}) {
            assertThatThrownBy(() -> StepRules.newAppointmentDate(missing, due, HCM)).as(String.valueOf(missing))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("is required");
        }
        for (String notAfter : new String[] {"2026-06-01", "2026-05-31"}) {
            assertThatThrownBy(() -> StepRules.newAppointmentDate(notAfter, due, HCM)).as(notAfter)
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("after the current");
        }
    }
}
