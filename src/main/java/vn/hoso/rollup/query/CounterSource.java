package vn.hoso.rollup.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vn.hoso.units.Unit;

/**
 * The segment counters of a period as one SQL relation {@code (day, tier, unit_code, kind, segments,
 * processed_online)}: whole months from {@code rollup_monthly} (one row per month, {@code day} = its first day) and the
 * rest from {@code rollup_daily}. The number of rows a year reads is then about 12 × units, whatever the number of
 * events (docs/performance.md, benchmark 4).
 * <p>
 * A month is read day by day when the period starts or ends inside it, or when one of the given day boundaries (a unit
 * version's first or last day, a caller's {@link Days}) falls inside it: a condition on {@code day} is then exact for
 * the monthly rows too.
 */
record CounterSource(List<LocalDate> wholeMonths, List<RollupModel.Period> dailyRanges) {

    static CounterSource of(RollupModel.Period period) {
        return of(period, Set.of());
    }

    /** @param dailyMonths months that must be read day by day */
    static CounterSource of(RollupModel.Period period, Set<YearMonth> dailyMonths) {
        List<LocalDate> whole = new ArrayList<>();
        List<RollupModel.Period> daily = new ArrayList<>();
        LocalDate rangeStart = null;
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1), last = m.atEndOfMonth();
            boolean isWhole = !first.isBefore(period.from()) && !last.isAfter(period.to()) && !dailyMonths.contains(m);
            if (isWhole) {
                whole.add(first);
                if (rangeStart != null) {
                    daily.add(new RollupModel.Period(rangeStart, first.minusDays(1)));
                    rangeStart = null;
                }
            } else if (rangeStart == null) {
                rangeStart = first.isBefore(period.from()) ? period.from() : first;
            }
        }
        if (rangeStart != null) {
            daily.add(new RollupModel.Period(rangeStart, period.to()));
        }
        return new CounterSource(List.copyOf(whole), List.copyOf(daily));
    }

    /** Months in which a unit version starts after the 1st or ends before the last day. */
    static Set<YearMonth> versionBoundaries(Collection<Unit> versions) {
        Set<YearMonth> months = new TreeSet<>();
        for (Unit u : versions) {
            if (u.validFrom().getDayOfMonth() != 1) {
                months.add(YearMonth.from(u.validFrom()));
            }
            if (u.validTo() != null && !u.validTo().equals(YearMonth.from(u.validTo()).atEndOfMonth())) {
                months.add(YearMonth.from(u.validTo()));
            }
        }
        return months;
    }

    /** Months in which one of the ranges starts after the 1st or ends before the last day. */
    static Set<YearMonth> dayBoundaries(Collection<Days> days) {
        Set<YearMonth> months = new TreeSet<>();
        for (Days d : days) {
            if (d.from() != null && d.from().getDayOfMonth() != 1) {
                months.add(YearMonth.from(d.from()));
            }
            if (d.to() != null && !d.to().equals(YearMonth.from(d.to()).atEndOfMonth())) {
                months.add(YearMonth.from(d.to()));
            }
        }
        return months;
    }

    /** The relation, to be used as {@code from <sql> d}; appends its parameters to {@code args}. */
    String sql(List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (!wholeMonths.isEmpty()) {
            parts.add("select month as day, tier, unit_code, kind, segments, processed_online from rollup_monthly"
                    + " where month = any(?::date[])");
            args.add(wholeMonths.stream().map(LocalDate::toString).toArray(String[]::new));
        }
        if (!dailyRanges.isEmpty()) {
            List<String> ranges = new ArrayList<>();
            for (RollupModel.Period p : dailyRanges) {
                ranges.add("day between ? and ?");
                args.add(p.from());
                args.add(p.to());
            }
            parts.add("select day, tier, unit_code, kind, segments, processed_online from rollup_daily where "
                    + String.join(" or ", ranges));
        }
        if (parts.isEmpty()) {
            parts.add("select day, tier, unit_code, kind, segments, processed_online from rollup_daily where false");
        }
        return "(" + String.join(" union all ", parts) + ")";
    }
}
