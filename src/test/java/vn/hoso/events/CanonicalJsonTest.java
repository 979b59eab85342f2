package vn.hoso.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical JSON and the chain hash, against values computed outside Java (docs/events.md, worked example). */
@Tag("fast")
class CanonicalJsonTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    final EventData eventData = new EventData(HCM);

    /** The docs' worked example; expected string and hash computed with Python's json.dumps(sort_keys=True,
     * separators=(',', ':'), ensure_ascii=False) and hashlib.sha256. */
    @Test
    void theWorkedExampleOfTheDocsHashesToTheValueComputedWithPython() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", "HS-10507-250304-0001");
        data.put("kind", "PROCEDURE");
        data.put("channel", "ONLINE");
        data.put("tier", "COMMUNE");
        data.put("unitCode", "10507");
        data.put("subject", "Đăng ký khai sinh \"gấp\"\n");
        data.put("steps", 3);
        data.put("processedOnline", true);
        data.put("dueDate", LocalDate.of(2025, 3, 7));
        data.put("note", null);
        RecordedEvent event = new RecordedEvent(UUID.fromString("0b7a3c0e-8f8e-4a57-9d0c-3f7a2f6b1c11"),
                "HS-10507-250304-0001", 1, CaseEventTypes.RECEIVED, "/units/10507",
                OffsetDateTime.parse("2025-03-04T09:15:00.000+07:00"), CanonicalJson.ZERO_HASH, null,
                eventData.tree(data));

        String canonical = event.hashedJson();
        assertThat(canonical).isEqualTo("{\"data\":{\"caseId\":\"HS-10507-250304-0001\",\"channel\":\"ONLINE\","
                + "\"dueDate\":\"2025-03-07\",\"kind\":\"PROCEDURE\",\"note\":null,\"processedOnline\":true,\"steps\":3,"
                + "\"subject\":\"Đăng ký khai sinh \\\"gấp\\\"\\n\",\"tier\":\"COMMUNE\",\"unitCode\":\"10507\"},"
                + "\"hosoprevhash\":\"" + "0".repeat(64) + "\",\"hososeq\":1,"
                + "\"id\":\"0b7a3c0e-8f8e-4a57-9d0c-3f7a2f6b1c11\",\"source\":\"/units/10507\",\"specversion\":\"1.0\","
                + "\"subject\":\"HS-10507-250304-0001\",\"time\":\"2025-03-04T09:15:00.000+07:00\","
                + "\"type\":\"vn.hoso.case.received\"}");
        assertThat(CanonicalJson.chainHash(CanonicalJson.ZERO_HASH, canonical))
                .isEqualTo("74cf39e2eb394768a61f4dca59fad62397397e3eb571aab67a97b38f2ef90509");
    }

    @Test
    void keysAreSortedByUtf16CodeUnitsAndStringsEscapedAsInRfc8785() throws Exception {
        JsonNode node = new ObjectMapper().readTree("""
                {"b": 1, "a": {"z": [3, "x"], "é": true, "A": null},
                 "s": "tab\\t nul\\u0001 del\\u007f quote\\" slash/ back\\\\ emoji😀 \\u2028"}""");
        assertThat(CanonicalJson.write(node)).isEqualTo("{\"a\":{\"A\":null,\"z\":[3,\"x\"],\"é\":true},\"b\":1,"
                + "\"s\":\"tab\\t nul\\u0001 del\u007f quote\\\" slash/ back\\\\ emoji😀 \u2028\"}");
    }

    @Test
    void onlySafeIntegersAreNumbers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(CanonicalJson.write(json.readTree("[5.0, -0, 1E3, 9007199254740991]")))
                .isEqualTo("[5,0,1000,9007199254740991]");
        assertThatThrownBy(() -> CanonicalJson.write(json.readTree("[1.5]"))).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> CanonicalJson.write(json.readTree("[9007199254740992]")))
                .hasMessageContaining("2^53");

        assertThat(CanonicalJson.write(eventData.tree(Map.of("n", new BigDecimal("12.000"), "d", 7.0))))
                .isEqualTo("{\"d\":7,\"n\":12}");
        assertThatThrownBy(() -> eventData.tree(Map.of("rate", 0.9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.rate").hasMessageContaining("strings");
        assertThatThrownBy(() -> eventData.tree(Map.of("x", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatNoCanonicalFormOrPostgresqlAdmitsIsRefused() {
        assertThatThrownBy(() -> eventData.tree(Map.of("s", "a\uD800b"))).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> eventData.tree(Map.of("s", "a\u0000b"))).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> eventData.tree(Map.of("o", new Object()))).hasMessageContaining("not allowed");
    }

    @Test
    void timesAreWrittenAtTheBusinessOffsetWithMilliseconds() {
        OffsetDateTime utc = OffsetDateTime.of(2025, 3, 4, 2, 15, 0, 123_456_789, ZoneOffset.UTC);
        assertThat(eventData.time(utc)).isEqualTo("2025-03-04T09:15:00.123+07:00");
        assertThat(eventData.time(OffsetDateTime.of(2025, 3, 4, 9, 15, 0, 0, ZoneOffset.ofHours(7))))
                .isEqualTo("2025-03-04T09:15:00.000+07:00");
        ObjectNode data = eventData.tree(Map.of("at", Instant.parse("2025-12-31T17:00:00Z"),
                "due", LocalDate.of(2026, 1, 2), "tier", TestTier.COMMUNE, "list", List.of(1, "two")));
        assertThat(CanonicalJson.write(data)).isEqualTo(
                "{\"at\":\"2026-01-01T00:00:00.000+07:00\",\"due\":\"2026-01-02\",\"list\":[1,\"two\"],\"tier\":\"COMMUNE\"}");
    }

    @Test
    void personalDataOfTheApplicantIsRefusedAtAnyDepthAndSpelling() {
        for (String key : List.of("applicant", "name", "idNumber", "id_number", "ID-Number", "fullName", "phone")) {
            assertThatThrownBy(() -> eventData.tree(Map.of(key, "x")))
                    .as(key).isInstanceOf(PersonalDataRejectedException.class)
                    .hasMessageContaining(key);
        }
        assertThatThrownBy(() -> eventData.tree(Map.of("result", Map.of("applicant", Map.of("idNumber", "0123")))))
                .isInstanceOf(PersonalDataRejectedException.class).hasMessageContaining("data.result.applicant");
        assertThatThrownBy(() -> eventData.tree(Map.of("people", List.of(Map.of("name", "Nguyễn Văn A")))))
                .isInstanceOf(PersonalDataRejectedException.class);
        // keys that merely contain such words are fine
        assertThat(eventData.tree(Map.of("unitName", "Phường Thành Đông", "procedureCode", "1.001"))).hasSize(2);
    }

    enum TestTier { COMMUNE }
}
