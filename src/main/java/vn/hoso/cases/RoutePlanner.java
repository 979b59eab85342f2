package vn.hoso.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.hoso.procedures.Procedure;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * Plans the units a case visits: each leg of the procedure's route (adapted to the tiers in force on the receiving
 * date) is handled by the receiving unit or by its ancestor at that tier (commune → district → province).
 */
@Component
class RoutePlanner {

    private final UnitRegistry units;

    RoutePlanner(UnitRegistry units) {
        this.units = units;
    }

    Route plan(Procedure procedure, Unit receiving, LocalDate date) {
        List<Route.Stop> stops = new ArrayList<>();
        for (Procedure.Leg leg : procedure.legs(receiving.tier(), units.tiersOn(date))) {
            Unit unit = leg.tier() == receiving.tier() ? receiving : ancestor(receiving, leg.tier(), date);
            stops.add(new Route.Stop(leg.tier(), unit.code(), leg.days()));
        }
        return new Route(stops);
    }

    private Unit ancestor(Unit unit, Tier tier, LocalDate date) {
        Unit current = unit;
        while (current.tier() != tier) {
            String parent = current.parentCode();
            if (parent == null || current.tier().ordinal() <= tier.ordinal()) {
                throw new IllegalStateException("No " + tier + " unit above " + unit.code() + " on " + date);
            }
            current = units.unitOn(parent, date).orElseThrow(() -> new IllegalStateException(
                    "Parent " + parent + " of " + unit.code() + " is not valid on " + date));
        }
        return current;
    }
}
