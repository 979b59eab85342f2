/**
 * The temporal unit registry: official administrative units by (code, validFrom), their successions, the tiers in
 * force and the online-processing targets per tier. Public surface: {@link vn.hoso.units.UnitRegistry} (the SQL
 * reader), {@link vn.hoso.units.UnitDirectory} (the cached copy with the temporal logic: versions by date,
 * ancestors, successors) and their value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units",
        allowedDependencies = {"platform"})
package vn.hoso.units;
