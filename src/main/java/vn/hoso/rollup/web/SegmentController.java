package vn.hoso.rollup.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoso.rollup.export.RollupTables;
import vn.hoso.rollup.query.RollupModel.Period;

import static vn.hoso.rollup.web.QueryParameter.LIMIT;
import static vn.hoso.rollup.web.QueryParameter.OFFSET;

/** The drill-down: a unit's segments with their cases. */
@RollupApi
class SegmentController {

    private final AuthorizedRollups rollups;
    private final RollupTables tables;

    SegmentController(AuthorizedRollups rollups, RollupTables tables) {
        this.rollups = rollups;
        this.tables = tables;
    }

    @GetMapping("/units/{code}/segments")
    @Operation(summary = "A unit's segments closed in the period, with their cases")
    @PeriodQuery({LIMIT, OFFSET})
    ResponseEntity<?> segments(@PathVariable String code, RollupParams params) {
        RollupParams.unitCode("code", code);
        Period period = params.period();
        String kind = params.kind();
        String format = params.format();
        boolean export = !format.equals("json");
        int limit = params.integer("limit", export ? 100_000 : 500, 1, 100_000);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        AuthorizedRollups.Segments segments = rollups.segments(code, period, kind, offset, limit);
        return RollupResponses.respond(format, segments.page(), "ho-so-" + code, period,
                () -> tables.segments(segments.page(), segments.unitName()));
    }
}
