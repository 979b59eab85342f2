/**
 * Rollups for auditors: a Kafka consumer of {@code hoso.case-events} into a PostgreSQL read model (segments, cases,
 * daily counters), the rollup API under {@code /api/rollups} with CSV and Excel exports, the rebuild check, and the
 * dashboard page at {@code /dashboard/}. Users reach it over HTTP; the app's other modules (the simulator's summary)
 * and the benchmarks read the figures in process through {@link vn.hoso.rollup.RollupQueries}, the module's one
 * public Java type. Inside: {@code ingest} (consumer, writer, rebuild), {@code query} (the rollups from the read
 * model), {@code web} (controllers, access, parameters, dashboard), {@code export} (CSV, Excel and their layout);
 * docs/rollups.md, "Code layout".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rollups",
        allowedDependencies = {"platform", "identity", "units", "procedures", "events"})
package vn.hoso.rollup;
