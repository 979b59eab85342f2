package vn.hoso.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.hoso.procedures.Procedure;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitDirectory;
import vn.hoso.units.UnitRegistry;

/**
 * Plans the units a case visits: each leg of the procedure's route (adapted to the tiers in force on the receiving
 * date) is handled by the receiving unit or by its ancestor at that tier on that date (commune → district → province).
 */
@Component
class RoutePlanner {

    private final UnitRegistry registry;
    private final UnitDirectory units;

    RoutePlanner(UnitRegistry registry, UnitDirectory units) {
        this.registry = registry;
        this.units = units;
    }

    Route plan(Procedure procedure, Unit receiving, LocalDate date) {
        List<Route.Stop> stops = new ArrayList<>();
        for (Procedure.Leg leg : procedure.legs(receiving.tier(), registry.tiersOn(date))) {
            Unit unit = units.ancestorAt(receiving, leg.tier(), date).orElseThrow(() -> new IllegalStateException(
                    "No " + leg.tier() + " unit above " + receiving.code() + " valid on " + date));
            stops.add(new Route.Stop(leg.tier(), unit.code(), leg.days()));
        }
        return new Route(stops);
    }
}
