package vn.hoso.simulator;

import java.util.List;
import java.util.Map;

/** A generated plan: the cases in order of receipt, and the profile of every unit valid in the period (by code). */
public record SimulationPlan(Scenario scenario, List<PlannedCase> cases, Map<String, UnitProfile> profiles) {
}
