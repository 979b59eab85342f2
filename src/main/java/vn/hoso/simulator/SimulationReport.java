package vn.hoso.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a simulation did, counted afterwards from the event log and the case files (not from the simulator's own
 * bookkeeping): cases received and finished (terminal status), steps completed ({@code vn.hoso.step.completed}
 * events), events by type, segments closed and how many of them were processed online, outcomes and timeliness of the
 * resolved cases. {@code lastDay} is the business date of the last simulated action.
 */
public record SimulationReport(int planned, int received, int finished, int open, long steps, long timersFired,
                               int errors, List<String> failures, long events, Map<String, Long> eventsByType,
                               long segments, long segmentsOnline, Map<String, Long> outcomes,
                               Map<String, Long> timeliness, Map<String, Long> statuses, LocalDate from,
                               LocalDate lastDay, Duration elapsed, List<UUID> caseIds) {

    public double casesPerSecond() {
        return received / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }

    public double stepsPerSecond() {
        return steps / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }
}
