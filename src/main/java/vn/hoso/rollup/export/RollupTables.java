package vn.hoso.rollup.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import vn.hoso.rollup.export.Exports.Column;
import vn.hoso.rollup.export.Exports.Table;
import vn.hoso.rollup.export.Exports.Type;
import vn.hoso.rollup.query.ProgressReport;
import vn.hoso.rollup.query.RollupModel.Period;
import vn.hoso.rollup.query.RollupModel.SegmentPage;
import vn.hoso.rollup.query.RollupModel.TierRow;
import vn.hoso.rollup.query.RollupModel.Trend;
import vn.hoso.rollup.query.RollupModel.UnitRef;
import vn.hoso.rollup.query.RollupModel.UnitRow;
import vn.hoso.units.Tier;

/**
 * The layout of the rollup exports (CSV and Excel, {@link Exports}): Vietnamese titles, headers and labels, one table
 * per answer of the rollup API, with the period, the filters and the time it was made in the subtitle.
 */
@Component
public class RollupTables {

    private static final List<Column> FIGURES = List.of(
            new Column("Số phân đoạn hồ sơ kết thúc", Type.INT),
            new Column("Số phân đoạn xử lý trên môi trường mạng", Type.INT),
            new Column("Tỷ lệ xử lý trên môi trường mạng", Type.PERCENT),
            new Column("Chỉ tiêu", Type.PERCENT),
            new Column("Đạt chỉ tiêu", Type.BOOL));

    private final Clock clock;

    RollupTables(Clock clock) {
        this.clock = clock;
    }

    public Table tiers(List<TierRow> rows, Period period, String kind) {
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
        return new Table("Theo cấp", "Tỷ lệ hồ sơ xử lý trên môi trường mạng theo cấp", subtitle(period, coverage(kind)),
                columns, data);
    }

