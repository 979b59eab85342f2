package vn.hoso.citizens.notify;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseReceived;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.CaseTransferred;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.OtherCaseEvent;
import vn.hoso.events.Resolution;
import vn.hoso.events.StepCompleted;
import vn.hoso.events.SupplementationRequested;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table of what the applicant is told: every moment of the rules, nothing else. */
@Tag("fast")
class ApplicantMessageTableTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");
    static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    static Optional<ApplicantMessage> of(CaseEventData event) {
        return ApplicantMessage.of(event);
    }

    static StepCompleted step(String key) {
        return new StepCompleted("c", key, "t", "10507", null, null, "officer.10507", AT, null, "BIRTH_REG", null);
    }

    static CaseResolved resolved(Resolution outcome) {
        return new CaseResolved("c", outcome, "10507", null, AT, DUE, null, null, null, null, 0, false);
    }

    @Test
    void eachMomentOfTheRulesSendsItsMessage() {
        assertThat(of(new CaseReceived("c", "X", null, "BIRTH_REG", "10507", null, null, AT, DUE)))
                .hasValue(ApplicantMessage.RECEIVED);
        assertThat(of(new SupplementationRequested("c", "10507", null, AT, 1)))
                .hasValue(ApplicantMessage.SUPPLEMENTATION_REQUESTED);
        assertThat(of(new DueDateChanged("c", "10507", null, DUE, DUE.minusDays(2), DueDateChanged.Reason.APOLOGY, AT)))
                .hasValue(ApplicantMessage.APOLOGY);
        assertThat(of(resolved(Resolution.REJECTED))).hasValue(ApplicantMessage.REJECTED);
        assertThat(of(step("issue"))).hasValue(ApplicantMessage.RESULT_READY);
        assertThat(of(step("returnResult"))).hasValue(ApplicantMessage.RETURNED);
        assertThat(of(step("returnAtReceivingUnit"))).hasValue(ApplicantMessage.RETURNED);
        // the moments issue 12 added: Mẫu 02, Mẫu 03, awaiting payment, stopped
        assertThat(of(new vn.hoso.events.CaseNotReceived("c", "10507", null, AT, null, "BIRTH_REG")))
                .hasValue(ApplicantMessage.NOT_RECEIVED);
        assertThat(of(new vn.hoso.events.CaseRefused("c", "10507", null, AT, null, "BIRTH_REG")))
                .hasValue(ApplicantMessage.REFUSED);
        assertThat(of(new vn.hoso.events.PaymentRequested("c", "10507", null, AT)))
                .hasValue(ApplicantMessage.PAYMENT_REQUESTED);
        assertThat(of(resolved(Resolution.STOPPED))).hasValue(ApplicantMessage.STOPPED);
    }

    @Test
    void stepsInsideTheAdministrationSendNothing() {
        for (String key : new String[] {"receive", "appraise", "approve", "forward", "awaitSupplement", "apology"}) {
            assertThat(of(step(key))).as(key).isEmpty();
        }
        assertThat(of(new DueDateChanged("c", "10507", null, DUE, DUE.minusDays(2),
                DueDateChanged.Reason.SUPPLEMENTATION, AT))).isEmpty();
        assertThat(of(new DueDateChanged("c", "10507", null, DUE, DUE.minusDays(2),
                DueDateChanged.Reason.PAYMENT, AT))).isEmpty();
        assertThat(of(new vn.hoso.events.OverdueWarning("c", "10507", null, DUE, null, AT))).isEmpty();
        assertThat(of(resolved(Resolution.APPROVED))).isEmpty();
        assertThat(of(new CaseTransferred("c", "10507", null, "31", null, null, AT))).isEmpty();
        assertThat(of(new OtherCaseEvent("vn.hoso.case.something-new", "c", "10507", null))).isEmpty();
    }

    @Test
    void theTextIsFilledInAndCarriesTheLookupLink() {
        var facts = new ApplicantMessage.Facts("10507-260302-0001", "Đăng ký khai sinh", "Phường Thành Đông",
                "10/03/2026", "https://dichvu.example.vn/tra-cuu?code=10507-260302-0001");
        assertThat(ApplicantMessage.APOLOGY.subject(facts)).isEqualTo("Hồ sơ 10507-260302-0001: xin lỗi và hẹn lại ngày trả");
        assertThat(ApplicantMessage.APOLOGY.body(facts)).contains("Ngày hẹn trả kết quả mới: 10/03/2026.")
                .contains("https://dichvu.example.vn/tra-cuu?code=10507-260302-0001").doesNotContain("{");
        assertThat(ApplicantMessage.APOLOGY.dateOf(new DueDateChanged("c", "10507", null, DUE, null,
                DueDateChanged.Reason.APOLOGY, AT))).isEqualTo(DUE);
    }
}
