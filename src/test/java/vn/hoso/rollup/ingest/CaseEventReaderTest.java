package vn.hoso.rollup.ingest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hoso.events.CaseReceived;
import vn.hoso.events.OtherCaseEvent;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.events.SegmentClosed;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which records the rollups refuse as poison (to the DLT) and which they read. No Spring, no Kafka. */
@Tag("fast")
class CaseEventReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TIME = "2025-03-10T09:00:00.000+07:00";

    static byte[] event(String type, String data) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\","
                + "\"source\":\"/units/10507\",\"subject\":\"case-1\",\"time\":\"" + TIME + "\",\"hososeq\":3"
                + (data == null ? "" : ",\"data\":" + data) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static PublishedCaseEvent read(byte[] value) {
        return CaseEventReader.read(JSON, value);
    }

    static void assertPoison(byte[] value, String message) {
        assertThatThrownBy(() -> read(value)).isInstanceOf(PoisonRecordException.class).hasMessageContaining(message);
    }

    @Test
    void whatIsNoCaseEventAtAllIsPoison() {
        assertPoison(new byte[0], "empty record");
        assertPoison("not json {".getBytes(StandardCharsets.UTF_8), "not JSON");
        assertPoison(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1}, "not JSON");
        assertPoison("[1, 2]".getBytes(StandardCharsets.UTF_8), "not a JSON object");
        assertPoison("{\"type\":\"vn.hoso.segment.closed\",\"subject\":\"c\"}".getBytes(StandardCharsets.UTF_8),
                "id missing or not a UUID");
        assertPoison(("{\"id\":\"" + UUID.randomUUID() + "\",\"subject\":\"c\"}").getBytes(StandardCharsets.UTF_8),
                "type or subject missing");
    }

    @Test
    void aSegmentClosedNeedsItsUnitATierABooleanProcessedOnlineAndATime() {
        String complete = "\"caseId\":\"case-1\",\"unitCode\":\"10507\",\"tier\":\"COMMUNE\",\"processedOnline\":true";
        assertPoison(event("vn.hoso.segment.closed", "{\"tier\":\"COMMUNE\",\"processedOnline\":true}"),
                "segment.closed without unitCode or a valid tier");
        assertPoison(event("vn.hoso.segment.closed", "{\"unitCode\":\"10507\",\"tier\":\"REGION\",\"processedOnline\":true}"),
                "segment.closed without unitCode or a valid tier");
        assertPoison(event("vn.hoso.segment.closed", "{\"unitCode\":\"10507\",\"tier\":\"COMMUNE\",\"processedOnline\":\"yes\"}"),
                "segment.closed without a boolean processedOnline");
        assertPoison(event("vn.hoso.segment.closed", null), "segment.closed without unitCode or a valid tier");
        String withoutTime = new String(event("vn.hoso.segment.closed", "{" + complete + "}"), StandardCharsets.UTF_8)
                .replace("\"time\":\"" + TIME + "\",", "");
        assertPoison(withoutTime.getBytes(StandardCharsets.UTF_8), "segment.closed without closedAt");

        // closedAt missing or malformed: the event's time
        PublishedCaseEvent atTime = read(event("vn.hoso.segment.closed", "{" + complete + ",\"closedAt\":\"soon\"}"));
        assertThat(CaseEventReader.closedAt(atTime, (SegmentClosed) atTime.data()))
                .isEqualTo(OffsetDateTime.parse(TIME));
        PublishedCaseEvent closed = read(event("vn.hoso.segment.closed",
                "{" + complete + ",\"closedAt\":\"2025-03-10T23:30:00+07:00\"}"));
        SegmentClosed segment = (SegmentClosed) closed.data();
        assertThat(segment.tier()).isEqualTo(Tier.COMMUNE);
        assertThat(CaseEventReader.closedAt(closed, segment)).isEqualTo(OffsetDateTime.parse("2025-03-10T23:30:00+07:00"));
        assertThat(closed.caseId()).isEqualTo("case-1");
        assertThat(closed.seq()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vn.hoso.case.received", "vn.hoso.step.completed", "vn.hoso.case.transferred",
            "vn.hoso.case.resolved", "vn.hoso.case.supplementation-requested", "vn.hoso.case.due-date-changed",
            "vn.hoso.case.refused", "vn.hoso.case.overdue-warning", "vn.hoso.case.returned-incomplete",
            "vn.hoso.case.payment-requested", "vn.hoso.segment.judged"})
    void anEventOfAKnownTypeWithoutADataObjectIsPoisonAnEmptyOneIsNot(String type) {
        for (String data : new String[] {null, "null", "5", "\"text\"", "[]", "[{\"caseId\":\"case-1\"}]"}) {
            assertPoison(event(type, data), type + " without a data object");
        }
        assertThat(read(event(type, "{}")).type()).isEqualTo(type);
        assertThat(read(event(type, "{\"caseId\":\"case-1\",\"unitCode\":\"10507\"}")).data().caseId())
                .isEqualTo("case-1");
    }

    @Test
    void unknownTypesAreReadWhateverTheirData() {
        for (String data : new String[] {null, "5", "{}", "{\"caseId\":\"case-1\"}"}) {
            PublishedCaseEvent event = read(event("vn.hoso.case.something-new", data));
            assertThat(event.data()).isInstanceOf(OtherCaseEvent.class);
            assertThat(event.type()).isEqualTo("vn.hoso.case.something-new");
        }
    }

    @Test
    void knownTypesAreReadAsTheirRecordsLeniently() {
        PublishedCaseEvent received = read(event("vn.hoso.case.received",
                "{\"caseId\":\"case-1\",\"code\":\"H1\",\"kind\":\"WORK\",\"channel\":\"FAX\",\"dueDate\":\"2025-03-20\"}"));
        CaseReceived data = (CaseReceived) received.data();
        assertThat(data.code()).isEqualTo("H1");
        assertThat(data.kind()).hasToString("WORK");
        assertThat(data.channel()).isNull(); // not a channel: left out, not poison
        assertThat(data.dueDate()).hasToString("2025-03-20");
    }
}
