package vn.hoso.rollup.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoso.identity.CurrentUser;
import vn.hoso.rollup.export.Exports;
import vn.hoso.rollup.query.DigitizationFigures;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.units.UnitDirectory;

/**
 * The digitization figures ("Số hóa hồ sơ", {@link DigitizationFigures}) per tier and unit, as JSON, CSV or Excel.
 * The same readers as the other rollups ({@link RollupAccess}): tiers for those who read tiers, units for those who
 * read them.
 */
@RollupApi
class DigitizationController {

    private final DigitizationFigures figures;
    private final RollupAccess access;
    private final UnitDirectory directory;

    DigitizationController(DigitizationFigures figures, RollupAccess access, UnitDirectory directory) {
        this.figures = figures;
        this.access = access;
        this.directory = directory;
    }

    @GetMapping("/digitization")
    @Operation(summary = "Số hóa hồ sơ: digital dossiers at reception and electronic results, per tier and unit")
    @PeriodQuery
    ResponseEntity<?> digitization(RollupParams params) {
        Period period = params.period();
        String format = params.format();
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (!access.readsAnything(user)) {
            throw RollupProblem.forbidden("Rollups are for auditors, administrators, officers and leaders.");
        }
        DigitizationFigures.Figures all = figures.figures(period);
        List<DigitizationFigures.Row> tiers = access.readsTiers(user) ? all.tiers() : List.of();
        List<DigitizationFigures.Row> units = all.units().stream().filter(r -> access.readsUnit(user, r.unitCode(),
                directory.on(r.unitCode(), period.to()).orElse(null), period.from(), period.to())).toList();
        DigitizationFigures.Figures visible = new DigitizationFigures.Figures(period, tiers, units);
        return RollupResponses.respond(format, visible, "so-hoa-ho-so", period, () -> table(visible));
    }

    private static Exports.Table table(DigitizationFigures.Figures f) {
        List<Exports.Column> columns = List.of(new Exports.Column("Cấp", Exports.Type.TEXT),
                new Exports.Column("Mã đơn vị", Exports.Type.TEXT),
                new Exports.Column("Hồ sơ tiếp nhận", Exports.Type.INT),
                new Exports.Column("Hồ sơ có thành phần số", Exports.Type.INT),
                new Exports.Column("Trong đó số hóa khi tiếp nhận", Exports.Type.INT),
                new Exports.Column("Tỷ lệ hồ sơ số hóa", Exports.Type.PERCENT),
                new Exports.Column("Kết quả đã trả", Exports.Type.INT),
                new Exports.Column("Kết quả điện tử", Exports.Type.INT),
                new Exports.Column("Tỷ lệ kết quả điện tử", Exports.Type.PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        for (DigitizationFigures.Row r : f.tiers()) {
            rows.add(values(r, "(cả cấp)"));
        }
        for (DigitizationFigures.Row r : f.units()) {
            rows.add(values(r, r.unitCode()));
        }
        return new Exports.Table("Số hóa hồ sơ", "Số hóa hồ sơ, kết quả giải quyết điện tử",
                "Từ " + f.period().from() + " đến " + f.period().to(), columns, rows);
    }

    private static List<Object> values(DigitizationFigures.Row r, String unit) {
        return Arrays.asList(r.tier(), unit, r.received(), r.digital(), r.scannedAtReception(), r.digitalRate(),
                r.results(), r.electronicResults(), r.electronicRate());
    }
}