    public Table units(List<UnitRow> rows, Period period, Tier tier, String kind, LocalDate asOf) {
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
                + "; " + coverage(kind)
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

    /** @param unitName the name of the unit the page is titled after (null: the code alone) */
    public Table segments(SegmentPage page, String unitName) {
        List<Column> columns = List.of(new Column("Định danh hệ thống (caseId)", Type.TEXT), new Column("Mã hồ sơ", Type.TEXT),
                new Column("Cấp", Type.TEXT), new Column("Loại hồ sơ", Type.TEXT), new Column("Thủ tục", Type.TEXT),
                new Column("Đến đơn vị lúc", Type.DATETIME), new Column("Rời đơn vị lúc", Type.DATETIME),
                new Column("Số bước", Type.INT), new Column("Số bước trên giấy", Type.INT),
                new Column("Xử lý trên môi trường mạng", Type.TEXT), new Column("Đến bằng điện tử", Type.TEXT),
                new Column("Kênh nộp", Type.TEXT), new Column("Tiếp nhận lúc", Type.DATETIME),
                new Column("Ngày hẹn trả", Type.DATE), new Column("Giải quyết lúc", Type.DATETIME),
                new Column("Kết quả", Type.TEXT), new Column("Tiến độ", Type.TEXT),
                new Column("Số lần yêu cầu bổ sung", Type.INT), new Column("Phân đoạn số", Type.INT),
                new Column("Hạn xử lý tại đơn vị", Type.DATE), new Column("Tiến độ tại đơn vị", Type.TEXT));
        List<List<Object>> data = new ArrayList<>();
        for (var s : page.segments()) {
            data.add(Arrays.asList(s.caseId(), s.caseCode(), Exports.tierName(s.tier()), s.kind(), s.procedureCode(),
                    s.openedAt(), s.closedAt(), s.steps(), s.paperSteps(), s.processedOnline() ? "Có" : "Không",
                    s.arrivedElectronically() == null ? null : s.arrivedElectronically() ? "Có" : "Không",
                    s.channel(), s.receivedAt(), s.dueDate(), s.resolvedAt(), s.outcome(), s.timeliness(),
                    s.supplementationCount(), s.segmentNo(), s.segmentDueDate(), verdictLabel(s.segmentVerdict())));
        }
        return new Table("Hồ sơ " + page.unitCode(), "Sổ theo dõi hồ sơ (Mẫu 06): các phân đoạn hồ sơ của đơn vị "
                + page.unitCode()
                + (unitName == null ? "" : " " + unitName), subtitle(new Period(page.from(), page.to()),
                page.total() + " phân đoạn"), columns, data);
    }

    /** Biểu II.06a per tier, or per receiving unit ({@code units}). */
    public Table report(List<ProgressReport.Row> rows, Period period, String kind, boolean units) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã cấp", Type.TEXT), new Column("Cấp", Type.TEXT)));
        if (units) {
            columns.addAll(List.of(new Column("Mã đơn vị", Type.TEXT), new Column("Tên đơn vị", Type.TEXT),
                    new Column("Mã đơn vị cấp trên", Type.TEXT)));
        }
        columns.addAll(List.of(
                new Column("Số hồ sơ nhận giải quyết: Tổng số", Type.INT),
                new Column("Trong kỳ: Trực tuyến", Type.INT),
                new Column("Trong kỳ: Trực tiếp và dịch vụ bưu chính công ích", Type.INT),
                new Column("Từ kỳ trước chuyển qua", Type.INT),
                new Column("Đã giải quyết: Tổng số", Type.INT),
                new Column("Đã giải quyết: Trước hạn", Type.INT),
                new Column("Đã giải quyết: Đúng hạn", Type.INT),
                new Column("Đã giải quyết: Quá hạn", Type.INT),
                new Column("Đang giải quyết: Tổng số", Type.INT),
                new Column("Đang giải quyết: Trong hạn", Type.INT),
                new Column("Đang giải quyết: Quá hạn", Type.INT),
                new Column("Từ chối tiếp nhận (Mẫu 03)", Type.INT),
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
                    r.inProgressWithinTime(), r.inProgressLate(), r.refused(), r.progressRate(), r.progressScore()));
            data.add(row);
        }
        boolean work = "WORK".equals(kind);
        String title = work
                ? "Tình hình, kết quả giải quyết hồ sơ công việc (theo dõi nội bộ, không phải Biểu II.06a)"
                : "Tình hình, kết quả giải quyết thủ tục hành chính (Biểu II.06a/VPCP/KSTT)";
        return new Table(work ? "Hồ sơ công việc" : "Biểu II.06a", title
                + (units ? " theo đơn vị tiếp nhận" : " theo cấp"), subtitle(period, kindLabel(work ? "WORK" : "PROCEDURE")
                + "; hồ sơ của tổ chức, cá nhân bị từ chối tiếp nhận (Mẫu 03) không tính là hồ sơ nhận giải quyết"
                + "; hồ sơ đã có văn bản xin lỗi, hẹn lại (Mẫu 04) tính quá hạn"
                + "; tỷ lệ tiến độ = (giải quyết trước hạn, đúng hạn + đang giải quyết trong hạn) ÷ tổng số nhận giải quyết"),
                columns, data);
    }

    public Table trend(Trend trend) {
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
                subtitle(new Period(trend.from(), trend.to()), coverage(trend.kind())), columns, data);
    }

    private String subtitle(Period period, String extra) {
        return "Kỳ báo cáo: " + Exports.vnDate(period.from()) + " – " + Exports.vnDate(period.to())
                + (extra == null || extra.isBlank() ? "" : "; " + extra)
                + ". Lập lúc " + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"))
                + ". Một phân đoạn là phần hồ sơ do một đơn vị xử lý; xử lý trên môi trường mạng khi mọi bước đều điện tử.";
    }

    /** Mẫu 05's verdict of a unit's stay, in words. */
    private static String verdictLabel(String verdict) {
        return verdict == null ? null : switch (verdict) {
            case "EARLY" -> "Trước hạn";
            case "ON_TIME" -> "Đúng hạn";
            case "LATE" -> "Quá hạn";
            default -> verdict;
        };
    }

    /** Which files an online rate covers: said on every table, "all" included. */
    private static String coverage(String kind) {
        return kind == null ? "mọi loại hồ sơ (hồ sơ thủ tục hành chính và hồ sơ công việc)" : kindLabel(kind);
    }

    private static String kindLabel(String kind) {
        return kind == null ? null : kind.equals("PROCEDURE") ? "loại: hồ sơ thủ tục hành chính" : "loại: hồ sơ công việc";
    }
}
