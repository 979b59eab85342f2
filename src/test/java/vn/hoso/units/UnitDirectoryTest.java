package vn.hoso.units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's temporal logic on a small copy of the real registry around the reforms of 2025: versions by date
 * (reused codes), ancestors on a date, successions, and the reload after the TTL. No Spring, no database.
 */
@Tag("fast")
class UnitDirectoryTest {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate MERGER = LocalDate.of(2025, 1, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate LAST_OLD_DAY = REFORM.minusDays(1);

    static final Unit HAI_DUONG = new Unit("30", START, LAST_OLD_DAY, "Tỉnh Hải Dương", "Tỉnh", Tier.PROVINCE, null);
    static final Unit HAI_PHONG = new Unit("31", REFORM, null, "Thành phố Hải Phòng", "Thành phố", Tier.PROVINCE, null);
    static final Unit HAI_DUONG_CITY = new Unit("288", START, LAST_OLD_DAY, "Thành phố Hải Dương", "Thành phố",
            Tier.DISTRICT, "30");
    static final Unit CHI_LINH = new Unit("290", START, LAST_OLD_DAY, "Thành phố Chí Linh", "Thành phố",
            Tier.DISTRICT, "30");
    static final Unit CAM_THUONG = new Unit("10507", START, LAST_OLD_DAY, "Phường Cẩm Thượng", "Phường",
            Tier.COMMUNE, "288");
    static final Unit THANH_DONG = new Unit("10507", REFORM, null, "Phường Thành Đông", "Phường", Tier.COMMUNE, "31");
    static final Unit BINH_HAN = new Unit("10510", START, LAST_OLD_DAY, "Phường Bình Hàn", "Phường", Tier.COMMUNE,
            "288");
    static final Unit PHA_LAI = new Unit("10546", START, LAST_OLD_DAY, "Phường Phả Lại", "Phường", Tier.COMMUNE, "290");
    static final Unit CHI_LINH_WARD = new Unit("10546", REFORM, null, "Phường Chí Linh", "Phường", Tier.COMMUNE, "31");
    static final Unit THANH_QUANG = new Unit("10621", START, MERGER.minusDays(1), "Xã Thanh Quang", "Xã", Tier.COMMUNE,
            "288");
    static final Unit QUOC_TUAN = new Unit("10621", MERGER, LAST_OLD_DAY, "Xã Quốc Tuấn", "Xã", Tier.COMMUNE, "288");

    static final List<Unit> UNITS = List.of(THANH_DONG, CAM_THUONG, HAI_DUONG, HAI_PHONG, HAI_DUONG_CITY, CHI_LINH,
            BINH_HAN, QUOC_TUAN, THANH_QUANG, PHA_LAI, CHI_LINH_WARD);
    static final List<Succession> EDGES = List.of(
            edge(CAM_THUONG, THANH_DONG, Succession.Kind.FULL), edge(BINH_HAN, THANH_DONG, Succession.Kind.FULL),
            edge(PHA_LAI, CHI_LINH_WARD, Succession.Kind.PARTIAL), edge(HAI_DUONG, HAI_PHONG, Succession.Kind.FULL));

    static Succession edge(Unit old, Unit next, Succession.Kind kind) {
        return new Succession(old.code(), old.validFrom(), old.name(), next.code(), next.validFrom(), next.name(), kind);
    }

    final UnitDirectory directory = UnitDirectory.of(UNITS, EDGES);

    @Test
    void aReusedCodeIsTheVersionValidOnEachDate() {
        assertThat(directory.on("10621", LocalDate.of(2024, 12, 31))).contains(THANH_QUANG);
        assertThat(directory.on("10621", MERGER)).contains(QUOC_TUAN);
        assertThat(directory.on("10621", REFORM)).isEmpty();
        assertThat(directory.on("10507", LAST_OLD_DAY)).contains(CAM_THUONG);
        assertThat(directory.on("10507", REFORM)).contains(THANH_DONG);
        assertThat(directory.on("10507", START.minusDays(1))).isEmpty();
        assertThat(directory.on("99999", REFORM)).isEmpty();
        assertThat(directory.history("10621")).containsExactly(THANH_QUANG, QUOC_TUAN);
        assertThat(directory.history("99999")).isEmpty();
        assertThat(directory.version("10507", REFORM)).contains(THANH_DONG);
        assertThat(directory.version("10507", MERGER)).isEmpty();
    }

    @Test
    void validBetweenListsEveryVersionOverlappingThePeriodByTierCodeAndStart() {
        assertThat(directory.validBetween(LAST_OLD_DAY, REFORM, Tier.COMMUNE))
                .containsExactly(CAM_THUONG, THANH_DONG, BINH_HAN, PHA_LAI, CHI_LINH_WARD, QUOC_TUAN);
        assertThat(directory.validBetween(REFORM, REFORM, null))
                .containsExactly(HAI_PHONG, THANH_DONG, CHI_LINH_WARD);
        // both bounds are inclusive
        assertThat(directory.validBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), Tier.COMMUNE))
                .contains(THANH_QUANG).doesNotContain(QUOC_TUAN);
        assertThat(directory.validBetween(MERGER, MERGER, Tier.COMMUNE)).contains(QUOC_TUAN).doesNotContain(THANH_QUANG);
        assertThat(directory.validBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2020, 12, 31), null)).isEmpty();
    }

    @Test
    void ancestorsAreThoseOfTheDate() {
        assertThat(directory.ancestors(PHA_LAI, LocalDate.of(2025, 6, 16))).containsExactly(CHI_LINH, HAI_DUONG);
        assertThat(directory.ancestors(CHI_LINH_WARD, LocalDate.of(2025, 7, 16))).containsExactly(HAI_PHONG);
        assertThat(directory.ancestors(HAI_PHONG, REFORM)).isEmpty();
        // a parent code not valid on that day ends the chain
        assertThat(directory.ancestors(PHA_LAI, REFORM)).isEmpty();

        assertThat(directory.ancestorAt(PHA_LAI, Tier.DISTRICT, LAST_OLD_DAY)).contains(CHI_LINH);
        assertThat(directory.ancestorAt(PHA_LAI, Tier.PROVINCE, LAST_OLD_DAY)).contains(HAI_DUONG);
        assertThat(directory.ancestorAt(PHA_LAI, Tier.COMMUNE, LAST_OLD_DAY)).contains(PHA_LAI);
        // after the reform there is no district above a commune
        assertThat(directory.ancestorAt(THANH_DONG, Tier.DISTRICT, REFORM)).isEmpty();
        assertThat(directory.ancestorAt(THANH_DONG, Tier.PROVINCE, REFORM)).contains(HAI_PHONG);
    }

    @Test
    void aCycleInTheParentsEndsTheChain() {
        Unit a = new Unit("A", START, null, "A", "Xã", Tier.COMMUNE, "B");
        Unit b = new Unit("B", START, null, "B", "Huyện", Tier.DISTRICT, "A");
        UnitDirectory cyclic = UnitDirectory.of(List.of(a, b), List.of());
        assertThat(cyclic.ancestors(a, START)).containsExactly(b);
        assertThat(cyclic.ancestorAt(a, Tier.PROVINCE, START)).isEmpty();
    }

    @Test
    void successionsLinkUnitVersionsNotCodes() {
        assertThat(directory.successorsOf(CAM_THUONG)).extracting(Succession::newCode, Succession::newValidFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10507", REFORM));
        assertThat(directory.successorsOf(THANH_DONG)).isEmpty();
        assertThat(directory.predecessorsOf(THANH_DONG)).extracting(Succession::oldCode)
                .containsExactlyInAnyOrder("10507", "10510");
        assertThat(directory.predecessorsOf(CAM_THUONG)).isEmpty();
        assertThat(directory.successorsOf(PHA_LAI)).singleElement()
                .extracting(Succession::kind).isEqualTo(Succession.Kind.PARTIAL);
    }

    @Test
    void theRegistryIsReadAgainOnlyAfterTheTtlAndASnapshotStaysAsItWas() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        CountingRegistry registry = new CountingRegistry(new ArrayList<>(List.of(HAI_DUONG)));
        UnitDirectory cached = new UnitDirectory(registry, clock, new UnitsProperties(Duration.ofMinutes(10)));

        assertThat(cached.history("30")).containsExactly(HAI_DUONG);
        UnitDirectory pinned = cached.snapshot();
        registry.units.add(HAI_PHONG);
        clock.advance(Duration.ofMinutes(10));
        assertThat(cached.on("31", REFORM)).isEmpty(); // exactly the TTL: still the first copy
        assertThat(registry.loads).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.on("31", REFORM)).contains(HAI_PHONG);
        assertThat(registry.loads).isEqualTo(2);
        assertThat(pinned.on("31", REFORM)).isEmpty();
    }

    /** The SQL reader's answers, from a list. */
    static final class CountingRegistry extends UnitRegistry {
        final List<Unit> units;
        int loads;

        CountingRegistry(List<Unit> units) {
            super(null);
            this.units = units;
        }

        @Override
        List<Unit> allVersions() {
            loads++;
            return List.copyOf(units);
        }

        @Override
        public List<Succession> allSuccessions() {
            return List.of();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
