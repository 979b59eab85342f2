package vn.hoso.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to simulate: cases received on the working days of [from, to] at the units valid then (or only at
 * {@code units}, when given), generated from {@code seed}. {@code onlineShare} and {@code lateShare} override the
 * generated profile of a unit (by code): the share of its segments worked wholly electronically and the share of its
 * cases that run late.
 */
public record Scenario(LocalDate from, LocalDate to, long seed, int cases, List<String> units,
                       Map<String, Double> onlineShare, Map<String, Double> lateShare) {

    public Scenario {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A simulation needs a period: from ≤ to");
        }
        if (cases < 0) {
            throw new IllegalArgumentException("cases must not be negative");
        }
        units = units == null ? List.of() : List.copyOf(units);
        onlineShare = onlineShare == null ? Map.of() : Map.copyOf(onlineShare);
        lateShare = lateShare == null ? Map.of() : Map.copyOf(lateShare);
    }

    public Scenario(LocalDate from, LocalDate to, long seed, int cases) {
        this(from, to, seed, cases, List.of(), Map.of(), Map.of());
    }
}
