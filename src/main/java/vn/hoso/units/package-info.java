/**
 * The temporal unit registry: official administrative units by (code, validFrom), their successions, the tiers in
 * force and the online-processing targets per tier. Public surface: {@link vn.hoso.units.UnitRegistry} and its
 * value types.
 */
package vn.hoso.units;
