package vn.hoso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Maintenance;
import vn.hoso.rollup.RollupQueries;
import vn.hoso.rollup.RollupQueries.TierFigures;
import vn.hoso.rollup.RollupQueries.UnitFigures;
import vn.hoso.units.Tier;

/**
 * The simulator's entry point: plans a scenario, drives it through the product ({@link Simulator}), waits until the
 * rollup consumer has taken in every simulated segment, and logs a summary with the rollup it produced. While it runs
 * the engine's clock is moved into the past, so the app serves no users ({@link Maintenance}: 503, readiness DOWN).
 */
@ConditionalOnSimulator
@Service
public class Simulations {

    private static final Logger log = LoggerFactory.getLogger(Simulations.class);
    static final long ROLLUP_WAIT_MILLIS = 120_000;
    static final Maintenance.Reason LOADING = new Maintenance.Reason(
            "Hệ thống đang nạp lịch sử mô phỏng, chưa phục vụ người dùng; vui lòng thử lại sau ít phút. "
                    + "The system is loading its simulated history and serves no users yet; please try again in a "
                    + "few minutes.", Duration.ofSeconds(30));

    private final SimulationPlanner planner;
    private final Simulator simulator;
    private final RollupQueries rollups;
    private final BusinessClock clock;
    private final Maintenance maintenance;

    Simulations(SimulationPlanner planner, Simulator simulator, RollupQueries rollups, BusinessClock clock,
                Maintenance maintenance) {
        this.planner = planner;
        this.simulator = simulator;
        this.rollups = rollups;
        this.clock = clock;
        this.maintenance = maintenance;
    }

    /** The cases a scenario generates (deterministic for its seed); nothing is written. */
    public SimulationPlan plan(Scenario scenario) {
        return planner.plan(scenario);
    }

    /**
     * Plans and runs a scenario up to {@code horizon} (normally now: nothing is simulated in the future), then reads
     * the rollup of [from, last simulated day] once the consumer has caught up. Users are kept out meanwhile.
     */
    public SimulationOutcome simulate(Scenario scenario, Instant horizon) {
        if (!scenario.to().isBefore(clock.at(horizon).toLocalDate())) {
            throw new IllegalArgumentException("The simulated period must end before " + clock.at(horizon).toLocalDate());
        }
        try (Maintenance.Window closed = maintenance.begin(LOADING)) {
            return simulateNow(scenario, horizon);
        }
    }

    private SimulationOutcome simulateNow(Scenario scenario, Instant horizon) {
        SimulationPlan plan = planner.plan(scenario);
        LocalDate from = scenario.from();
        LocalDate windowEnd = min(clock.at(horizon).toLocalDate(), from.plusYears(5).minusDays(1));
        long before = segments(from, windowEnd);

        SimulationReport report = simulator.run(plan, horizon);

        boolean caughtUp;
        long deadline = System.currentTimeMillis() + ROLLUP_WAIT_MILLIS;
        while (!(caughtUp = segments(from, windowEnd) - before >= report.segments())
                && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        SimulationOutcome outcome = new SimulationOutcome(plan, report, from, report.lastDay(), caughtUp,
                rollups.tiers(from, report.lastDay()), rollups.units(from, report.lastDay()));
        log.info(summary(outcome));
        return outcome;
    }

    private long segments(LocalDate from, LocalDate to) {
        return rollups.tiers(from, to).stream().mapToLong(TierFigures::segments).sum();
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
        s.append(String.format("  rollup of %s – %s%s:%n", o.from(), o.to(),
                o.caughtUp() ? "" : " (the consumer had NOT caught up after " + ROLLUP_WAIT_MILLIS / 1000 + " s)"));
        Map<Tier, int[]> unitsMet = new EnumMap<>(Tier.class);
        for (UnitFigures u : o.units()) {
            if (u.segments() > 0 && u.met() != null) {
                int[] m = unitsMet.computeIfAbsent(u.tier(), t -> new int[2]);
                m[0] += u.met() ? 1 : 0;
                m[1]++;
            }
        }
        for (TierFigures t : o.tiers()) {
            int[] m = unitsMet.getOrDefault(t.tier(), new int[2]);
            s.append(String.format("    %-8s segments %7d  online %7d  rate %7s  target %5s  %-9s  units meeting it %d/%d%n",
                    t.tier(), t.segments(), t.processedOnline(), percent(t.onlineRate()),
                    percent(t.target() == null ? null : t.target().doubleValue()),
                    t.met() == null ? "–" : t.met() ? "Đạt" : "Không đạt", m[0], m[1]));
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
