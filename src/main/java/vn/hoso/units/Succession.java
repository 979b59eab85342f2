package vn.hoso.units;

import java.time.LocalDate;

/**
 * An edge old unit → new unit at a reorganisation. {@code FULL}: the old unit's whole territory went to the new
 * one; {@code PARTIAL}: the old unit was split, so its cases cannot be moved to this successor by code alone.
 */
public record Succession(String oldCode, LocalDate oldValidFrom, String oldName, String newCode,
                         LocalDate newValidFrom, String newName, Kind kind) {

    public enum Kind { FULL, PARTIAL }
}
