package vn.hoso.rollup.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class CounterSourceTest {

    static RollupModel.Period period(String from, String to) {
        return new RollupModel.Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    static List<LocalDate> months(String... firstDays) {
        return java.util.Arrays.stream(firstDays).map(LocalDate::parse).toList();
    }

    @Test
    void aYearIsTwelveMonthlyReadsAndNoDailyOne() {
        CounterSource s = CounterSource.of(period("2023-01-01", "2023-12-31"));
        assertThat(s.wholeMonths()).hasSize(12).first().isEqualTo(LocalDate.parse("2023-01-01"));
        assertThat(s.dailyRanges()).isEmpty();
    }

    @Test
    void cutMonthsAtBothEndsAreReadDayByDay() {
        CounterSource s = CounterSource.of(period("2023-01-15", "2023-04-10"));
        assertThat(s.wholeMonths()).isEqualTo(months("2023-02-01", "2023-03-01"));
        assertThat(s.dailyRanges()).containsExactly(period("2023-01-15", "2023-01-31"), period("2023-04-01", "2023-04-10"));
    }

    @Test
    void aPeriodInsideOneMonthIsOnlyDaily() {
        CounterSource s = CounterSource.of(period("2023-02-03", "2023-02-28"));
        assertThat(s.wholeMonths()).isEmpty();
        assertThat(s.dailyRanges()).containsExactly(period("2023-02-03", "2023-02-28"));
    }

    @Test
    void aMonthWithAVersionBoundaryInsideIsReadDayByDayAndJoinsItsNeighbours() {
        Unit ended = new Unit("10507", LocalDate.parse("2021-01-01"), LocalDate.parse("2023-03-14"), "Xã A",
                "Xã", Tier.COMMUNE, "288");
        Unit started = new Unit("10507", LocalDate.parse("2023-03-15"), null, "Phường A", "Phường", Tier.COMMUNE,
                "288");
        Unit aligned = new Unit("10510", LocalDate.parse("2021-01-01"), LocalDate.parse("2023-06-30"), "Xã B",
                "Xã", Tier.COMMUNE, "288");
        Set<YearMonth> boundaries = CounterSource.versionBoundaries(List.of(ended, started, aligned));
        assertThat(boundaries).containsExactly(YearMonth.of(2023, 3));

        CounterSource s = CounterSource.of(period("2023-01-01", "2023-12-31"), boundaries);
        assertThat(s.wholeMonths()).hasSize(11).doesNotContain(LocalDate.parse("2023-03-01"));
        assertThat(s.dailyRanges()).containsExactly(period("2023-03-01", "2023-03-31"));

        CounterSource cut = CounterSource.of(period("2023-02-10", "2023-04-30"), boundaries);
        assertThat(cut.wholeMonths()).isEqualTo(months("2023-04-01"));
        assertThat(cut.dailyRanges()).containsExactly(period("2023-02-10", "2023-03-31"));
    }

    @Test
    void daysOfACallerCutTheirMonths() {
        assertThat(CounterSource.dayBoundaries(List.of(Days.ALL))).isEmpty();
        assertThat(CounterSource.dayBoundaries(List.of(new Days(LocalDate.parse("2025-07-01"), null),
                new Days(null, LocalDate.parse("2025-06-30"))))).isEmpty();
        assertThat(CounterSource.dayBoundaries(List.of(new Days(LocalDate.parse("2024-11-05"),
                LocalDate.parse("2025-02-10"))))).containsExactly(YearMonth.of(2024, 11), YearMonth.of(2025, 2));
    }

    @Test
    void theRelationReadsBothTablesWithTheirParameters() {
        List<Object> args = new ArrayList<>();
        String sql = CounterSource.of(period("2023-01-15", "2023-03-31")).sql(args);
        assertThat(sql).contains("from rollup_monthly where month = any(?::date[])")
                .contains("from rollup_daily where day between ? and ?").contains("union all");
        assertThat(args).hasSize(3);
        assertThat((String[]) args.get(0)).containsExactly("2023-02-01", "2023-03-01");
        assertThat(args.subList(1, 3)).containsExactly(LocalDate.parse("2023-01-15"), LocalDate.parse("2023-01-31"));
    }
}
