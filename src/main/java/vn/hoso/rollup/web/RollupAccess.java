package vn.hoso.rollup.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import vn.hoso.identity.CurrentUser;
import vn.hoso.rollup.query.Days;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;

/**
 * Who reads which rollup. Auditors ({@code auditors}) and administrators ({@code camunda-admin}) read everything;
 * an officer or leader ({@code officers.X}, {@code leaders.X}) reads unit X and the units below it (its ancestors on
 * the last day it was valid within the period, {@link UnitDirectory#ancestors}); province-wide (tier) figures only for
 * auditors, administrators and officers/leaders of a province-level unit. The rules only: {@link AuthorizedRollups}
 * applies them to the answers.
 * <p>
 * Codes are reused: the figures of a code are read per unit version, only for the days of the versions the caller
 * may read ({@link #days}, {@link #scope}); the leader of an abolished district does not read the new commune that
 * took over a code of one of its former communes.
 */
@Component
class RollupAccess {

    private final UnitDirectory units;

    RollupAccess(UnitDirectory units) {
        this.units = units;
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
        return units.ancestors(unit, day).stream().anyMatch(ancestor -> mine.contains(ancestor.code()));
    }

    /** May the user read anything of a unit code's figures over [from, to]: any of its versions in the period. */
    boolean readsCode(CurrentUser user, String code, LocalDate from, LocalDate to) {
        return !days(user, code, new Period(from, to)).isEmpty();
    }

    /**
     * The days of a unit code whose figures the user may read in a period. A code is reused over time (a unit
     * version is (code, validFrom)), and the groups of an ancestor read a code only while it was below them: the
     * answer is {@link Days#ALL} for auditors, administrators and the code's own officers and leaders (their groups
     * are named by the code), else the validity of each version of the code valid in the period that the user may
     * read ({@link #readsUnit}), empty when none.
     */
    List<Days> days(CurrentUser user, String code, Period period) {
        if (readsAll(user) || (user != null && user.unitCodes().contains(code))) {
            return List.of(Days.ALL);
        }
        if (user == null) {
            return List.of();
        }
        return units.history(code).stream()
                .filter(u -> overlaps(u, period))
                .filter(u -> readsUnit(user, code, u, period.from(), period.to()))
                .map(Days::of)
                .toList();
    }

    /**
     * {@link #days} of every code the user may read something of in a period, or null when they read everything.
     */
    Map<String, List<Days>> scope(CurrentUser user, Period period) {
        if (readsAll(user)) {
            return null;
        }
        Map<String, List<Days>> scope = new TreeMap<>();
        if (user == null) {
            return scope;
        }
        for (String code : user.unitCodes()) {
            scope.put(code, List.of(Days.ALL));
        }
        for (Unit u : units.validBetween(period.from(), period.to(), null)) {
            if (!scope.containsKey(u.code()) || !scope.get(u.code()).contains(Days.ALL)) {
                if (readsUnit(user, u.code(), u, period.from(), period.to())) {
                    scope.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(Days.of(u));
                }
            }
        }
        return scope;
    }

    private static boolean overlaps(Unit u, Period period) {
        return !u.validFrom().isAfter(period.to()) && (u.validTo() == null || !u.validTo().isBefore(period.from()));
    }
}
