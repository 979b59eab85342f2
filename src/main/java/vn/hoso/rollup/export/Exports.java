package vn.hoso.rollup.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hoso.units.Tier;

/**
 * CSV (UTF-8 with a byte-order mark, so that Excel shows Vietnamese; RFC 4180 quoting, dot decimals for scripts)
 * and Excel workbooks (Apache POI: title, period, bold header, percentages and dates formatted, filter, frozen
 * header) of the rollup tables.
 */
public final class Exports {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public enum Type { TEXT, INT, PERCENT, DATE, DATETIME, BOOL }

    public record Column(String header, Type type) {
    }

    public record Table(String sheet, String title, String subtitle, List<Column> columns, List<List<Object>> rows) {
    }

    private Exports() {
    }

    static String tierName(Tier tier) {
        if (tier == null) {
            return null;
        }
        return switch (tier) {
            case PROVINCE -> "Cấp tỉnh";
            case DISTRICT -> "Cấp huyện";
            case COMMUNE -> "Cấp xã";
        };
    }

    static String vnDate(LocalDate d) {
        return d == null ? "" : VN_DATE.format(d);
    }

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(Column::header).toList());
        for (List<Object> row : table.rows()) {
            java.util.List<String> cells = new java.util.ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(csvValue(row.get(i), table.columns().get(i).type()));
            }
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvValue(Object v, Type type) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "Đạt" : "Không đạt";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }

    public static byte[] xlsx(Table table) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(table.sheet());
            Font bold = wb.createFont();
            bold.setBold(true);
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);

            CellStyle title = wb.createCellStyle();
            title.setFont(titleFont);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));

            int n = table.columns().size();
            int[] widths = new int[n];
            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue(table.title());
            r0.getCell(0).setCellStyle(title);
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue(table.subtitle());
            if (n > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, n - 1));
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, n - 1));
            }
            int headerRow = 3;
            Row h = sheet.createRow(headerRow);
            for (int c = 0; c < n; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(table.columns().get(c).header());
                cell.setCellStyle(header);
                widths[c] = Math.min(30, Math.max(10, table.columns().get(c).header().length()));
            }
            int r = headerRow + 1;
            for (List<Object> row : table.rows()) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < n; c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = x.createCell(c);
                    switch (table.columns().get(c).type()) {
                        case INT -> {
                            cell.setCellValue(((Number) v).doubleValue());
                            cell.setCellStyle(integer);
                        }
                        case PERCENT -> {
                            cell.setCellValue(((Number) v).doubleValue());
                            cell.setCellStyle(percent);
                        }
                        case DATE -> {
                            cell.setCellValue((LocalDate) v);
                            cell.setCellStyle(date);
                        }
                        case DATETIME -> {
                            cell.setCellValue(((OffsetDateTime) v).toLocalDateTime());
                            cell.setCellStyle(dateTime);
                        }
                        case BOOL -> cell.setCellValue((Boolean) v ? "Đạt" : "Không đạt");
                        default -> cell.setCellValue(v.toString());
                    }
                    int len = switch (table.columns().get(c).type()) {
                        case DATE -> 11;
                        case DATETIME -> 17;
                        default -> v.toString().length() + 2;
                    };
                    widths[c] = Math.min(60, Math.max(widths[c], len));
                }
            }
            for (int c = 0; c < n; c++) {
                sheet.setColumnWidth(c, (widths[c] + 1) * 256);
            }
            h.setHeightInPoints(32);
            sheet.createFreezePane(0, headerRow + 1);
            if (r > headerRow + 1) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, n - 1));
            }
            wb.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
