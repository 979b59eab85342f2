package vn.hoso.rollup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.identity.CurrentUser;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;

import static vn.hoso.rollup.Exports.Column;
import static vn.hoso.rollup.RollupAccess.Days;
import static vn.hoso.rollup.Exports.Table;
import static vn.hoso.rollup.Exports.Type;
import static vn.hoso.rollup.RollupModel.Period;
import static vn.hoso.rollup.RollupModel.SegmentPage;
import static vn.hoso.rollup.RollupModel.TierRow;
import static vn.hoso.rollup.RollupModel.Trend;
import static vn.hoso.rollup.RollupModel.UnitRef;
import static vn.hoso.rollup.RollupModel.UnitRow;

/**
 * The rollup API. The same handlers answer under {@code /api/rollups} (HTTP Basic, stateless, for scripts) and
 * under {@code /dashboard/api/rollups} (the dashboard's session, CSRF-protected): the security chains differ, the
 * figures and the access rules do not. Every GET answers JSON, {@code text/csv} or Excel (Accept header or
 * {@code format=csv|xlsx}).
 */
@RestController
@RequestMapping({"/api/rollups", "/dashboard/api/rollups"})
class RollupController {

    private final RollupService rollups;
    private final RollupAccess access;
    private final UnitCatalog catalog;
    private final RollupRebuild rebuild;
    private final Clock clock;
    private final ProgressReport report;

