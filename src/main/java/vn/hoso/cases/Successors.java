package vn.hoso.cases;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.hoso.units.Succession;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;

/**
 * Where the work of a case in flight goes when a unit of its route no longer exists on the day (the 2025-07-01 reform:
 * Nghị quyết 60-NQ/TW, Luật Tổ chức chính quyền địa phương 2025, Nghị quyết 1669/NQ-UBTVQH15). A stop is planned at
 * intake as a unit code; the unit meant is the version valid on the day of receipt. When that version has ended:
 * <ul>
 * <li>a commune goes to its successor: the {@code FULL} edge's; for a split ({@code PARTIAL} edges only), the
 * successor that kept the commune's code, else the one with the lowest code (the product's rule: a deterministic
 * choice, since a case does not say which part of the commune it concerns);</li>
 * <li>a district (abolished; its competences went to the communes) goes to where the case's receiving commune went, by
 * the rule above; a case received at the district itself goes to the district's province's successor;</li>
 * <li>a province goes to its successor (Hải Dương 30 → Thành phố Hải Phòng 31).</li>
 * </ul>
 * Chains are followed (a successor that has itself ended goes on). No successor known (e.g. the commune merger of
 * 2025-01-01, for which the registry has no edges): the code is kept.
 */
@Component
class Successors {

    private final UnitDirectory units;

    Successors(UnitDirectory units) {
        this.units = units;
    }

    /** A resolved stop: the unit that takes the work on {@code day}. */
    record Target(String unitCode, Tier tier) {
    }

    /**
     * @param code the planned unit code
     * @param tier its tier in the plan
     * @param plannedOn the day the route was planned (the case's day of receipt)
     * @param day the day the work is to be done
     * @param receivingUnit the unit that received the case (the anchor of a district's work)
     */
    Target on(String code, Tier tier, LocalDate plannedOn, LocalDate day, String receivingUnit) {
        UnitDirectory snapshot = units.snapshot();
        Optional<Unit> planned = snapshot.on(code, plannedOn);
        if (planned.isEmpty() || planned.get().validOn(day)) {
            return new Target(code, tier); // still there, or already a successor chosen by this rule
        }
        Unit unit = planned.get();
        if (unit.tier() == Tier.DISTRICT) {
            Optional<Unit> receiving = snapshot.on(receivingUnit, plannedOn);
            if (receiving.isPresent() && receiving.get().tier() == Tier.COMMUNE) {
                return follow(snapshot, receiving.get(), day).map(u -> new Target(u.code(), u.tier()))
                        .orElse(new Target(code, tier));
            }
            Optional<Unit> province = snapshot.ancestorAt(unit, Tier.PROVINCE, plannedOn);
            return province.flatMap(p -> follow(snapshot, p, day)).map(u -> new Target(u.code(), u.tier()))
                    .orElse(new Target(code, tier));
        }
        return follow(snapshot, unit, day).map(u -> new Target(u.code(), u.tier())).orElse(new Target(code, tier));
    }

    /** The unit valid on {@code day} that {@code unit} went to, following the chain; empty when none is known. */
    private static Optional<Unit> follow(UnitDirectory snapshot, Unit unit, LocalDate day) {
        Unit at = unit;
        for (int hops = 0; hops < 10 && !at.validOn(day); hops++) {
            Optional<Succession> edge = choose(at, snapshot.successorsOf(at));
            if (edge.isEmpty()) {
                return Optional.empty();
            }
            Optional<Unit> next = snapshot.version(edge.get().newCode(), edge.get().newValidFrom());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return at.validOn(day) ? Optional.of(at) : Optional.empty();
    }

    /** The FULL edge; for a split, the successor that kept the code, else the lowest code. */
    static Optional<Succession> choose(Unit unit, List<Succession> edges) {
        return edges.stream().filter(e -> e.kind() == Succession.Kind.FULL).findFirst()
                .or(() -> edges.stream().filter(e -> e.newCode().equals(unit.code())).findFirst())
                .or(() -> edges.stream().min(Comparator.comparing(Succession::newCode)));
    }
}
