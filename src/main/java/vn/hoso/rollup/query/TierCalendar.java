package vn.hoso.rollup.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import vn.hoso.units.OnlineTarget;
import vn.hoso.units.Tier;
import vn.hoso.units.UnitRegistry;

/**
 * Which tiers are in force on which days of a period, from {@link UnitRegistry#tierTimeline} (one read): sampled on the first of
 * every month and on the target regimes' boundaries, with a bisection wherever two samples differ (the set of tiers
 * changes at most once between two samples: reforms are years apart).
 */
final class TierCalendar {

    private final Map<Tier, List<RollupModel.Period>> inForce = new EnumMap<>(Tier.class);
    private final List<OnlineTarget> targets;

    TierCalendar(UnitRegistry registry, LocalDate from, LocalDate to) {
        this.targets = registry.targetsBetween(from, to);
        Function<LocalDate, List<Tier>> timeline = registry.tierTimeline();
        Map<LocalDate, List<Tier>> cache = new HashMap<>();
        TreeSet<LocalDate> samples = new TreeSet<>();
        samples.add(from);
        samples.add(to);
        for (LocalDate d = from.withDayOfMonth(1).plusMonths(1); !d.isAfter(to); d = d.plusMonths(1)) {
            samples.add(d);
        }
        for (OnlineTarget t : targets) {
            addIfInside(samples, t.validFrom(), from, to);
            if (t.validTo() != null) {
                addIfInside(samples, t.validTo().plusDays(1), from, to);
            }
        }
        // change points: days whose set of tiers differs from the day before
        List<LocalDate> starts = new ArrayList<>();
        starts.add(from);
        LocalDate previous = null;
        for (LocalDate sample : samples) {
            if (previous != null && !tiers(timeline, cache, previous).equals(tiers(timeline, cache, sample))) {
                LocalDate lo = previous, hi = sample; // set(lo) != set(hi): find the first day equal to set(hi)
                List<Tier> before = tiers(timeline, cache, lo);
                while (ChronoUnit.DAYS.between(lo, hi) > 1) {
                    LocalDate mid = lo.plusDays(ChronoUnit.DAYS.between(lo, hi) / 2);
                    if (tiers(timeline, cache, mid).equals(before)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                starts.add(hi);
            }
            previous = sample;
        }
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
            for (Tier tier : tiers(timeline, cache, start)) {
                List<RollupModel.Period> periods = inForce.computeIfAbsent(tier, k -> new ArrayList<>());
                if (!periods.isEmpty() && periods.get(periods.size() - 1).to().plusDays(1).equals(start)) {
                    periods.set(periods.size() - 1, new RollupModel.Period(periods.get(periods.size() - 1).from(), end));
                } else {
                    periods.add(new RollupModel.Period(start, end));
                }
            }
        }
    }

    private static void addIfInside(TreeSet<LocalDate> samples, LocalDate d, LocalDate from, LocalDate to) {
        if (!d.isBefore(from) && !d.isAfter(to)) {
            samples.add(d);
        }
    }

    private static List<Tier> tiers(Function<LocalDate, List<Tier>> timeline, Map<LocalDate, List<Tier>> cache,
                                    LocalDate d) {
        return cache.computeIfAbsent(d, timeline);
    }

    /** Tiers in force on some day of the period, from the highest. */
    List<Tier> tiers() {
        return List.copyOf(inForce.keySet());
    }

    List<RollupModel.Period> periods(Tier tier) {
        return inForce.getOrDefault(tier, List.of());
    }

    /** The tier's last day in force within the period, or null. */
    LocalDate lastDay(Tier tier) {
        List<RollupModel.Period> p = periods(tier);
        return p.isEmpty() ? null : p.get(p.size() - 1).to();
    }

    LocalDate firstDay(Tier tier) {
        List<RollupModel.Period> p = periods(tier);
        return p.isEmpty() ? null : p.get(0).from();
    }

    /** The target in force for the tier on that day (null when none). */
    java.math.BigDecimal targetOn(Tier tier, LocalDate day) {
        if (tier == null || day == null) {
            return null;
        }
        for (OnlineTarget t : targets) {
            if (t.tier() == tier && !day.isBefore(t.validFrom()) && (t.validTo() == null || !day.isAfter(t.validTo()))) {
                return t.target();
            }
        }
        return null;
    }

    /** Target regimes for the tier within [from, to], clipped to it. */
    List<RollupModel.TargetSpan> targetSpans(Tier tier, LocalDate from, LocalDate to) {
        List<RollupModel.TargetSpan> spans = new ArrayList<>();
        for (OnlineTarget t : targets) {
            if (t.tier() != tier || t.validFrom().isAfter(to) || (t.validTo() != null && t.validTo().isBefore(from))) {
                continue;
            }
            LocalDate f = t.validFrom().isBefore(from) ? from : t.validFrom();
            LocalDate e = t.validTo() == null || t.validTo().isAfter(to) ? to : t.validTo();
            spans.add(new RollupModel.TargetSpan(f, e, t.target()));
        }
        return spans;
    }
}
