package vn.hoso.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.events.Channel;
import vn.hoso.events.Timeliness;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/** Early, on time or late at resolution ({@code CaseFlow.timeliness}). */
@Tag("fast")
class TimelinessTest {

    static final LocalDate DUE = LocalDate.parse("2026-03-20");

    private static CaseStore.State state(int supplementations, boolean apology) {
        return new CaseStore.State(UUID.randomUUID(), "10507-260309-0001", CaseKind.PROCEDURE, "BUILDING_PERMIT",
                Channel.ONLINE, "10507", Tier.COMMUNE, OffsetDateTime.parse("2026-03-09T08:30:00+07:00"), DUE,
                "COMMUNE:10507:9", 0, CaseStatus.PROCESSING, "10507", Tier.COMMUNE, null, supplementations, null,
                apology, true, "pi", false, null);
    }

    @Test
    void byDateAgainstTheAppointmentDate() {
        assertThat(CaseFlow.timeliness(state(0, false), DUE.minusDays(1))).isEqualTo(Timeliness.EARLY);
        assertThat(CaseFlow.timeliness(state(0, false), DUE)).isEqualTo(Timeliness.ON_TIME);
        assertThat(CaseFlow.timeliness(state(0, false), DUE.plusDays(1))).isEqualTo(Timeliness.LATE);
    }

    @Test
    void oneSupplementationRequestChangesNothingASecondMakesItLate() {
        assertThat(CaseFlow.timeliness(state(1, false), DUE.minusDays(3))).isEqualTo(Timeliness.EARLY);
        assertThat(CaseFlow.timeliness(state(2, false), DUE.minusDays(3))).isEqualTo(Timeliness.LATE);
    }

    @Test
    void anApologyMakesItLateWhateverTheDate() {
        assertThat(CaseFlow.timeliness(state(0, true), DUE.minusDays(5))).isEqualTo(Timeliness.LATE);
        assertThat(CaseFlow.timeliness(state(0, true), DUE)).isEqualTo(Timeliness.LATE);
    }
}
