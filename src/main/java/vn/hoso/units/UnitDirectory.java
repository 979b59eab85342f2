package vn.hoso.units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The temporal unit registry in memory: every version of every code and the succession edges, read through
 * {@link UnitRegistry} and reloaded when older than {@code hoso.units.cache-ttl} (default 10 minutes). The one place
 * for "which unit is this code on that day", a unit's ancestors on a day, and where a unit went at a reorganisation;
 * routing, rollup access and the rollups use it (they resolve thousands of (code, date) pairs per request).
 * <p>
 * Each call reads the copy loaded at that moment; {@link #snapshot()} pins one copy for answers that must read a single
 * state of the registry. {@link #of} builds a fixed directory (tests, tools).
 */
@Service
public class UnitDirectory {

    /** Parent chains are a few levels deep (commune → district → province); a longer one is a cycle in the data. */
    private static final int MAX_DEPTH = 10;

    private final Supplier<Versions> versions;

    @Autowired
    UnitDirectory(UnitRegistry registry, Clock clock, UnitsProperties properties) {
        this.versions = new Reloading(registry, clock, properties);
    }

    private UnitDirectory(Versions fixed) {
        this.versions = () -> fixed;
    }

    /** A directory of exactly these unit versions and succession edges, never reloaded. */
    public static UnitDirectory of(List<Unit> units, List<Succession> successions) {
        return new UnitDirectory(new Versions(units, successions, Instant.EPOCH));
    }

    /** The directory as loaded now, unchanged by later reloads. */
    public UnitDirectory snapshot() {
        return new UnitDirectory(versions.get());
    }

    /** The version of {@code code} valid on {@code date}. */
    public Optional<Unit> on(String code, LocalDate date) {
        for (Unit u : history(code)) {
            if (u.validOn(date)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Every version a code has had, oldest first (empty for an unknown code). */
    public List<Unit> history(String code) {
        return versions.get().byCode.getOrDefault(code, List.of());
    }

    /** The version of {@code code} that starts on {@code validFrom}. */
    public Optional<Unit> version(String code, LocalDate validFrom) {
        return history(code).stream().filter(u -> u.validFrom().equals(validFrom)).findFirst();
    }

    /** Versions valid on some day of [from, to], of one tier when given; by tier, code, start. */
    public List<Unit> validBetween(LocalDate from, LocalDate to, Tier tier) {
        List<Unit> result = new ArrayList<>();
        for (List<Unit> history : versions.get().byCode.values()) {
            for (Unit u : history) {
                boolean overlaps = !u.validFrom().isAfter(to) && (u.validTo() == null || !u.validTo().isBefore(from));
                if (overlaps && (tier == null || u.tier() == tier)) {
                    result.add(u);
                }
            }
        }
        result.sort(Comparator.comparing(Unit::tier).thenComparing(Unit::code).thenComparing(Unit::validFrom));
        return result;
    }

    /**
     * The units above {@code unit} on {@code date}, nearest first: its parent's version valid on that day, that one's
     * parent, and so on; the chain ends at a unit without parent or at a parent code not valid on that day.
     */
    public List<Unit> ancestors(Unit unit, LocalDate date) {
        List<Unit> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unit.code()));
        String parent = unit.parentCode();
        while (parent != null && seen.add(parent) && chain.size() < MAX_DEPTH) {
            Optional<Unit> next = on(parent, date);
            if (next.isEmpty()) {
                break;
            }
            chain.add(next.get());
            parent = next.get().parentCode();
        }
        return chain;
    }

    /** {@code unit} itself when it is of {@code tier}, else its nearest ancestor of that tier on {@code date}. */
    public Optional<Unit> ancestorAt(Unit unit, Tier tier, LocalDate date) {
        if (unit.tier() == tier) {
            return Optional.of(unit);
        }
        return ancestors(unit, date).stream().filter(u -> u.tier() == tier).findFirst();
    }

    /** Where the unit version went at a reorganisation (edges from it). */
    public List<Succession> successorsOf(Unit unit) {
        return versions.get().successorsByOld.getOrDefault(Versions.key(unit.code(), unit.validFrom()), List.of());
    }

    /** Which unit versions went into this one (edges to it). */
    public List<Succession> predecessorsOf(Unit unit) {
        return versions.get().predecessorsByNew.getOrDefault(Versions.key(unit.code(), unit.validFrom()), List.of());
    }

    /** One loaded copy of the registry. */
    private static final class Versions {
        final Map<String, List<Unit>> byCode = new HashMap<>();
        final Map<String, List<Succession>> successorsByOld = new HashMap<>();
        final Map<String, List<Succession>> predecessorsByNew = new HashMap<>();
        final Instant loadedAt;

        Versions(List<Unit> units, List<Succession> successions, Instant loadedAt) {
            Map<String, List<Unit>> grouped = new HashMap<>();
            for (Unit u : units) {
                grouped.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(u);
            }
            grouped.forEach((code, history) -> {
                history.sort(Comparator.comparing(Unit::validFrom));
                byCode.put(code, List.copyOf(history));
            });
            for (Succession s : successions) {
                successorsByOld.computeIfAbsent(key(s.oldCode(), s.oldValidFrom()), k -> new ArrayList<>()).add(s);
                predecessorsByNew.computeIfAbsent(key(s.newCode(), s.newValidFrom()), k -> new ArrayList<>()).add(s);
            }
            successorsByOld.replaceAll((k, v) -> List.copyOf(v));
            predecessorsByNew.replaceAll((k, v) -> List.copyOf(v));
            this.loadedAt = loadedAt;
        }

        static String key(String code, LocalDate validFrom) {
            return code + "@" + validFrom;
        }
    }

    /** The registry's current copy, loaded again once it is older than the TTL (one load at a time). */
    private static final class Reloading implements Supplier<Versions> {
        private final UnitRegistry registry;
        private final Clock clock;
        private final UnitsProperties properties;
        private volatile Versions current;

        Reloading(UnitRegistry registry, Clock clock, UnitsProperties properties) {
            this.registry = registry;
            this.clock = clock;
            this.properties = properties;
        }

        @Override
        public Versions get() {
            Versions v = current;
            if (stale(v)) {
                synchronized (this) {
                    v = current;
                    if (stale(v)) {
                        v = new Versions(registry.allVersions(), registry.allSuccessions(), clock.instant());
                        current = v;
                    }
                }
            }
            return v;
        }

        private boolean stale(Versions v) {
            return v == null || v.loadedAt.plus(properties.cacheTtl()).isBefore(clock.instant());
        }
    }
}
