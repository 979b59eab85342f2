/**
 * Rollups for auditors: a Kafka consumer of {@code hoso.case-events} into a PostgreSQL read model (segments, cases,
 * daily counters), the rollup API under {@code /api/rollups} with CSV and Excel exports, the rebuild check, and the
 * dashboard page at {@code /dashboard/}. Users reach it over HTTP; the app's other modules read the figures in process
 * through {@link vn.hoso.rollup.RollupQueries} (the simulator's summary), the module's one public Java type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rollups")
package vn.hoso.rollup;
