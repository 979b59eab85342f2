package vn.hoso.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import vn.hoso.units.Tier;

/**
 * One version of an entry of the procedure catalogue. {@code code} is the product's own code (the key: a procedure
 * whose time limit changed has several versions with the same code and adjacent validity periods);
 * {@code startTier} null = a work file that any tier can open; {@code route} empty = handled wholly at the receiving
 * unit; {@code days} = statutory working days per tier, 0 = the same day (see cases.Deadlines); {@code nationalCode}
 * = the procedure's code on the national public service portal (mã TTHC), null where there is none (work files) or
 * it is not known; {@code legalBasis} = the law or decree and article that sets the time limit (for work files: the
 * province's own norm); {@code validFrom} inclusive and {@code validTo} exclusive, either null = open.
 */
public record Procedure(String code, String name, CaseKind kind, Tier startTier, List<Tier> route,
                        Map<Tier, Integer> days, String nationalCode, String legalBasis, LocalDate validFrom,
                        LocalDate validTo) {

    /** Whether this version is the one in force on {@code day} (the receiving day of a case). */
    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || day.isBefore(validTo));
    }

    /** One tier's stay on a case's route, with its share of the statutory time. */
    public record Leg(Tier tier, int days) {
    }

    /**
     * The tier at which a case of this procedure is received when the given tiers are in force: after the 2025
     * reform there is no district tier and the commune receives what the district used to.
     */
    public Tier receivingTier(Collection<Tier> tiersInForce) {
        return startTier == null ? null : inForce(startTier, tiersInForce);
    }

    public boolean canStartAt(Tier tier, Collection<Tier> tiersInForce) {
        return startTier == null ? tiersInForce.contains(tier) : receivingTier(tiersInForce) == tier;
    }

    /**
     * The legs of the route for a case received at {@code receivingTier} when {@code tiersInForce} are in force.
     * A tier not in force (the district after 2025-07-01) is replaced by the commune, which took over its
     * competences; consecutive legs at the same tier merge and their days add up.
     */
    public List<Leg> legs(Tier receivingTier, Collection<Tier> tiersInForce) {
        if (route.isEmpty()) {
            return List.of(new Leg(receivingTier, days.getOrDefault(receivingTier, 0)));
        }
        List<Leg> legs = new ArrayList<>();
        for (Tier tier : route) {
            Tier actual = inForce(tier, tiersInForce);
            int d = days.getOrDefault(tier, 0);
            if (!legs.isEmpty() && legs.get(legs.size() - 1).tier() == actual) {
                Leg last = legs.remove(legs.size() - 1);
                legs.add(new Leg(actual, last.days() + d));
            } else {
                legs.add(new Leg(actual, d));
            }
        }
        return legs;
    }

    public int totalDays(Tier receivingTier, Collection<Tier> tiersInForce) {
        return legs(receivingTier, tiersInForce).stream().mapToInt(Leg::days).sum();
    }

    private static Tier inForce(Tier tier, Collection<Tier> tiersInForce) {
        return tiersInForce.contains(tier) ? tier : Tier.COMMUNE;
    }
}
