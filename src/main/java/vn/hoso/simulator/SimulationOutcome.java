package vn.hoso.simulator;

import java.time.LocalDate;
import java.util.List;

import vn.hoso.rollup.RollupQueries.TierFigures;
import vn.hoso.rollup.RollupQueries.UnitFigures;

/**
 * A simulation and the rollup it produced for [from, to]: the tier rows and the unit rows (as
 * {@code GET /api/rollups/tiers} and {@code /units} answer them), and whether the rollup consumer had caught up with
 * the simulated segments when they were read.
 */
public record SimulationOutcome(SimulationPlan plan, SimulationReport report, LocalDate from, LocalDate to,
                                boolean caughtUp, List<TierFigures> tiers, List<UnitFigures> units) {
}
