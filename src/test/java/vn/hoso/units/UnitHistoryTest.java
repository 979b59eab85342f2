package vn.hoso.units;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class UnitHistoryTest {

    static final LocalDate D1 = LocalDate.parse("2021-01-01");
    static final LocalDate D2 = LocalDate.parse("2025-01-01");
    static final LocalDate D3 = LocalDate.parse("2025-07-01");

    @Test
    void unchangedUnitsKeepOneVersionRenamedCodesStartANewOneRetiredCodesEnd() {
        var province = new UnitHistory.Row("30", "Tỉnh A", "province", "Tỉnh", "");
        List<Unit> units = UnitHistory.build(List.of(
                new UnitHistory.Snapshot(D1, List.of(province,
                        new UnitHistory.Row("1", "Xã Một", "commune", "Xã", "30"),
                        new UnitHistory.Row("2", "Xã Hai", "commune", "Xã", "30"),
                        new UnitHistory.Row("3", "Xã Ba", "commune", "Xã", "30")), false),
                new UnitHistory.Snapshot(D2, List.of(province,
                        new UnitHistory.Row("1", "Xã Một", "commune", "Xã", "30"),
                        new UnitHistory.Row("2", "Xã Hai Mới", "commune", "Xã", "30")), false)));

        assertThat(units).containsExactlyInAnyOrder(
                new Unit("30", D1, null, "Tỉnh A", "Tỉnh", Tier.PROVINCE, null),
                new Unit("1", D1, null, "Xã Một", "Xã", Tier.COMMUNE, "30"),
                new Unit("2", D1, D2.minusDays(1), "Xã Hai", "Xã", Tier.COMMUNE, "30"),
                new Unit("2", D2, null, "Xã Hai Mới", "Xã", Tier.COMMUNE, "30"),
                new Unit("3", D1, D2.minusDays(1), "Xã Ba", "Xã", Tier.COMMUNE, "30"));
    }

    @Test
    void aReformEndsEveryUnitEvenUnderAnUnchangedCode() {
        var row = new UnitHistory.Row("1", "Xã Một", "commune", "Xã", "30");
        List<Unit> units = UnitHistory.build(List.of(
                new UnitHistory.Snapshot(D1, List.of(row), false),
                new UnitHistory.Snapshot(D3, List.of(row), true)));

        assertThat(units).extracting(Unit::validFrom, Unit::validTo)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(D1, D3.minusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(D3, null));
    }
}
