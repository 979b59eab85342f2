/**
 * Rollups for auditors: a Kafka consumer of {@code hoso.case-events} into a PostgreSQL read model (segments, cases,
 * daily counters), the rollup API under {@code /api/rollups} with CSV and Excel exports, the rebuild check, and the
 * dashboard page at {@code /dashboard/}. Nothing here is called by other modules: the module's API is HTTP.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rollups")
package vn.hoso.rollup;
