package vn.hoso.citizens.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The receipt Mẫu 01 ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") as a one-page A4 PDF, drawn with Apache PDFBox: the
 * text in DejaVu Sans, embedded as a subset (Vietnamese in precomposed Unicode, NFC, which needs no shaping), and the
 * QR code of the lookup link drawn as vector squares (ZXing computes the modules), so it prints sharp at any size.
 */
final class ReceiptPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    private static final float MARGIN = 56;
    private static final float BODY = 11.5f;

    /** What the receipt shows; {@code pin} null when it cannot be printed (see docs/citizens.md). */
    record Receipt(String unitName, String parentName, String code, String procedureName, List<String> components,
                   String applicantName,
                   OffsetDateTime receivedAt, LocalDate appointmentDate, String pin, String lookupUrl,
                   String lookupPage) {
    }

    private ReceiptPdf() {
    }

    static byte[] render(Receipt r) {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "DejaVuSans.ttf");
            PDFont bold = font(doc, "DejaVuSans-Bold.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(nfc("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + r.code()));
            info.setCreator("Hồ sơ");
            float width = page.getMediaBox().getWidth();
            float textWidth = width - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                float left = MARGIN;
                float half = textWidth / 2;
                // header: the unit (left), the national motto (right)
                float yl = y;
                if (r.parentName() != null) {
                    yl = centered(out, regular, 10, upper(r.parentName()), left, half, yl);
                }
                yl = centered(out, bold, 10, upper(r.unitName()), left, half, yl);
                yl = centered(out, regular, 9, "Số hồ sơ: " + r.code(), left, half, yl);
                float yr = centered(out, bold, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", left + half, half, y);
                yr = centered(out, bold, 10, "Độc lập - Tự do - Hạnh phúc", left + half, half, yr);
                y = Math.min(yl, yr) - 8;
                y = centered(out, regular, 9, "Mẫu số 01", left, textWidth, y) - 6;
                y = centered(out, bold, 14, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", left, textWidth, y);
                y = centered(out, regular, 11, "Mã hồ sơ: " + r.code(), left, textWidth, y) - 10;

                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"Cơ quan tiếp nhận: ", r.unitName()});
                if (r.applicantName() != null) {
                    rows.add(new String[] {"Tiếp nhận hồ sơ của: ", "Ông/Bà " + r.applicantName()});
                }
                rows.add(new String[] {"Nội dung yêu cầu giải quyết: ", r.procedureName()});
                rows.add(new String[] {"Thời gian nhận hồ sơ: ", TIME.format(r.receivedAt())});
                rows.add(new String[] {"Thời gian trả kết quả giải quyết hồ sơ: ", "ngày " + DATE.format(r.appointmentDate())});
                rows.add(new String[] {"Nơi trả kết quả: ", r.unitName()});
                for (String[] row : rows) {
                    y = labelled(out, bold, regular, row[0], row[1], left, textWidth, y) - 3;
                    if (row[0].startsWith("Nội dung")) {
                        y = components(out, bold, regular, r.components(), left, textWidth, y);
                    }
                }
                y -= 10;
                y = line(out, bold, 12, "TRA CỨU TÌNH TRẠNG HỒ SƠ", left, y) - 4;
                float qrSize = 118;
                float qrTop = y;
                float textLeft = left + qrSize + 16;
                float textRight = textWidth - qrSize - 16;
                y = labelled(out, bold, regular, "Mã hồ sơ: ", r.code(), textLeft, textRight, y) - 2;
                y = labelled(out, bold, regular, "Mã tra cứu (PIN): ", r.pin() != null ? r.pin()
                        : "đã cấp khi tiếp nhận (không in lại được; đề nghị cán bộ cấp mã mới)", textLeft, textRight, y) - 2;
                y = wrapped(out, regular, 10, "Quét mã QR hoặc mở " + r.lookupPage() + " và nhập mã hồ sơ, mã tra cứu "
                        + "để xem hồ sơ đang ở đâu, ngày hẹn trả và việc ông/bà cần làm. Giữ mã tra cứu như mật khẩu.",
                        textLeft, textRight, y);
                qr(out, r.lookupUrl(), left, qrTop - qrSize, qrSize);
                y = Math.min(y, qrTop - qrSize) - 22;

                y = wrapped(out, regular, 10, "Khi đến nhận kết quả, ông/bà mang theo giấy này. Nếu cơ quan cần ông/bà "
                        + "bổ sung hồ sơ hoặc có thay đổi ngày hẹn, ông/bà sẽ được thông báo.", left, textWidth, y) - 18;
                centered(out, bold, 11, "NGƯỜI NỘP HỒ SƠ", left, half, y);
                centered(out, bold, 11, "NGƯỜI TIẾP NHẬN HỒ SƠ", left + half, half, y);
                float ySign = y - 15;
                centered(out, regular, 9, "(Ký và ghi rõ họ tên)", left, half, ySign);
                centered(out, regular, 9, "(Ký và ghi rõ họ tên)", left + half, half, ySign);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Thành phần hồ sơ": the components the case has documents of, numbered; or that none is recorded yet. */
    private static float components(PDPageContentStream out, PDFont bold, PDFont regular, List<String> components,
                                    float x, float width, float y) throws IOException {
        if (components.isEmpty()) {
            return labelled(out, bold, regular, "Thành phần hồ sơ: ",
                    "theo danh mục của thủ tục (chưa ghi nhận giấy tờ điện tử)", x, width, y) - 3;
        }
        y = line(out, bold, BODY, "Thành phần hồ sơ đã nhận:", x, y);
        for (int i = 0; i < components.size(); i++) {
            y = wrapped(out, regular, BODY, (i + 1) + ". " + components.get(i), x + 14, width - 14, y);
        }
        return y - 3;
    }

    private static PDFont font(PDDocument doc, String file) throws IOException {
        try (InputStream in = ReceiptPdf.class.getResourceAsStream("/citizens/fonts/" + file)) {
            if (in == null) {
                throw new IOException("font " + file + " missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static float line(PDPageContentStream out, PDFont font, float size, String text, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y - size);
        out.showText(nfc(text));
        out.endText();
        return y - size * 1.45f;
    }

    private static float centered(PDPageContentStream out, PDFont font, float size, String text, float x, float width,
                                  float y) throws IOException {
        float w = font.getStringWidth(nfc(text)) / 1000 * size;
        return line(out, font, size, text, x + Math.max(0, (width - w) / 2), y);
    }

    /** A bold label followed by the value, the value wrapped within {@code width}. */
    private static float labelled(PDPageContentStream out, PDFont labelFont, PDFont font, String label, String value,
                                  float x, float width, float y) throws IOException {
        float lw = labelFont.getStringWidth(nfc(label)) / 1000 * BODY;
        List<String> lines = wrap(font, BODY, value, width - lw);
        out.beginText();
        out.setFont(labelFont, BODY);
        out.newLineAtOffset(x, y - BODY);
        out.showText(nfc(label));
        out.setFont(font, BODY);
        out.showText(nfc(lines.isEmpty() ? "" : lines.get(0)));
        out.endText();
        y -= BODY * 1.45f;
        for (int i = 1; i < lines.size(); i++) {
            y = line(out, font, BODY, lines.get(i), x + lw, y);
        }
        return y;
    }

    private static float wrapped(PDPageContentStream out, PDFont font, float size, String text, float x, float width,
                                 float y) throws IOException {
        for (String l : wrap(font, size, text, width)) {
            y = line(out, font, size, l, x, y);
        }
        return y;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : nfc(text).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static void qr(PDPageContentStream out, String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + content, e);
        }
        float module = size / matrix.getWidth();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }
}
