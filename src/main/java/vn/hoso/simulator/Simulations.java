package vn.hoso.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.hoso.platform.BusinessClock;

/**
 * The simulator's entry point: plans a scenario, drives it through the product ({@link Simulator}), waits until the
 * rollup consumer has taken in every simulated segment, and logs a summary with the rollup it produced.
 */
@Service
public class Simulations {

    private static final Logger log = LoggerFactory.getLogger(Simulations.class);
    static final long ROLLUP_WAIT_MILLIS = 120_000;

    private final SimulationPlanner planner;
    private final Simulator simulator;
    private final RollupClient rollups;
    private final BusinessClock clock;

    Simulations(SimulationPlanner planner, Simulator simulator, RollupClient rollups, BusinessClock clock) {
        this.planner = planner;
        this.simulator = simulator;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** The cases a scenario generates (deterministic for its seed); nothing is written. */
    public SimulationPlan plan(Scenario scenario) {
        return planner.plan(scenario);
    }

    /**
     * Plans and runs a scenario up to {@code horizon} (normally now: nothing is simulated in the future), then reads
     * the rollup of [from, last simulated day] once the consumer has caught up.
     */
    public SimulationOutcome simulate(Scenario scenario, Instant horizon) {
        if (!scenario.to().isBefore(clock.at(horizon).toLocalDate())) {
            throw new IllegalArgumentException("The simulated period must end before " + clock.at(horizon).toLocalDate());
        }
        SimulationPlan plan = planner.plan(scenario);
        LocalDate from = scenario.from();
        LocalDate windowEnd = min(clock.at(horizon).toLocalDate(), from.plusYears(5).minusDays(1));
        boolean http = rollups.available();
        long before = http ? rollups.segments(from, windowEnd) : 0;

        SimulationReport report = simulator.run(plan, horizon);

        boolean caughtUp = false;
        List<JsonNode> tiers = List.of();
        List<JsonNode> units = List.of();
        if (http) {
            long deadline = System.currentTimeMillis() + ROLLUP_WAIT_MILLIS;
            while (!(caughtUp = rollups.segments(from, windowEnd) - before >= report.segments())
                    && System.currentTimeMillis() < deadline) {
                sleep(200);
            }
            tiers = rollups.tiers(from, report.lastDay());
            units = rollups.units(from, report.lastDay());
        }
        SimulationOutcome outcome = new SimulationOutcome(plan, report, from, report.lastDay(), caughtUp, tiers, units);
        log.info(summary(outcome));
        return outcome;
    }

    static String summary(SimulationOutcome o) {
        SimulationReport r = o.report();
        StringBuilder s = new StringBuilder("\n");
        s.append(String.format("Simulation of %s – %s (seed %d) done in %s: %d of %d planned cases received (%.1f cases/s), "
                        + "%d finished, %d still open; %d steps (%.0f steps/s), %d Mẫu 04 timers, %d errors%n",
                o.plan().scenario().from(), o.plan().scenario().to(), o.plan().scenario().seed(),
                Simulator.formatDuration(r.elapsed()), r.received(), r.planned(), r.casesPerSecond(), r.finished(),
                r.open(), r.steps(), r.stepsPerSecond(), r.timersFired(), r.errors()));
        s.append(String.format("  event log: %d events %s%n", r.events(), shortTypes(r.eventsByType())));
        s.append(String.format("  status %s, outcomes %s, timeliness %s%n", r.statuses(), r.outcomes(),
                r.timeliness()));
        s.append(String.format("  segments closed: %d, processed online %d (%s)%n", r.segments(), r.segmentsOnline(),
                percent(r.segments() == 0 ? null : (double) r.segmentsOnline() / r.segments())));
        for (String failure : r.failures()) {
            s.append("  failed: ").append(failure).append('\n');
        }
        if (o.tiers().isEmpty()) {
            s.append("  rollup: not read (no HTTP server)\n");
            return s.toString();
        }
        s.append(String.format("  rollup GET /api/rollups/tiers?from=%s&to=%s%s:%n", o.from(), o.to(),
                o.caughtUp() ? "" : " (the consumer had NOT caught up after " + ROLLUP_WAIT_MILLIS / 1000 + " s)"));
        Map<String, int[]> unitsMet = new TreeMap<>();
        for (JsonNode u : o.units()) {
            if (u.path("segments").asLong() > 0 && !u.path("met").isNull()) {
                int[] m = unitsMet.computeIfAbsent(u.path("tier").asText(), t -> new int[2]);
                m[0] += u.path("met").asBoolean() ? 1 : 0;
                m[1]++;
            }
        }
        for (JsonNode t : o.tiers()) {
            String tier = t.path("tier").asText();
            int[] m = unitsMet.getOrDefault(tier, new int[2]);
            s.append(String.format("    %-8s segments %7d  online %7d  rate %7s  target %5s  %-9s  units meeting it %d/%d%n",
                    tier, t.path("segments").asLong(), t.path("processedOnline").asLong(),
                    percent(t.path("onlineRate").isNull() ? null : t.path("onlineRate").asDouble()),
                    percent(t.path("target").isNull() ? null : t.path("target").asDouble()),
                    t.path("met").isNull() ? "–" : t.path("met").asBoolean() ? "Đạt" : "Chưa đạt", m[0], m[1]));
        }
        return s.toString();
    }

    private static String shortTypes(Map<String, Long> byType) {
        Map<String, Long> shorter = new TreeMap<>();
        byType.forEach((k, v) -> shorter.put(k.replace("vn.hoso.", ""), v));
        return shorter.toString();
    }

    private static String percent(Double v) {
        return v == null ? "–" : String.format("%.1f %%", v * 100);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
