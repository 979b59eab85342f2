package vn.hoso.rollup.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoso.rollup.export.RollupTables;
import vn.hoso.rollup.query.ProgressReport;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.units.Tier;

import static vn.hoso.rollup.web.QueryParameter.TIER;
import static vn.hoso.rollup.web.QueryParameter.UNIT;

/**
 * The statutory report (Biểu II.06a) and the progress score: of procedure dossiers unless {@code kind=WORK} asks for
 * the work files' own view (they are never mixed in).
 */
@RollupApi
class ProgressReportController {

    private final AuthorizedRollups rollups;
    private final RollupTables tables;

    ProgressReportController(AuthorizedRollups rollups, RollupTables tables) {
        this.rollups = rollups;
        this.tables = tables;
    }

    @GetMapping("/report/tiers")
    @Operation(summary = "Biểu II.06a and the progress score per tier")
    @PeriodQuery
    ResponseEntity<?> reportTiers(RollupParams params) {
        Period period = params.period();
        String kind = ProgressReport.kindOrDefault(params.kind());
        String format = params.format();
        List<ProgressReport.Row> rows = rollups.reportTiers(period, kind);
        return RollupResponses.respond(format, rows, "bieu-II.06a-theo-cap", period,
                () -> tables.report(rows, period, kind, false));
    }

    @GetMapping("/report/units")
    @Operation(summary = "Biểu II.06a and the progress score per receiving unit")
    @PeriodQuery({TIER, UNIT})
    ResponseEntity<?> reportUnits(RollupParams params) {
        Period period = params.period();
        Tier tier = params.tier();
        String kind = ProgressReport.kindOrDefault(params.kind());
        String unit = params.code("unit");
        String format = params.format();
        List<ProgressReport.Row> rows = rollups.reportUnits(period, tier, kind, unit);
        return RollupResponses.respond(format, rows, "bieu-II.06a-theo-don-vi", period,
                () -> tables.report(rows, period, kind, true));
    }
}
