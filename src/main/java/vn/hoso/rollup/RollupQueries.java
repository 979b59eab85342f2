package vn.hoso.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.hoso.units.Tier;

/**
 * The rollups for the other modules of this app, in process (the simulator's summary). No access check: the caller is
 * the app itself; users read the rollups over HTTP ({@code /api/rollups}), where {@link RollupAccess} applies. Periods
 * are [from, to], at most five years.
 */
public interface RollupQueries {

    /** One row per tier in force in the period, as {@code GET /api/rollups/tiers}. */
    List<TierFigures> tiers(LocalDate from, LocalDate to);

    /** One row per unit version valid in the period, as {@code GET /api/rollups/units} (the legal view). */
    List<UnitFigures> units(LocalDate from, LocalDate to);

    /** Segments closed in the tier while it was in force; met is null without segments or target. */
    record TierFigures(Tier tier, long segments, long processedOnline, Double onlineRate, BigDecimal target,
                       Boolean met) {
    }

    /** A unit version's (validFrom null: a code unknown on the days of its segments) figures. */
    record UnitFigures(Tier tier, String unitCode, LocalDate validFrom, long segments, long processedOnline,
                       Double onlineRate, BigDecimal target, Boolean met) {
    }
}
