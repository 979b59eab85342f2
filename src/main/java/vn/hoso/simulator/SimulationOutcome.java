package vn.hoso.simulator;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A simulation and the rollup it produced for [from, to]: the tier rows of {@code GET /api/rollups/tiers} and the unit
 * rows of {@code GET /api/rollups/units} (empty when the rollup API was not reachable), and whether the rollup
 * consumer had caught up with the simulated segments when they were read.
 */
public record SimulationOutcome(SimulationPlan plan, SimulationReport report, LocalDate from, LocalDate to,
                                boolean caughtUp, List<JsonNode> tiers, List<JsonNode> units) {
}
