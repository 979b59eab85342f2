package vn.hoso.rollup.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.identity.CurrentUser;
import vn.hoso.rollup.query.Days;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads which rollup, on a small copy of the registry around 2025-07-01 (the districts abolished, codes reused):
 * auditors and administrators everything; a unit's officers and leaders the unit and the units below it on the dates
 * they were below it; province-wide figures only at the province level. No Spring, no database.
 */
@Tag("fast")
class RollupAccessRulesTest {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate LAST_OLD_DAY = REFORM.minusDays(1);
    static final Period ACROSS_THE_REFORM = new Period(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 20));
    static final Period AFTER_THE_REFORM = new Period(REFORM, LocalDate.of(2025, 7, 20));

    static final Unit HAI_DUONG = new Unit("30", START, LAST_OLD_DAY, "Tỉnh Hải Dương", "Tỉnh", Tier.PROVINCE, null);
    static final Unit HAI_PHONG = new Unit("31", REFORM, null, "Thành phố Hải Phòng", "Thành phố", Tier.PROVINCE, null);
    static final Unit DISTRICT_288 = new Unit("288", START, LAST_OLD_DAY, "Thành phố Hải Dương", "Thành phố",
            Tier.DISTRICT, "30");
    static final Unit DISTRICT_290 = new Unit("290", START, LAST_OLD_DAY, "Thành phố Chí Linh", "Thành phố",
            Tier.DISTRICT, "30");
    static final Unit CAM_THUONG = new Unit("10507", START, LAST_OLD_DAY, "Phường Cẩm Thượng", "Phường",
            Tier.COMMUNE, "288");
    static final Unit THANH_DONG = new Unit("10507", REFORM, null, "Phường Thành Đông", "Phường", Tier.COMMUNE, "31");
    static final Unit PHA_LAI = new Unit("10546", START, LAST_OLD_DAY, "Phường Phả Lại", "Phường", Tier.COMMUNE, "290");
    static final Unit CHI_LINH = new Unit("10546", REFORM, null, "Phường Chí Linh", "Phường", Tier.COMMUNE, "31");

    final RollupAccess access = new RollupAccess(UnitDirectory.of(List.of(HAI_DUONG, HAI_PHONG, DISTRICT_288,
            DISTRICT_290, CAM_THUONG, THANH_DONG, PHA_LAI, CHI_LINH), List.of()));

    static CurrentUser user(String id, String... groups) {
        return new CurrentUser(id, List.of(groups));
    }

    static final CurrentUser AUDITOR = user("auditor", "auditors");
    static final CurrentUser ADMIN = user("admin", "camunda-admin");
    static final CurrentUser NOBODY = user("someone");
    static final CurrentUser LEADER_290 = user("leader.290", "leaders.290");
    static final CurrentUser OFFICER_288 = user("officer.288", "officers.288");
    static final CurrentUser LEADER_31 = user("leader.31", "leaders.31");
    static final CurrentUser LEADER_30 = user("leader.30", "leaders.30");
    static final CurrentUser LEADER_10546 = user("leader.10546", "leaders.10546");

    @Test
    void auditorsAndAdministratorsReadEverythingOthersWithoutAUnitNothing() {
        for (CurrentUser all : List.of(AUDITOR, ADMIN)) {
            assertThat(access.readsAll(all)).isTrue();
            assertThat(access.readsTiers(all)).isTrue();
            assertThat(access.days(all, "10546", ACROSS_THE_REFORM)).containsExactly(Days.ALL);
            assertThat(access.scope(all, ACROSS_THE_REFORM)).isNull();
            assertThat(access.readsUnit(all, "99999", null, START, REFORM)).isTrue();
        }
        assertThat(access.readsAnything(NOBODY)).isFalse();
        assertThat(access.readsAnything(null)).isFalse();
        assertThat(access.days(NOBODY, "10507", ACROSS_THE_REFORM)).isEmpty();
        assertThat(access.days(null, "10507", ACROSS_THE_REFORM)).isEmpty();
        assertThat(access.scope(NOBODY, ACROSS_THE_REFORM)).isEmpty();
        assertThat(access.readsAnything(OFFICER_288)).isTrue();
    }

    @Test
    void provinceWideFiguresAreForTheProvinceLevelOnlyWhicheverVersionOfItsCode() {
        assertThat(access.readsTiers(LEADER_30)).isTrue();
        assertThat(access.readsTiers(LEADER_31)).isTrue();
        assertThat(access.readsTiers(OFFICER_288)).isFalse();
        assertThat(access.readsTiers(LEADER_10546)).isFalse();
        assertThat(access.readsTiers(NOBODY)).isFalse();
        assertThat(access.readsTiers(null)).isFalse();
    }

    @Test
    void aUnitsGroupsReadTheUnitsBelowItOnTheDatesTheyWereBelowIt() {
        LocalDate june = LocalDate.of(2025, 6, 16);
        assertThat(access.readsUnit(OFFICER_288, "10507", CAM_THUONG, june, june)).isTrue();
        assertThat(access.readsUnit(OFFICER_288, "10507", THANH_DONG, REFORM, REFORM)).isFalse();
        assertThat(access.readsUnit(OFFICER_288, "10546", PHA_LAI, june, june)).as("under 290").isFalse();
        // two levels up: the province reads its districts' communes
        assertThat(access.readsUnit(LEADER_30, "10546", PHA_LAI, june, june)).isTrue();
        assertThat(access.readsUnit(LEADER_31, "10546", CHI_LINH, REFORM, REFORM)).isTrue();
        assertThat(access.readsUnit(LEADER_31, "10546", PHA_LAI, june, june)).isFalse();
        // a code's own groups read it, every version, also where the code is unknown
        assertThat(access.readsUnit(OFFICER_288, "288", DISTRICT_288, june, june)).isTrue();
        assertThat(access.readsUnit(LEADER_10546, "10546", null, june, june)).isTrue();
        assertThat(access.readsUnit(LEADER_290, "10546", null, june, june)).isFalse();
    }

    @Test
    void aReusedCodeIsReadOnlyOnTheDaysOfTheVersionsBelowTheCaller() {
        assertThat(access.days(LEADER_290, "10546", ACROSS_THE_REFORM)).containsExactly(Days.of(PHA_LAI));
        assertThat(access.days(LEADER_31, "10546", ACROSS_THE_REFORM)).containsExactly(Days.of(CHI_LINH));
        assertThat(access.days(LEADER_10546, "10546", ACROSS_THE_REFORM)).containsExactly(Days.ALL);
        assertThat(access.days(LEADER_30, "10546", ACROSS_THE_REFORM)).containsExactly(Days.of(PHA_LAI));
        // a period wholly after the reform: nothing of the code for the abolished district
        assertThat(access.days(LEADER_290, "10546", AFTER_THE_REFORM)).isEmpty();
        assertThat(access.readsCode(LEADER_290, "10546", REFORM, LocalDate.of(2025, 7, 20))).isFalse();
        assertThat(access.readsCode(LEADER_290, "10546", LAST_OLD_DAY, REFORM)).isTrue();
        assertThat(access.days(OFFICER_288, "10546", ACROSS_THE_REFORM)).isEmpty();
        assertThat(Days.coversVersion(access.days(LEADER_290, "10546", ACROSS_THE_REFORM), PHA_LAI)).isTrue();
        assertThat(Days.coversVersion(access.days(LEADER_290, "10546", ACROSS_THE_REFORM), CHI_LINH)).isFalse();
    }

    @Test
    void theScopeOfAReportIsEveryCodeTheCallerReadsWithItsDays() {
        Map<String, List<Days>> district = access.scope(LEADER_290, ACROSS_THE_REFORM);
        assertThat(district).containsOnlyKeys("290", "10546");
        assertThat(district.get("290")).containsExactly(Days.ALL);
        assertThat(district.get("10546")).containsExactly(Days.of(PHA_LAI));

        Map<String, List<Days>> city = access.scope(LEADER_31, ACROSS_THE_REFORM);
        assertThat(city).containsOnlyKeys("31", "10507", "10546");
        assertThat(city.get("10507")).containsExactly(Days.of(THANH_DONG));
        assertThat(city.get("10546")).containsExactly(Days.of(CHI_LINH));

        assertThat(access.scope(LEADER_290, AFTER_THE_REFORM)).containsOnlyKeys("290");
    }
}
