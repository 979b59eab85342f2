package vn.hoso.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hoso.units.Succession;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * An in-memory copy of the unit registry (every version of every code, and the succession edges), read through
 * {@link UnitRegistry} and refreshed every {@code hoso.rollup.unit-cache-ttl}: the rollups resolve a few thousand
 * (code, date) pairs per request.
 */
@Component
class UnitCatalog {

    record Snapshot(Map<String, List<Unit>> versions, Map<String, List<Succession>> successorsByOld,
                    Map<String, List<Succession>> predecessorsByNew, Instant loadedAt) {

        Optional<Unit> on(String code, LocalDate date) {
            for (Unit u : versions.getOrDefault(code, List.of())) {
                if (u.validOn(date)) {
                    return Optional.of(u);
                }
            }
            return Optional.empty();
        }

        List<Unit> history(String code) {
            return versions.getOrDefault(code, List.of());
        }

        Collection<List<Unit>> all() {
            return versions.values();
        }

        List<Succession> successorsOf(Unit u) {
            return successorsByOld.getOrDefault(key(u.code(), u.validFrom()), List.of());
        }

        List<Succession> predecessorsOf(Unit u) {
            return predecessorsByNew.getOrDefault(key(u.code(), u.validFrom()), List.of());
        }

        Optional<Unit> version(String code, LocalDate validFrom) {
            return history(code).stream().filter(u -> u.validFrom().equals(validFrom)).findFirst();
        }

        /** Units valid on some day of [from, to] (of one tier when given). */
        List<Unit> validBetween(LocalDate from, LocalDate to, Tier tier) {
            List<Unit> result = new ArrayList<>();
            for (List<Unit> list : versions.values()) {
                for (Unit u : list) {
                    boolean overlaps = !u.validFrom().isAfter(to) && (u.validTo() == null || !u.validTo().isBefore(from));
                    if (overlaps && (tier == null || u.tier() == tier)) {
                        result.add(u);
                    }
                }
            }
            result.sort(Comparator.comparing(Unit::tier).thenComparing(Unit::code).thenComparing(Unit::validFrom));
            return result;
        }

        static String key(String code, LocalDate validFrom) {
            return code + "@" + validFrom;
        }
    }

    private final UnitRegistry registry;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    UnitCatalog(UnitRegistry registry, Clock clock, @Value("${hoso.rollup.unit-cache-ttl:PT10M}") Duration ttl) {
        this.registry = registry;
        this.clock = clock;
        this.ttl = ttl;
    }

    Snapshot get() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(ttl).isBefore(clock.instant())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.loadedAt().plus(ttl).isBefore(clock.instant())) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        // one query per code: some hundreds of codes, a fraction of a second, once per TTL
        Map<String, List<Unit>> versions = new HashMap<>();
        for (String code : registry.allCodes()) {
            versions.put(code, List.copyOf(registry.history(code)));
        }
        Map<String, List<Succession>> byOld = new HashMap<>();
        Map<String, List<Succession>> byNew = new HashMap<>();
        for (Succession s : registry.allSuccessions()) {
            byOld.computeIfAbsent(Snapshot.key(s.oldCode(), s.oldValidFrom()), k -> new ArrayList<>()).add(s);
            byNew.computeIfAbsent(Snapshot.key(s.newCode(), s.newValidFrom()), k -> new ArrayList<>()).add(s);
        }
        return new Snapshot(versions, byOld, byNew, clock.instant());
    }
}
