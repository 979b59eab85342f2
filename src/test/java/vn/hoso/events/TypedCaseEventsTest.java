package vn.hoso.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed events write the {@code data} the log has always held, byte for byte in canonical JSON, so that every
 * hash of the chain stays what it was; and they read it back as they wrote it. The "legacy" maps below are the
 * ones the workflow built by hand before the records existed (CaseIntake, StepListener, CaseFlow), kept here as the
 * reference. Pure logic: no Spring, no database.
 */
@Tag("fast")
class TypedCaseEventsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final EventData EVENT_DATA = new EventData(ZONE);
    static final String CASE = "3f0b1c9e-6c1e-4a7f-9a52-0d4c2b7e9a11";
    /** Times as the engine clock gives them: with milliseconds, with whole seconds, with a whole minute. */
    static final List<OffsetDateTime> TIMES = List.of(OffsetDateTime.parse("2026-03-10T09:15:42.137+07:00"),
            OffsetDateTime.parse("2026-03-10T09:15:42+07:00"), OffsetDateTime.parse("2026-03-10T08:00+07:00"),
            OffsetDateTime.parse("2026-03-10T16:59:59.900+07:00"));

    record Pair(CaseEventData typed, Map<String, Object> legacy) {
    }

    static List<Pair> pairs() {
        List<Pair> pairs = new java.util.ArrayList<>();
        for (OffsetDateTime t : TIMES) {
            LocalDate due = LocalDate.of(2026, 3, 17);
            pairs.add(new Pair(new CaseReceived(CASE, "10714-260310-0001", CaseKind.PROCEDURE, "BIRTH_REG", "10714",
                    Tier.COMMUNE, Channel.ONLINE, t, due), legacy(
                    "code", "10714-260310-0001", "kind", "PROCEDURE", "procedureCode", "BIRTH_REG", "unitCode",
                    "10714", "tier", "COMMUNE", "channel", "ONLINE", "receivedAt", t.toString(), "dueDate",
                    due.toString())));
            for (String outcome : new String[] {"ACCEPT", null}) {
                Map<String, Object> step = legacy("step", "receive", "taskId", "t-1", "unitCode", "10714", "tier",
                        "COMMUNE", "mode", "PAPER", "actor", "officer.10714", "completedAt", t.toString(), "kind",
                        "WORK", "procedureCode", "WORK_INCOMING");
                if (outcome != null) {
                    step.put("outcome", outcome);
                }
                pairs.add(new Pair(new StepCompleted(CASE, "receive", "t-1", "10714", Tier.COMMUNE, StepMode.PAPER,
                        "officer.10714", t, CaseKind.WORK, "WORK_INCOMING", outcome), step));
            }
            pairs.add(new Pair(new CaseTransferred(CASE, "10714", Tier.COMMUNE, "31", Tier.PROVINCE,
                    StepMode.ELECTRONIC, t), legacy("fromUnit", "10714", "fromTier", "COMMUNE", "toUnit", "31",
                    "toTier", "PROVINCE", "mode", "ELECTRONIC", "transferredAt", t.toString())));
            pairs.add(new Pair(new SegmentClosed(CASE, "31", Tier.PROVINCE, 2, t.minusHours(3), t, 4, 1, true, false,
                    CaseKind.PROCEDURE, "MERIT_ALLOWANCE", SegmentResult.ISSUED), legacy("unitCode", "31", "tier",
                    "PROVINCE", "segmentNo", 2, "openedAt", t.minusHours(3).toString(), "closedAt", t.toString(),
                    "steps", 4, "paperSteps", 1, "arrivedElectronically", true, "processedOnline", false, "kind",
                    "PROCEDURE", "procedureCode", "MERIT_ALLOWANCE", "result", "ISSUED")));
            pairs.add(new Pair(new CaseResolved(CASE, Resolution.APPROVED, "31", Tier.PROVINCE, t, due,
                    Timeliness.ON_TIME, CaseKind.PROCEDURE, "MERIT_ALLOWANCE", "10714", 1, false), legacy(
                    "outcome", "APPROVED", "unitCode", "31", "tier", "PROVINCE", "resolvedAt", t.toString(),
                    "dueDate", due.toString(), "timeliness", "ON_TIME", "kind", "PROCEDURE", "procedureCode",
                    "MERIT_ALLOWANCE", "receivingUnit", "10714", "supplementationCount", 1, "apologyIssued", false)));
            pairs.add(new Pair(new SupplementationRequested(CASE, "10714", Tier.COMMUNE, t, 2), legacy("unitCode",
                    "10714", "tier", "COMMUNE", "requestedAt", t.toString(), "requestCount", 2)));
            pairs.add(new Pair(new DueDateChanged(CASE, "10714", Tier.COMMUNE, due.plusDays(3), due,
                    DueDateChanged.Reason.APOLOGY, t), legacy("unitCode", "10714", "tier", "COMMUNE", "dueDate",
                    due.plusDays(3).toString(), "previousDueDate", due.toString(), "reason", "APOLOGY", "changedAt",
                    t.toString())));
            String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            pairs.add(new Pair(new DocumentAttached(CASE, "7c1e0d4a-2b3f-4c5d-8e9f-a0b1c2d3e4f5", "TO_KHAI", sha,
                    123456L, "application/pdf", "RECEPTION", "10714", true), legacy("documentId",
                    "7c1e0d4a-2b3f-4c5d-8e9f-a0b1c2d3e4f5", "component", "TO_KHAI", "sha256", sha, "size", 123456L,
                    "mediaType", "application/pdf", "stage", "RECEPTION", "unitCode", "10714",
                    "digitizedFromPaper", true)));
        }
        return pairs;
    }

    private static Map<String, Object> legacy(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", CASE);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void theTypedEventWritesTheDataTheLogAlwaysHeld(Pair pair) {
        assertThat(CanonicalJson.write(EVENT_DATA.tree(pair.typed().toData())))
                .isEqualTo(CanonicalJson.write(EVENT_DATA.tree(pair.legacy())));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void andReadsItBackAsItWasWritten(Pair pair) {
        JsonNode stored = EVENT_DATA.tree(pair.typed().toData());
        assertThat(CaseEventData.parse(pair.typed().type(), stored)).isEqualTo(pair.typed());
    }

    /** A fixed reference: the canonical bytes and chain hash of one event of each kind, written down once. */
    @Test
    void theHashesOfKnownEventsAreUnchanged() {
        OffsetDateTime t = TIMES.get(0);
        CaseEventData received = new CaseReceived(CASE, "10714-260310-0001", CaseKind.PROCEDURE, "BIRTH_REG",
                "10714", Tier.COMMUNE, Channel.ONLINE, t, LocalDate.of(2026, 3, 11));
        RecordedEvent event = new RecordedEvent(UUID.fromString("00000000-0000-4000-8000-000000000001"), CASE, 1,
                received.type(), "/units/10714", t, CanonicalJson.ZERO_HASH, null, EVENT_DATA.tree(received.toData()));
        assertThat(event.hashedJson()).isEqualTo("{\"data\":{\"caseId\":\"" + CASE + "\",\"channel\":\"ONLINE\","
                + "\"code\":\"10714-260310-0001\",\"dueDate\":\"2026-03-11\",\"kind\":\"PROCEDURE\","
                + "\"procedureCode\":\"BIRTH_REG\",\"receivedAt\":\"2026-03-10T09:15:42.137+07:00\",\"tier\":\"COMMUNE\","
                + "\"unitCode\":\"10714\"},\"hosoprevhash\":\"" + CanonicalJson.ZERO_HASH + "\",\"hososeq\":1,"
                + "\"id\":\"00000000-0000-4000-8000-000000000001\",\"source\":\"/units/10714\",\"specversion\":\"1.0\","
                + "\"subject\":\"" + CASE + "\",\"time\":\"2026-03-10T09:15:42.137+07:00\","
                + "\"type\":\"vn.hoso.case.received\"}");
        // computed once with Python's hashlib over the string above
        assertThat(CanonicalJson.chainHash(CanonicalJson.ZERO_HASH, event.hashedJson()))
                .isEqualTo("1bebdcbe88ba3628db298f26e8a690eac2e86b4a98dde21510837d5f70f5ff7e");
        assertThat(EVENT_DATA.tree(new StepCompleted(CASE, "approve", "t", "31", Tier.PROVINCE, StepMode.ELECTRONIC,
                "leader.31", TIMES.get(2), CaseKind.PROCEDURE, "ENTERPRISE_REG", "APPROVE").toData()).toString())
                .contains("\"completedAt\":\"2026-03-10T08:00+07:00\"");
    }

    @Test
    void anUnknownTypeIsKeptAsPublished() throws Exception {
        JsonNode data = new ObjectMapper().readTree("{\"caseId\":\"c\",\"unitCode\":\"10507\",\"x\":[1,2]}");
        CaseEventData other = CaseEventData.parse("vn.hoso.case.future-thing", data);
        assertThat(other).isInstanceOf(OtherCaseEvent.class);
        assertThat(other.caseId()).isEqualTo("c");
        assertThat(other.unitCode()).isEqualTo("10507");
        assertThat(CanonicalJson.write(EVENT_DATA.tree(other.toData()))).isEqualTo(CanonicalJson.write(data));
    }

    @Test
    void malformedFieldsReadAsNull() throws Exception {
        JsonNode data = new ObjectMapper().readTree("""
                {"caseId":"c","unitCode":"31","tier":"REGION","processedOnline":"yes","steps":"4","closedAt":"never"}""");
        SegmentClosed closed = (SegmentClosed) CaseEventData.parse(CaseEventTypes.SEGMENT_CLOSED, data);
        assertThat(closed.tier()).isNull();
        assertThat(closed.processedOnline()).isNull();
        assertThat(closed.steps()).isNull();
        assertThat(closed.closedAt()).isNull();
        assertThat(closed.unitCode()).isEqualTo("31");
    }
}
