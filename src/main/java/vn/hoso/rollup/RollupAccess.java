package vn.hoso.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.hoso.identity.CurrentUser;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;

/**
 * Who reads which rollup. Auditors ({@code auditors}) and administrators ({@code camunda-admin}) read everything;
 * an officer or leader ({@code officers.X}, {@code leaders.X}) reads unit X and the units below it (children by
 * parent code on the dates the unit was valid within the period); province-wide (tier) figures only for auditors,
 * administrators and officers/leaders of a province-level unit.
 */
@Component
class RollupAccess {

    private final UnitCatalog catalog;

    RollupAccess(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    boolean readsAll(CurrentUser user) {
        return user != null && (user.isAdmin() || user.isAuditor());
    }

    boolean readsAnything(CurrentUser user) {
        return readsAll(user) || (user != null && !user.unitCodes().isEmpty());
    }

    boolean readsTiers(CurrentUser user) {
        if (readsAll(user)) {
            return true;
        }
        if (user == null) {
            return false;
        }
        UnitCatalog.Snapshot units = catalog.get();
        return user.unitCodes().stream()
                .anyMatch(code -> units.history(code).stream().anyMatch(u -> u.tier() == Tier.PROVINCE));
    }

    /** May the user read this unit version's figures over [from, to]? (unit null: a code unknown on that date) */
    boolean readsUnit(CurrentUser user, String code, Unit unit, LocalDate from, LocalDate to) {
        if (readsAll(user)) {
            return true;
        }
        if (user == null) {
            return false;
        }
        Set<String> mine = Set.copyOf(user.unitCodes());
        if (mine.contains(code)) {
            return true;
        }
        if (unit == null) {
            return false;
        }
        // the unit's ancestors on the last day it was valid within the period
        LocalDate day = unit.validTo() != null && unit.validTo().isBefore(to) ? unit.validTo() : to;
        if (day.isBefore(unit.validFrom())) {
            day = unit.validFrom();
        }
        if (day.isBefore(from) && unit.validTo() != null && unit.validTo().isBefore(from)) {
            day = unit.validTo();
        }
        UnitCatalog.Snapshot units = catalog.get();
        String parent = unit.parentCode();
        for (int depth = 0; parent != null && depth < 5; depth++) {
            if (mine.contains(parent)) {
                return true;
            }
            parent = units.on(parent, day).map(Unit::parentCode).orElse(null);
        }
        return false;
    }

    /** May the user read a unit code's figures over [from, to]: any of its versions in the period. */
    boolean readsCode(CurrentUser user, String code, LocalDate from, LocalDate to) {
        if (readsAll(user)) {
            return true;
        }
        if (user == null) {
            return false;
        }
        if (user.unitCodes().contains(code)) {
            return true;
        }
        List<Unit> versions = catalog.get().history(code);
        return versions.stream()
                .filter(u -> !u.validFrom().isAfter(to) && (u.validTo() == null || !u.validTo().isBefore(from)))
                .anyMatch(u -> readsUnit(user, code, u, from, to));
    }
}
