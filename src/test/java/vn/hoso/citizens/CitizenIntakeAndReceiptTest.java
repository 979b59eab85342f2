package vn.hoso.citizens;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.clockAt;
import static vn.hoso.cases.CaseDriver.procedure;

/** The applicant's contact and lookup PIN at intake, and the receipt Mẫu 01 as the receiving officer prints it. */
@IntegrationTest
class CitizenIntakeAndReceiptTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    CaseDriver driver;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
        clockAt("2026-03-02T09:05:00+07:00");
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    static Map<String, Object> withContact(String email, String phone) {
        Map<String, Object> body = procedure("BIRTH_REG", "10507", "IN_PERSON");
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Nguyễn Thị Hồng Nhung");
        applicant.put("idNumber", "030195004321");
        applicant.put("email", email);
        applicant.put("phone", phone);
        body.put("applicant", applicant);
        return body;
    }

    @Test
    void intakeKeepsTheContactOutOfEventsAndAnswersThePinOnceStoredOnlyHashed() {
        var response = driver.post(withContact("nhung.nguyen@example.vn", "0912 345 678"), "officer.10507");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Http.json(response);
        String caseId = body.get("caseId").asText();
        String pin = body.get("pin").asText();
        assertThat(pin).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        assertThat(body.get("receipt").asText()).isEqualTo("/api/cases/" + caseId + "/receipt?pin=" + pin);

        assertThat(jdbc.queryForMap("select email, phone from citizen_contact where case_id = ?::uuid", caseId))
                .containsEntry("email", "nhung.nguyen@example.vn").containsEntry("phone", "+84912345678");
        String hash = jdbc.queryForObject("select pin_hash from citizen_lookup where case_id = ?::uuid",
                String.class, caseId);
        assertThat(hash).startsWith("$2").doesNotContain(pin).doesNotContain(pin.replace("-", ""));

        String events = http.get("/api/cases/" + caseId + "/events", "officer.10507").body();
        assertThat(events).contains("vn.hoso.case.received").doesNotContain("example.vn").doesNotContain("912345678")
                .doesNotContain(pin);
        // the case file shows no PIN either
        assertThat(http.get("/api/cases/" + caseId, "officer.10507").body()).doesNotContain(pin);
    }

    @Test
    void badContactIsRefusedFieldByFieldAndNothingIsStored() {
        int cases = jdbc.queryForObject("select count(*) from case_file", Integer.class);
        int contacts = jdbc.queryForObject("select count(*) from citizen_contact", Integer.class);
        var response = driver.post(withContact("not an address@", "12345"), "officer.10507");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("applicant.email").contains("applicant.phone");
        var wrongType = driver.post(withContact(null, null).entrySet().stream().collect(
                LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getKey().equals("applicant")
                        ? Map.of("name", "A", "idNumber", "030195004321", "email", 42) : e.getValue()),
                Map::putAll), "officer.10507");
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.body()).contains("applicant.email");
        assertThat(jdbc.queryForObject("select count(*) from case_file", Integer.class)).isEqualTo(cases);
        assertThat(jdbc.queryForObject("select count(*) from citizen_contact", Integer.class)).isEqualTo(contacts);

        // no contact at all is fine: the applicant gets the lookup PIN all the same
        var without = driver.post(withContact(null, null), "officer.10507");
        assertThat(without.statusCode()).as(without.body()).isEqualTo(201);
        assertThat(Http.json(without).get("pin").asText()).hasSize(9);
    }

    @Test
    void theReceiptHasTheCaseInVietnameseAndAQrCodeOfTheLookupLink() throws Exception {
        JsonNode received = Http.json(driver.post(withContact("nhung.nguyen@example.vn", null), "officer.10507"));
        String caseId = received.get("caseId").asText();
        String code = received.get("code").asText();
        String pin = received.get("pin").asText();

        HttpResponse<byte[]> response = bytes("/api/cases/" + caseId + "/receipt?pin=" + pin, "officer.10507");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("PHƯỜNG THÀNH ĐÔNG").contains("Cơ quan tiếp nhận: Phường Thành Đông")
                    .contains("THÀNH PHỐ HẢI PHÒNG")
                    .contains("Mã hồ sơ: " + code)
                    .contains("Nội dung yêu cầu giải quyết: Đăng ký khai sinh")
                    .contains("Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hồng Nhung")
                    .contains("09 giờ 05 phút, ngày 02/03/2026")
                    // birth registration is done the same day (Luật Hộ tịch 2014 Art. 16), received at 09:05
                    .contains("Thời gian trả kết quả giải quyết hồ sơ: ngày 02/03/2026")
                    .contains("Mã tra cứu (PIN): " + pin)
                    .contains("Quét mã QR hoặc mở http://localhost:8080/tra-cuu và nhập")
                    .contains("Thành phần hồ sơ: theo danh mục của thủ tục (chưa ghi nhận giấy tờ điện tử)")
                    .doesNotContain("030195004321").doesNotContain("example.vn");
            // the fonts are embedded (any viewer shows the diacritics as drawn here)
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
            String link = decodeQr(new PDFRenderer(pdf).renderImageWithDPI(0, 150));
            assertThat(link).isEqualTo("http://localhost:8080/tra-cuu?code=" + code + "#pin=" + pin);
        }

        // without the PIN (kept only hashed) the receipt says how to get a new one; the QR opens the page by code
        try (PDDocument pdf = Loader.loadPDF(bytes("/api/cases/" + caseId + "/receipt", "officer.10507").body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("không in lại được").doesNotContain(pin);
            assertThat(decodeQr(new PDFRenderer(pdf).renderImageWithDPI(0, 150)))
                    .isEqualTo("http://localhost:8080/tra-cuu?code=" + code);
        }
    }

    @Test
    void theReceiptListsTheComponentsReceived() throws Exception {
        JsonNode received = Http.json(driver.post(withContact(null, null), "officer.10507"));
        String caseId = received.get("caseId").asText();
        for (String component : new String[] {"TO_KHAI", "GIAY_CHUNG_SINH"}) {
            var body = new vn.hoso.documents.MultipartBody()
                    .file("file", component + ".pdf", "application/pdf", vn.hoso.documents.SampleFiles.pdf())
                    .field("component", component);
            var upload = http.send(http.request("/api/cases/" + caseId + "/documents", "officer.10507")
                    .header("Content-Type", body.contentType()).POST(body.publisher()).build());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        }
        HttpResponse<byte[]> response = bytes("/api/cases/" + caseId + "/receipt?pin=" + received.get("pin").asText(),
                "officer.10507");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Thành phần hồ sơ đã nhận:")
                    .contains("1. Giấy chứng sinh").contains("2. Tờ khai đăng ký khai sinh")
                    .doesNotContain("chưa ghi nhận");
        }
    }

    @Test
    void onlyTheReceivingUnitsOfficersGetTheReceiptAndNewPins() {
        JsonNode received = Http.json(driver.post(withContact(null, "0912345678"), "officer.10507"));
        String caseId = received.get("caseId").asText();
        String pin = received.get("pin").asText();
        String path = "/api/cases/" + caseId + "/receipt?pin=" + pin;
        for (String stranger : new String[] {"officer.10525", "leader.10507", "auditor", "admin", "officer.31"}) {
            assertThat(bytes(path, stranger).statusCode()).as(stranger).isEqualTo(403);
            assertThat(http.postJson("/api/cases/" + caseId + "/lookup-pin", stranger, "").statusCode())
                    .as(stranger).isEqualTo(403);
        }
        assertThat(bytes(path, null).statusCode()).isEqualTo(401);
        assertThat(bytes("/api/cases/" + caseId + "/receipt?pin=AAAA-AAAA", "officer.10507").statusCode())
                .isEqualTo(400);
        assertThat(bytes("/api/cases/not-a-uuid/receipt", "officer.10507").statusCode()).isEqualTo(400);
        assertThat(bytes("/api/cases/" + java.util.UUID.randomUUID() + "/receipt", "officer.10507").statusCode())
                .isEqualTo(404);

        // a new PIN replaces the old one
        var renewed = http.postJson("/api/cases/" + caseId + "/lookup-pin", "officer.10507", "");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String newPin = Http.json(renewed).get("pin").asText();
        assertThat(newPin).isNotEqualTo(pin);
        assertThat(bytes(path, "officer.10507").statusCode()).isEqualTo(400);
        assertThat(bytes("/api/cases/" + caseId + "/receipt?pin=" + newPin.toLowerCase().replace("-", "%20"),
                "officer.10507").statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> bytes(String path, String user) {
        try {
            return HttpClient.newHttpClient().send(http.request(path, user).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String decodeQr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