    RollupController(RollupService rollups, RollupAccess access, UnitCatalog catalog, RollupRebuild rebuild,
                     Clock clock, ProgressReport report) {
        this.report = report;
        this.rollups = rollups;
        this.access = access;
        this.catalog = catalog;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    record Me(String userId, boolean readsAll, boolean readsTiers, List<String> units, boolean admin) {
    }

    @GetMapping("/me")
    @Operation(summary = "The caller and what they may read")
    Me me() {
        CurrentUser user = user();
        return new Me(user.userId(), access.readsAll(user), access.readsTiers(user), user.unitCodes(),
                user.isAdmin());
    }

    @GetMapping("/tiers")
    @Operation(summary = "One row per tier in force in the period: segments, processed online, rate, target, met")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string"))})
    ResponseEntity<?> tiers(@Parameter(hidden = true) @RequestParam Map<String, String> query,
                            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        Period period = params.period();
        String kind = params.kind();
        String format = params.format(accept);
        CurrentUser user = user();
        if (!access.readsTiers(user)) {
            throw RollupProblem.forbidden("Tier (province-wide) rollups are for auditors, administrators and "
                    + "province-level officers and leaders.");
        }
        List<TierRow> rows = rollups.tiers(period, kind);
        return respond(format, rows, "ty-le-xu-ly-theo-cap", period, () -> tierTable(rows, period, kind));
    }

    @GetMapping("/units")
    @Operation(summary = "The same per unit (units valid when each segment closed), or restated onto the units valid on asOf")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string")),
            @Parameter(name = "tier", in = ParameterIn.QUERY, description = "PROVINCE, DISTRICT or COMMUNE", schema = @Schema(type = "string")),
            @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "Restate onto the units valid on this date", schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "unit", in = ParameterIn.QUERY, description = "Only this unit code", schema = @Schema(type = "string")),
            @Parameter(name = "parent", in = ParameterIn.QUERY, description = "Only the units below this unit code", schema = @Schema(type = "string"))})
    ResponseEntity<?> units(@Parameter(hidden = true) @RequestParam Map<String, String> query,
                            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        Period period = params.period();
        Tier tier = params.tier();
        String kind = params.kind();
        LocalDate asOf = params.optionalDate("asOf");
        String unit = params.code("unit");
        String parent = params.code("parent");
        String format = params.format(accept);
        CurrentUser user = user();
        if (!access.readsAnything(user)) {
            throw RollupProblem.forbidden("Rollups are for auditors, administrators, officers and leaders.");
        }
        if (unit != null && !access.readsCode(user, unit, period.from(), period.to())) {
            throw RollupProblem.forbidden("You may read the rollups of your own unit and the units below it only.");
        }
        if (parent != null && !access.readsCode(user, parent, period.from(), period.to())) {
            throw RollupProblem.forbidden("You may read the rollups of your own unit and the units below it only.");
        }
        List<UnitRow> rows = asOf == null ? rollups.units(period, tier, kind)
                : rollups.unitsAsOf(period, tier, kind, asOf);
        UnitCatalog.Snapshot units = catalog.get();
        List<UnitRow> visible = new ArrayList<>();
        for (UnitRow r : rows) {
            Unit version = r.validFrom() == null ? null : units.version(r.unitCode(), r.validFrom()).orElse(null);
            boolean sameAsOf = "AS_OF".equals(r.restatement());
            LocalDate f = sameAsOf ? asOf : period.from(), t = sameAsOf ? asOf : period.to();
            if (unit != null && !unit.equals(r.unitCode())) {
                continue;
            }
            if (parent != null && !parent.equals(r.parentCode())) {
                continue;
            }
            if (access.readsUnit(user, r.unitCode(), version, f, t)) {
                visible.add(r);
            }
        }
        return respond(format, visible, "ty-le-xu-ly-theo-don-vi", period,
                () -> unitTable(visible, period, tier, kind, asOf));
    }

    @GetMapping("/units/{code}/segments")
    @Operation(summary = "A unit's segments closed in the period, with their cases")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string")),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size (default 500; exports 100000)", schema = @Schema(type = "integer")),
            @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Rows to skip", schema = @Schema(type = "integer"))})
    ResponseEntity<?> segments(@PathVariable String code, @Parameter(hidden = true) @RequestParam Map<String, String> query,
                               @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        if (!code.matches("[0-9A-Za-z]{1,10}")) {
            throw RollupProblem.badParameter("code", "'" + code + "' is not a unit code");
        }
        Period period = params.period();
        String kind = params.kind();
        String format = params.format(accept);
        boolean export = !format.equals("json");
        int limit = params.integer("limit", export ? 100_000 : 500, 1, 100_000);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        List<Days> days = access.days(user(), code, period);
        if (days.isEmpty()) {
            throw RollupProblem.forbidden("You may read the rollups of your own unit and the units below it only.");
        }
        SegmentPage page = rollups.segments(code, period, days, kind, offset, limit);
        return respond(format, page, "ho-so-" + code, period, () -> segmentTable(page, days));
    }

    @GetMapping("/trend")
    @Operation(summary = "Monthly series: segments, processed online, rate and target per month")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string")),
            @Parameter(name = "tier", in = ParameterIn.QUERY, description = "PROVINCE, DISTRICT or COMMUNE", schema = @Schema(type = "string")),
            @Parameter(name = "unit", in = ParameterIn.QUERY, description = "A unit code instead of whole tiers", schema = @Schema(type = "string"))})
    ResponseEntity<?> trend(@Parameter(hidden = true) @RequestParam Map<String, String> query,
                            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        Period period = params.period();
        Tier tier = params.tier();
        String unit = params.code("unit");
        String kind = params.kind();
        String format = params.format(accept);
        CurrentUser user = user();
        List<Days> days = unit == null ? List.of() : access.days(user, unit, period);
        if (unit == null ? !access.readsTiers(user) : days.isEmpty()) {
            throw RollupProblem.forbidden(unit == null
                    ? "Tier (province-wide) trends are for auditors, administrators and province-level officers and leaders."
                    : "You may read the rollups of your own unit and the units below it only.");
        }
        Trend trend = rollups.trend(period, tier, unit, days, kind);
        return respond(format, trend, "xu-huong-theo-thang", period, () -> trendTable(trend));
    }

    @GetMapping("/report/tiers")
    @Operation(summary = "Biểu II.06a and the progress score per tier")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string"))})
    ResponseEntity<?> reportTiers(@Parameter(hidden = true) @RequestParam Map<String, String> query,
                                  @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        Period period = params.period();
        String kind = params.kind();
        String format = params.format(accept);
        if (!access.readsTiers(user())) {
            throw RollupProblem.forbidden("Tier (province-wide) reports are for auditors, administrators and "
                    + "province-level officers and leaders.");
        }
        List<ProgressReport.Row> rows = report.tiers(period, rollups.calendar(period).tiers(), kind);
        return respond(format, rows, "bieu-II.06a-theo-cap", period, () -> reportTable(rows, period, kind, false));
    }

    @GetMapping("/report/units")
    @Operation(summary = "Biểu II.06a and the progress score per receiving unit")
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD (at most 5 years after from)", required = true, schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "PROCEDURE or WORK", schema = @Schema(type = "string")),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "json, csv or xlsx (else the Accept header decides)", schema = @Schema(type = "string")),
            @Parameter(name = "tier", in = ParameterIn.QUERY, description = "PROVINCE, DISTRICT or COMMUNE", schema = @Schema(type = "string")),
            @Parameter(name = "unit", in = ParameterIn.QUERY, description = "Only this unit code", schema = @Schema(type = "string"))})
    ResponseEntity<?> reportUnits(@Parameter(hidden = true) @RequestParam Map<String, String> query,
                                  @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RollupParams params = new RollupParams(query);
        Period period = params.period();
        Tier tier = params.tier();
        String kind = params.kind();
        String unit = params.code("unit");
        String format = params.format(accept);
        CurrentUser user = user();
        if (!access.readsAnything(user)) {
            throw RollupProblem.forbidden("Reports are for auditors, administrators, officers and leaders.");
        }
        if (unit != null && !access.readsCode(user, unit, period.from(), period.to())) {
            throw RollupProblem.forbidden("You may read the reports of your own unit and the units below it only.");
        }
        Map<String, List<Days>> scope = access.scope(user, period);
        List<ProgressReport.Row> rows = report.units(period, tier, kind, scope).stream()
                .filter(r -> unit == null || unit.equals(r.unitCode()))
                .toList();
        return respond(format, rows, "bieu-II.06a-theo-don-vi", period, () -> reportTable(rows, period, kind, true));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Administrators: replay the topic into fresh tables and compare with the live read model")
    RollupRebuild.Report rebuild() {
        if (!user().isAdmin()) {
            throw RollupProblem.forbidden("Only administrators rebuild the read model.");
        }
        return rebuild.run();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static CurrentUser user() {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (user == null) {
            throw RollupProblem.forbidden("Not authenticated.");
        }
        return user;
    }

    private ResponseEntity<?> respond(String format, Object json, String name, Period period, Supplier<Table> table) {
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        boolean csv = format.equals("csv");
        byte[] body = csv ? Exports.csv(table.get()) : Exports.xlsx(table.get());
        String filename = name + "_" + period.from() + "_" + period.to() + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(Exports.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String subtitle(Period period, String extra) {
        return "Kỳ báo cáo: " + Exports.vnDate(period.from()) + " – " + Exports.vnDate(period.to())
                + (extra == null || extra.isBlank() ? "" : "; " + extra)
                + ". Lập lúc " + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"))
                + ". Một phân đoạn là phần hồ sơ do một đơn vị xử lý; xử lý trên môi trường mạng khi mọi bước đều điện tử.";
    }

    private static String kindLabel(String kind) {
        return kind == null ? null : kind.equals("PROCEDURE") ? "loại: hồ sơ thủ tục hành chính" : "loại: hồ sơ công việc";
    }

    private static final List<Column> FIGURES = List.of(
            new Column("Số hồ sơ kết thúc (phân đoạn)", Type.INT),
            new Column("Số xử lý trên môi trường mạng", Type.INT),
            new Column("Tỷ lệ xử lý trên môi trường mạng", Type.PERCENT),
            new Column("Chỉ tiêu", Type.PERCENT),
            new Column("Đạt chỉ tiêu", Type.BOOL));

    private Table tierTable(List<TierRow> rows, Period period, String kind) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã cấp", Type.TEXT), new Column("Cấp", Type.TEXT),
                new Column("Hiệu lực từ", Type.DATE), new Column("Hiệu lực đến", Type.DATE)));
        columns.addAll(FIGURES);
        columns.add(new Column("Các chỉ tiêu trong kỳ", Type.TEXT));
        List<List<Object>> data = new ArrayList<>();
        for (TierRow r : rows) {
            data.add(Arrays.asList(r.tier().name(), Exports.tierName(r.tier()), r.inForceFrom(), r.inForceTo(),
                    r.segments(), r.processedOnline(), r.onlineRate(), r.target(), r.met(),
                    r.targets() == null ? null : r.targets().stream()
                            .map(s -> Exports.vnDate(s.from()) + "–" + Exports.vnDate(s.to()) + ": "
                                    + s.target().movePointRight(2).stripTrailingZeros().toPlainString() + "%")
                            .collect(Collectors.joining("; "))));
        }
        return new Table("Theo cấp", "Tỷ lệ hồ sơ xử lý trên môi trường mạng theo cấp", subtitle(period, kindLabel(kind)),
                columns, data);
    }

    private Table unitTable(List<UnitRow> rows, Period period, Tier tier, String kind, LocalDate asOf) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã cấp", Type.TEXT), new Column("Cấp", Type.TEXT),
                new Column("Mã đơn vị", Type.TEXT), new Column("Tên đơn vị", Type.TEXT),
                new Column("Mã đơn vị cấp trên", Type.TEXT), new Column("Hiệu lực từ", Type.DATE),
                new Column("Hiệu lực đến", Type.DATE)));
        columns.addAll(FIGURES);
        if (asOf != null) {
            columns.addAll(List.of(new Column("Quy đổi", Type.TEXT), new Column("Gộp toàn bộ từ", Type.TEXT),
                    new Column("Tách một phần từ (không cộng)", Type.TEXT), new Column("Tách sang", Type.TEXT)));
        }
        List<List<Object>> data = new ArrayList<>();
        for (UnitRow r : rows) {
            List<Object> row = new ArrayList<>(Arrays.asList(r.tier().name(), Exports.tierName(r.tier()), r.unitCode(),
                    r.unitName(), r.parentCode(), r.validFrom(), r.validTo(), r.segments(), r.processedOnline(),
                    r.onlineRate(), r.target(), r.met()));
            if (asOf != null) {
                row.add(switch (r.restatement() == null ? "" : r.restatement()) {
                    case "AS_OF" -> "Đơn vị tại ngày " + Exports.vnDate(asOf);
                    case "PARTIAL" -> "Đơn vị bị chia tách: số liệu giữ nguyên, không phân bổ";
                    case "NO_SUCCESSOR" -> "Không có đơn vị kế thừa";
                    default -> "";
                });
                row.add(refs(r.restatedFrom()));
                row.add(refs(r.partialFrom()));
                row.add(r.partialTo() == null ? null : String.join(", ", r.partialTo()));
            }
            data.add(row);
        }
        String extra = (tier == null ? "mọi cấp" : Exports.tierName(tier).toLowerCase())
                + (kind == null ? "" : "; " + kindLabel(kind))
                + (asOf == null ? "; theo đơn vị tại thời điểm kết thúc phân đoạn"
                : "; quy đổi sang đơn vị hành chính tại ngày " + Exports.vnDate(asOf));
        return new Table("Theo đơn vị", "Tỷ lệ hồ sơ xử lý trên môi trường mạng theo đơn vị", subtitle(period, extra),
                columns, data);
    }

    private static String refs(List<UnitRef> refs) {
        if (refs == null || refs.isEmpty()) {
            return null;
        }
        return refs.stream().map(r -> r.unitCode() + " " + (r.unitName() == null ? "" : r.unitName())
                + " (" + r.processedOnline() + "/" + r.segments() + ")").collect(Collectors.joining("; "));
    }

    private Table segmentTable(SegmentPage page, List<Days> days) {
        List<Column> columns = List.of(new Column("Mã hồ sơ (caseId)", Type.TEXT), new Column("Số hồ sơ", Type.TEXT),
                new Column("Cấp", Type.TEXT), new Column("Loại hồ sơ", Type.TEXT), new Column("Thủ tục", Type.TEXT),
                new Column("Đến đơn vị lúc", Type.DATETIME), new Column("Rời đơn vị lúc", Type.DATETIME),
                new Column("Số bước", Type.INT), new Column("Số bước trên giấy", Type.INT),
                new Column("Xử lý trên môi trường mạng", Type.TEXT), new Column("Đến bằng điện tử", Type.TEXT),
                new Column("Kênh nộp", Type.TEXT), new Column("Tiếp nhận lúc", Type.DATETIME),
                new Column("Ngày hẹn trả", Type.DATE), new Column("Giải quyết lúc", Type.DATETIME),
                new Column("Kết quả", Type.TEXT), new Column("Tiến độ", Type.TEXT),
                new Column("Số lần yêu cầu bổ sung", Type.INT));
        List<List<Object>> data = new ArrayList<>();
        for (var s : page.segments()) {
            data.add(Arrays.asList(s.caseId(), s.caseCode(), Exports.tierName(s.tier()), s.kind(), s.procedureCode(),
                    s.openedAt(), s.closedAt(), s.steps(), s.paperSteps(), s.processedOnline() ? "Có" : "Không",
                    s.arrivedElectronically() == null ? null : s.arrivedElectronically() ? "Có" : "Không",
                    s.channel(), s.receivedAt(), s.dueDate(), s.resolvedAt(), s.outcome(), s.timeliness(),
                    s.supplementationCount()));
        }
        // named after the last version the caller reads, in the period if it has one
        List<Unit> readable = catalog.get().history(page.unitCode()).stream()
                .filter(u -> Days.coversVersion(days, u)).toList();
        Unit unit = readable.stream().filter(u -> !u.validFrom().isAfter(page.to())).reduce((a, b) -> b)
                .orElse(readable.stream().reduce((a, b) -> b).orElse(null));
        return new Table("Hồ sơ " + page.unitCode(), "Các phân đoạn hồ sơ của đơn vị " + page.unitCode()
                + (unit == null ? "" : " " + unit.name()), subtitle(new Period(page.from(), page.to()),
                page.total() + " phân đoạn"), columns, data);
    }

    private Table reportTable(List<ProgressReport.Row> rows, Period period, String kind, boolean units) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã cấp", Type.TEXT), new Column("Cấp", Type.TEXT)));
        if (units) {
            columns.addAll(List.of(new Column("Mã đơn vị", Type.TEXT), new Column("Tên đơn vị", Type.TEXT),
                    new Column("Mã đơn vị cấp trên", Type.TEXT)));
        }
        columns.addAll(List.of(
                new Column("Số hồ sơ nhận giải quyết: Tổng số", Type.INT),
                new Column("Trong kỳ: Trực tuyến", Type.INT),
                new Column("Trong kỳ: Trực tiếp và dịch vụ bưu chính", Type.INT),
                new Column("Từ kỳ trước chuyển qua", Type.INT),
                new Column("Đã giải quyết: Tổng số", Type.INT),
                new Column("Đã giải quyết: Trước hạn", Type.INT),
                new Column("Đã giải quyết: Đúng hạn", Type.INT),
                new Column("Đã giải quyết: Quá hạn", Type.INT),
                new Column("Đang giải quyết: Tổng số", Type.INT),
                new Column("Đang giải quyết: Trong hạn", Type.INT),
                new Column("Đang giải quyết: Quá hạn", Type.INT),
                new Column("Tỷ lệ tiến độ", Type.PERCENT),
                new Column("Điểm tiến độ (tối đa 20)", Type.TEXT)));
        List<List<Object>> data = new ArrayList<>();
        for (ProgressReport.Row r : rows) {
            List<Object> row = new ArrayList<>(Arrays.asList(r.tier().name(), Exports.tierName(r.tier())));
            if (units) {
                row.addAll(Arrays.asList(r.unitCode(), r.unitName(), r.parentCode()));
            }
            row.addAll(Arrays.asList(r.received(), r.receivedOnline(), r.receivedInPersonOrPost(), r.carriedOver(),
                    r.finished(), r.finishedEarly(), r.finishedOnTime(), r.finishedLate(), r.inProgress(),
                    r.inProgressWithinTime(), r.inProgressLate(), r.progressRate(), r.progressScore()));
            data.add(row);
        }
        return new Table("Biểu II.06a", "Tình hình, kết quả giải quyết thủ tục hành chính (Biểu II.06a/VPCP/KSTT)"
                + (units ? " theo đơn vị tiếp nhận" : " theo cấp"), subtitle(period, (kind == null ? "mọi loại hồ sơ" : kindLabel(kind))
                + "; tỷ lệ tiến độ = (giải quyết trước hạn, đúng hạn + đang giải quyết trong hạn) ÷ tổng số nhận giải quyết"),
                columns, data);
    }

    private Table trendTable(Trend trend) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã cấp", Type.TEXT), new Column("Cấp", Type.TEXT),
                new Column("Mã đơn vị", Type.TEXT), new Column("Tên đơn vị", Type.TEXT), new Column("Tháng", Type.TEXT),
                new Column("Từ ngày", Type.DATE), new Column("Đến ngày", Type.DATE)));
        columns.addAll(FIGURES);
        List<List<Object>> data = new ArrayList<>();
        for (var s : trend.series()) {
            for (var p : s.points()) {
                data.add(Arrays.asList(s.tier() == null ? null : s.tier().name(), Exports.tierName(s.tier()),
                        s.unitCode(), s.unitName(), p.month(), p.from(), p.to(), p.segments(), p.processedOnline(),
                        p.onlineRate(), p.target(), p.met()));
            }
        }
        return new Table("Theo tháng", "Xu hướng tỷ lệ xử lý trên môi trường mạng theo tháng",
                subtitle(new Period(trend.from(), trend.to()), kindLabel(trend.kind())), columns, data);
    }
}
