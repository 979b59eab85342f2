package vn.hoso.units;

import java.time.LocalDate;

/**
 * One version of an administrative unit: official codes can be reused for a different unit, so a unit is
 * identified by (code, validFrom). {@code validTo} is the last day in force (inclusive), null while in force.
 */
public record Unit(String code, LocalDate validFrom, LocalDate validTo, String name, String type, Tier tier,
                   String parentCode) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
