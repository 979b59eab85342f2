package vn.hoso.cases;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.units.Succession;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** The successor rule for cases in flight on 2025-07-01 ({@link Successors}), on a small registry. */
@Tag("fast")
class SuccessorsTest {

    static final LocalDate OLD = LocalDate.of(2021, 11, 1);
    static final LocalDate LAST = LocalDate.of(2025, 6, 30);
    static final LocalDate NEW = LocalDate.of(2025, 7, 1);
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 25);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 2);

    static Unit old(String code, Tier tier, String parent) {
        return new Unit(code, OLD, LAST, "cũ " + code, "Xã", tier, parent);
    }

    static Unit fresh(String code, Tier tier, String parent) {
        return new Unit(code, NEW, null, "mới " + code, "Xã", tier, parent);
    }

    static Succession edge(String from, String to, Succession.Kind kind) {
        return new Succession(from, OLD, "cũ " + from, to, NEW, "mới " + to, kind);
    }

    final Successors successors = new Successors(UnitDirectory.of(List.of(
            old("30", Tier.PROVINCE, null), fresh("31", Tier.PROVINCE, null),
            old("288", Tier.DISTRICT, "30"),
            old("10507", Tier.COMMUNE, "288"), old("10510", Tier.COMMUNE, "288"), fresh("10507", Tier.COMMUNE, "31"),
            old("10528", Tier.COMMUNE, "288"), fresh("10532", Tier.COMMUNE, "31"), fresh("10537", Tier.COMMUNE, "31"),
            old("10570", Tier.COMMUNE, "288"), fresh("10549", Tier.COMMUNE, "31"), fresh("10570", Tier.COMMUNE, "31")),
            List.of(edge("30", "31", Succession.Kind.FULL), edge("10507", "10507", Succession.Kind.FULL),
                    edge("10510", "10507", Succession.Kind.FULL),
                    edge("10528", "10537", Succession.Kind.PARTIAL), edge("10528", "10532", Succession.Kind.PARTIAL),
                    edge("10570", "10549", Succession.Kind.PARTIAL),
                    edge("10570", "10570", Succession.Kind.PARTIAL))));

    private Successors.Target on(String code, Tier tier, LocalDate day, String receiving) {
        return successors.on(code, tier, BEFORE, day, receiving);
    }

    @Test
    void beforeTheReformEveryUnitStaysItself() {
        assertThat(on("288", Tier.DISTRICT, LAST, "10528")).isEqualTo(new Successors.Target("288", Tier.DISTRICT));
        assertThat(on("10528", Tier.COMMUNE, LAST, "10528")).isEqualTo(new Successors.Target("10528", Tier.COMMUNE));
    }

    @Test
    void aMergedCommuneGoesToItsFullSuccessor() {
        assertThat(on("10510", Tier.COMMUNE, AFTER, "10510")).isEqualTo(new Successors.Target("10507", Tier.COMMUNE));
        assertThat(on("10507", Tier.COMMUNE, AFTER, "10507")).isEqualTo(new Successors.Target("10507", Tier.COMMUNE));
    }

    @Test
    void aSplitCommuneGoesToTheSuccessorThatKeptItsCodeElseTheLowestCode() {
        assertThat(on("10570", Tier.COMMUNE, AFTER, "10570")).isEqualTo(new Successors.Target("10570", Tier.COMMUNE));
        assertThat(on("10528", Tier.COMMUNE, AFTER, "10528")).isEqualTo(new Successors.Target("10532", Tier.COMMUNE));
    }

    @Test
    void aDistrictsWorkGoesWhereTheReceivingCommuneWentOrToTheProvinceForACaseReceivedThere() {
        assertThat(on("288", Tier.DISTRICT, AFTER, "10510")).isEqualTo(new Successors.Target("10507", Tier.COMMUNE));
        assertThat(on("288", Tier.DISTRICT, AFTER, "10528")).isEqualTo(new Successors.Target("10532", Tier.COMMUNE));
        assertThat(on("288", Tier.DISTRICT, AFTER, "288")).isEqualTo(new Successors.Target("31", Tier.PROVINCE));
        assertThat(on("30", Tier.PROVINCE, AFTER, "10528")).isEqualTo(new Successors.Target("31", Tier.PROVINCE));
    }

    @Test
    void aCodeAlreadyResolvedToASuccessorStaysAndAnUnknownOneIsKept() {
        assertThat(on("10532", Tier.COMMUNE, AFTER, "10528")).isEqualTo(new Successors.Target("10532", Tier.COMMUNE));
        assertThat(on("99999", Tier.COMMUNE, AFTER, "10528")).isEqualTo(new Successors.Target("99999", Tier.COMMUNE));
    }
}
