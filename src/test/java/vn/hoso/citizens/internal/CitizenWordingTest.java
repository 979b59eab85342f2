package vn.hoso.citizens.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.cases.CaseStatus;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.CaseResolved;
import vn.hoso.events.CaseTransferred;
import vn.hoso.events.DueDateChanged;
import vn.hoso.events.Resolution;
import vn.hoso.events.StepCompleted;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class CitizenWordingTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");
    static final CitizenWording.UnitNames NAMES = code -> "31".equals(code) ? "Thành phố Hải Phòng" : "Phường " + code;

    static String line(String type, vn.hoso.events.CaseEventData event) {
        return CitizenWording.TIMELINE.get(type).apply(event, NAMES);
    }

    @Test
    void everyStatusOfTheProductIsWordedAndSaysWhatToDo() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CitizenWording.STATUS).as(status.name()).containsKey(status.name());
            assertThat(CitizenWording.ACTION).as(status.name()).containsKey(status.name());
        }
        var collect = CitizenWording.action("FINISHED", "Phường Thành Đông", LocalDate.of(2026, 3, 3));
        assertThat(collect.code()).isEqualTo("COLLECT");
        assertThat(collect.text()).contains("đến nhận kết quả tại Phường Thành Đông");
        assertThat(CitizenWording.action("PROCESSING", "Phường Thành Đông", LocalDate.of(2026, 3, 3)).text())
                .contains("03/03/2026").doesNotContain("%");
        // a status another module adds later is shown by its name, with no action
        assertThat(CitizenWording.status("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(CitizenWording.action("SOMETHING_NEW", "X", null).code()).isEqualTo("NONE");
    }

    @Test
    void theTimelineNamesUnitsAndLeavesInternalStepsOut() {
        assertThat(line(CaseEventTypes.TRANSFERRED, new CaseTransferred("c", "10507", null, "31", null, null, AT)))
                .isEqualTo("Chuyển hồ sơ đến Thành phố Hải Phòng");
        assertThat(line(CaseEventTypes.STEP_COMPLETED, new StepCompleted("c", "issue", "t", "31", null, null,
                "officer.31", AT, null, null, null))).isEqualTo("Ban hành kết quả giải quyết");
        for (String internal : new String[] {"receive", "forward", "apology"}) {
            assertThat(line(CaseEventTypes.STEP_COMPLETED, new StepCompleted("c", internal, "t", "31", null, null,
                    "officer.31", AT, null, null, null))).as(internal).isNull();
        }
        assertThat(line(CaseEventTypes.DUE_DATE_CHANGED, new DueDateChanged("c", "31", null, LocalDate.of(2026, 3, 9),
                null, DueDateChanged.Reason.APOLOGY, AT))).contains("hẹn lại ngày trả kết quả: 09/03/2026");
        assertThat(line(CaseEventTypes.RESOLVED, new CaseResolved("c", Resolution.REJECTED, "31", null, AT, null, null,
                null, null, null, null, null))).isEqualTo("Từ chối giải quyết hồ sơ");
        assertThat(line(CaseEventTypes.RESOLVED, new CaseResolved("c", Resolution.APPROVED, "31", null, AT, null, null,
                null, null, null, null, null))).isNull();
        assertThat(CitizenWording.TIMELINE).doesNotContainKey(CaseEventTypes.SEGMENT_CLOSED);
    }
}
