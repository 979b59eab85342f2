/**
 * The province simulator: generates a realistic, seed-deterministic stream of cases for the units valid in a period
 * and drives them through the real intake, engine, event log and rollups in historical business time (Camunda's
 * {@code ClockUtil}), with small generated documents (GeneratedPapers). Runs from the command line ({@code hoso.simulator.run}) or loads a small history at start-up in
 * the dev run ({@code hoso.simulator.startup-history}). See docs/simulator.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulator",
        allowedDependencies = {"platform", "identity", "units", "calendar", "procedures", "events", "cases", "rollup",
                "documents"})
package vn.hoso.simulator;
