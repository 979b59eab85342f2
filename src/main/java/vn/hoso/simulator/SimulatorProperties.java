package vn.hoso.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoso.simulator.*}: a simulation run at start-up ({@code run=true} with from, to, seed, cases, optional units
 * and per-unit overrides), or the small start-up history of the dev run ({@code startup-history}). See
 * docs/simulator.md. Read only where the simulator is on ({@code enabled=true}, the dev profile).
 */
@ConditionalOnSimulator
@ConfigurationProperties("hoso.simulator")
record SimulatorProperties(boolean run, LocalDate from, LocalDate to, @DefaultValue("42") long seed,
                           @DefaultValue("1000") int cases, List<String> units, Map<String, Double> onlineShare,
                           Map<String, Double> lateShare, boolean exitWhenDone, boolean startupHistory,
                           @DefaultValue("250") int startupCases, @DefaultValue("3") int startupMonths) {
}
