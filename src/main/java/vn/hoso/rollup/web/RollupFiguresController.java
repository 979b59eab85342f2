package vn.hoso.rollup.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoso.rollup.export.RollupTables;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.rollup.query.RollupModel.TierRow;
import vn.hoso.rollup.query.RollupModel.Trend;
import vn.hoso.rollup.query.RollupModel.UnitRow;
import vn.hoso.units.Tier;

import static vn.hoso.rollup.web.QueryParameter.AS_OF;
import static vn.hoso.rollup.web.QueryParameter.PARENT;
import static vn.hoso.rollup.web.QueryParameter.TIER;
import static vn.hoso.rollup.web.QueryParameter.TREND_UNIT;
import static vn.hoso.rollup.web.QueryParameter.UNIT;

/** The online-processing figures: per tier, per unit, per month. */
@RollupApi
class RollupFiguresController {

    private final AuthorizedRollups rollups;
    private final RollupTables tables;

    RollupFiguresController(AuthorizedRollups rollups, RollupTables tables) {
        this.rollups = rollups;
        this.tables = tables;
    }

    @GetMapping("/tiers")
    @Operation(summary = "One row per tier in force in the period: segments, processed online, rate, target, met")
    @PeriodQuery
    ResponseEntity<?> tiers(RollupParams params) {
        Period period = params.period();
        String kind = params.kind();
        String format = params.format();
        List<TierRow> rows = rollups.tiers(period, kind);
        return RollupResponses.respond(format, rows, "ty-le-xu-ly-theo-cap", period,
                () -> tables.tiers(rows, period, kind));
    }

    @GetMapping("/units")
    @Operation(summary = "The same per unit (units valid when each segment closed), or restated onto the units valid on asOf")
    @PeriodQuery({TIER, AS_OF, UNIT, PARENT})
    ResponseEntity<?> units(RollupParams params) {
        Period period = params.period();
        Tier tier = params.tier();
        String kind = params.kind();
        LocalDate asOf = params.optionalDate("asOf");
        String unit = params.code("unit");
        String parent = params.code("parent");
        String format = params.format();
        List<UnitRow> rows = rollups.units(period, tier, kind, asOf, unit, parent);
        return RollupResponses.respond(format, rows, "ty-le-xu-ly-theo-don-vi", period,
                () -> tables.units(rows, period, tier, kind, asOf));
    }

    @GetMapping("/trend")
    @Operation(summary = "Monthly series: segments, processed online, rate and target per month")
    @PeriodQuery({TIER, TREND_UNIT})
    ResponseEntity<?> trend(RollupParams params) {
        Period period = params.period();
        Tier tier = params.tier();
        String unit = params.code("unit");
        String kind = params.kind();
        String format = params.format();
        Trend trend = rollups.trend(period, tier, unit, kind);
        return RollupResponses.respond(format, trend, "xu-huong-theo-thang", period, () -> tables.trend(trend));
    }
}
