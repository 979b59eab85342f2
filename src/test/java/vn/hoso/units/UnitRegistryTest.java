package vn.hoso.units;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UnitRegistryTest {

    @Autowired
    UnitRegistry registry;
    @Autowired
    UnitDirectory directory;

    @Test
    void unitCountsPerTierEqualTheOfficialListsOnTheirDates() {
        assertThat(countsOn("2021-11-01")).containsExactlyInAnyOrderEntriesOf(
                Map.of(Tier.PROVINCE, 1L, Tier.DISTRICT, 12L, Tier.COMMUNE, 235L));
        assertThat(countsOn("2025-03-01")).containsExactlyInAnyOrderEntriesOf(
                Map.of(Tier.PROVINCE, 1L, Tier.DISTRICT, 12L, Tier.COMMUNE, 207L));
        assertThat(countsOn("2025-07-01")).containsExactlyInAnyOrderEntriesOf(
                Map.of(Tier.PROVINCE, 1L, Tier.COMMUNE, 114L));
        // the last day before the reform still has three tiers
        assertThat(countsOn("2025-06-30")).containsEntry(Tier.DISTRICT, 12L).containsEntry(Tier.COMMUNE, 207L);
    }

    @Test
    void aReusedCodeResolvesToTheUnitValidOnEachDate() {
        assertThat(registry.unitOn("10621", LocalDate.parse("2021-11-01")).orElseThrow().name())
                .isEqualTo("Xã Thanh Quang");
        assertThat(registry.unitOn("10621", LocalDate.parse("2025-03-01")).orElseThrow().name())
                .isEqualTo("Xã Quốc Tuấn");
        assertThat(registry.unitOn("10507", LocalDate.parse("2025-03-01")).orElseThrow().name())
                .isEqualTo("Phường Cẩm Thượng");
        assertThat(registry.unitOn("10507", LocalDate.parse("2025-07-01")).orElseThrow().name())
                .isEqualTo("Phường Thành Đông");
        assertThat(registry.unitOn("288", LocalDate.parse("2025-07-01"))).isEmpty();
        assertThat(registry.unitOn("30", LocalDate.parse("2025-07-01"))).isEmpty();
        assertThat(registry.history("10621")).extracting(Unit::validTo)
                .containsExactly(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-06-30"));
    }

    @Test
    void successionEdgesLinkTheOldCommunesToTheNewOnes() {
        Unit camThuong = registry.unitOn("10507", LocalDate.parse("2025-06-30")).orElseThrow();
        assertThat(registry.successorsOf(camThuong)).singleElement().satisfies(s -> {
            assertThat(s.newCode()).isEqualTo("10507");
            assertThat(s.newName()).isEqualTo("Phường Thành Đông");
            assertThat(s.kind()).isEqualTo(Succession.Kind.FULL);
        });
        Unit thanhDong = registry.unitOn("10507", LocalDate.parse("2025-07-01")).orElseThrow();
        assertThat(registry.predecessorsOf(thanhDong)).extracting(Succession::oldCode)
                .contains("10507", "10510", "10519", "10663");
        // 244 commune edges from the official file plus the province edge 30 → 31
        assertThat(registry.allSuccessions()).hasSize(245)
                .anySatisfy(s -> assertThat(s.kind()).isEqualTo(Succession.Kind.PARTIAL));
    }

    @Test
    void targetsInForceFollowTheProgrammes() {
        assertThat(targetsOn("2025-05-01")).containsExactlyInAnyOrderEntriesOf(Map.of(
                Tier.PROVINCE, new BigDecimal("0.9000"), Tier.DISTRICT, new BigDecimal("0.8000"),
                Tier.COMMUNE, new BigDecimal("0.7000")));
        assertThat(targetsOn("2026-05-01")).containsExactlyInAnyOrderEntriesOf(Map.of(
                Tier.PROVINCE, new BigDecimal("1.0000"), Tier.COMMUNE, new BigDecimal("1.0000")));
        assertThat(registry.tiersOn(LocalDate.parse("2025-06-30")))
                .containsExactly(Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE);
        assertThat(registry.tiersOn(LocalDate.parse("2025-07-01"))).containsExactly(Tier.PROVINCE, Tier.COMMUNE);
        assertThat(registry.targetsBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")))
                .filteredOn(t -> t.tier() == Tier.COMMUNE).hasSize(2);
    }

    @Test
    void theDirectoryHoldsTheRegistryAndEveryParentIsInForceWheneverItsChildIs() {
        // so a unit's ancestors on any day of its validity are a full chain up to the province
        LocalDate last = LocalDate.parse("2026-12-31");
        int units = 0;
        for (String code : registry.allCodes()) {
            assertThat(directory.history(code)).isEqualTo(registry.history(code));
            for (Unit u : directory.history(code)) {
                units++;
                LocalDate end = u.validTo() == null ? last : u.validTo();
                for (LocalDate d = u.validFrom(); !d.isAfter(end); d = d.plusDays(1)) {
                    if (u.parentCode() != null) {
                        assertThat(directory.on(u.parentCode(), d)).as("parent of %s on %s", u, d).isPresent();
                    }
                }
                Tier top = directory.ancestors(u, u.validFrom()).stream().map(Unit::tier).reduce((a, b) -> b)
                        .orElse(u.tier());
                assertThat(top).as("%s", u).isEqualTo(Tier.PROVINCE);
            }
        }
        assertThat(units).as("versions of every code").isGreaterThan(248 + 114);
        Unit camThuong = registry.unitOn("10507", LocalDate.parse("2025-06-30")).orElseThrow();
        assertThat(directory.successorsOf(camThuong)).isEqualTo(registry.successorsOf(camThuong));
    }

    private Map<Tier, Long> countsOn(String date) {
        return registry.unitsOn(LocalDate.parse(date), null, null).stream()
                .collect(Collectors.groupingBy(Unit::tier, Collectors.counting()));
    }

    private Map<Tier, BigDecimal> targetsOn(String date) {
        return registry.targetsOn(LocalDate.parse(date)).stream()
                .collect(Collectors.toMap(OnlineTarget::tier, OnlineTarget::target, (a, b) -> a));
    }
}
