package vn.hoso.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper: builds realistic cases as contract-valid CloudEvents (received → steps → segment.closed per unit →
 * transferred → … → resolved, with hososeq and the hash chain) and produces them straight onto hoso.case-events with
 * a plain KafkaProducer, key = caseId. It keeps every event it produced, so tests count independently.
 */
final class CaseEventsFixture implements AutoCloseable {

    static final String TOPIC = "hoso.case-events";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The product's time format (vn.hoso.events.EventData#TIME), e.g. 2026-01-05T10:00:00.000+07:00. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);

    private final KafkaProducer<String, String> producer;
    final List<ObjectNode> produced = new ArrayList<>();
    final String prefix = "rt-" + UUID.randomUUID().toString().substring(0, 8);
    private int caseCounter;

    CaseEventsFixture(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** A case being written: events are added as the script goes. */
    final class Case {
        final String caseId;
        final String kind;
        final String procedureCode;
        final String channel;
        final String receivingUnit;
        final LocalDate dueDate;
        final List<ObjectNode> events = new ArrayList<>();
        private String prevHash = "0".repeat(64);
        private long seq;
        private OffsetDateTime clock;
        private String unit;
        private String tier;
        private OffsetDateTime openedAt;
        private int steps;
        private int paperSteps;
        private boolean arrivedElectronically;

        Case(String kind, String channel, String unitCode, String tier, OffsetDateTime receivedAt, int dueInDays) {
            this.caseId = prefix + "-" + (++caseCounter);
            this.kind = kind;
            this.procedureCode = kind.equals("WORK") ? "CV.VB" : "1.001";
            this.channel = channel;
            this.receivingUnit = unitCode;
            this.dueDate = receivedAt.atZoneSameInstant(ZONE).toLocalDate().plusDays(dueInDays);
            this.clock = receivedAt;
            this.unit = unitCode;
            this.tier = tier;
            this.openedAt = receivedAt;
            this.arrivedElectronically = channel.equals("ONLINE");
            emit("vn.hoso.case.received", data()
                    .put("code", "H" + unitCode + "-" + caseId)
                    .put("kind", kind).put("procedureCode", procedureCode).put("unitCode", unitCode)
                    .put("tier", tier).put("channel", channel).put("receivedAt", time(receivedAt))
                    .put("dueDate", dueDate.toString()));
        }

        /** A step completed at the current unit, {@code hours} after the previous event. */
        Case step(String step, String mode, int hours) {
            clock = clock.plusHours(hours);
            steps++;
            if (mode.equals("PAPER")) {
                paperSteps++;
            } else if (steps == 1 && !arrivedElectronically) {
                arrivedElectronically = true; // digitized at reception
            }
            emit("vn.hoso.step.completed", data().put("step", step).put("taskId", UUID.randomUUID().toString())
                    .put("unitCode", unit).put("tier", tier).put("mode", mode).put("actor", "officer." + unit)
                    .put("completedAt", time(clock)).put("kind", kind).put("procedureCode", procedureCode));
            return this;
        }

        Case transferTo(String toUnit, String toTier, String mode, int hours) {
            clock = clock.plusHours(hours);
            closeSegment();
            emit("vn.hoso.case.transferred", data().put("fromUnit", unit).put("fromTier", tier)
                    .put("toUnit", toUnit).put("toTier", toTier).put("mode", mode));
            unit = toUnit;
            tier = toTier;
            openedAt = clock;
            steps = 0;
            paperSteps = 0;
            arrivedElectronically = mode.equals("ELECTRONIC");
            return this;
        }

        Case supplementation(int count) {
            emit("vn.hoso.case.supplementation-requested", data().put("unitCode", unit).put("tier", tier)
                    .put("requestedAt", time(clock)).put("requestCount", count));
            return this;
        }

        /** The Mẫu 04 apology: the appointment date moves to {@code newDueDate}. */
        Case apology(LocalDate newDueDate) {
            emit("vn.hoso.case.due-date-changed", data().put("unitCode", unit).put("tier", tier)
                    .put("dueDate", newDueDate.toString()).put("previousDueDate", dueDate.toString())
                    .put("reason", "APOLOGY").put("changedAt", time(clock)));
            return this;
        }

        /** Refused at reception (Mẫu 03), {@code hours} after the previous event: ends the case. */
        Case refuse(int hours) {
            clock = clock.plusHours(hours);
            closeSegment();
            emit("vn.hoso.case.refused", data().put("unitCode", unit).put("tier", tier)
                    .put("refusedAt", time(clock)).put("kind", kind).put("procedureCode", procedureCode));
            return this;
        }

        /** Incomplete at reception, returned with Mẫu 02 before it was received: ends the case. */
        Case returnIncomplete(int hours) {
            clock = clock.plusHours(hours);
            closeSegment();
            emit("vn.hoso.case.returned-incomplete", data().put("unitCode", unit).put("tier", tier)
                    .put("returnedAt", time(clock)).put("kind", kind).put("procedureCode", procedureCode));
            return this;
        }

        Case resolve(String outcome, String timeliness, int hours) {
            clock = clock.plusHours(hours);
            closeSegment();
            emit("vn.hoso.case.resolved", data().put("outcome", outcome).put("unitCode", unit).put("tier", tier)
                    .put("resolvedAt", time(clock)).put("dueDate", dueDate.toString())
                    .put("timeliness", timeliness).put("kind", kind).put("procedureCode", procedureCode)
                    .put("receivingUnit", receivingUnit));
            return this;
        }

        private void closeSegment() {
            emit("vn.hoso.segment.closed", data().put("unitCode", unit).put("tier", tier)
                    .put("openedAt", time(openedAt)).put("closedAt", time(clock)).put("steps", steps)
                    .put("paperSteps", paperSteps).put("processedOnline", paperSteps == 0 && arrivedElectronically)
                    .put("arrivedElectronically", arrivedElectronically).put("kind", kind)
                    .put("procedureCode", procedureCode));
        }

        private ObjectNode data() {
            return JSON.createObjectNode().put("caseId", caseId);
        }

        private void emit(String type, ObjectNode data) {
            ObjectNode e = JSON.createObjectNode();
            e.put("specversion", "1.0");
            e.put("id", UUID.randomUUID().toString());
            e.put("type", type);
            e.put("source", "/units/" + data.path("unitCode").asText(unit));
            e.put("subject", caseId);
            e.put("time", time(clock));
            e.put("datacontenttype", "application/json");
            e.put("hososeq", ++seq);
            e.put("hosoprevhash", prevHash);
            e.set("data", data);
            String hash = sha256(prevHash + canonical(e));
            e.put("hosohash", hash);
            prevHash = hash;
            events.add(e);
        }

        /** Sends the case's events in order, key = caseId. */
        Case send() {
            for (ObjectNode e : events) {
                CaseEventsFixture.this.send(caseId, e);
            }
            return this;
        }
    }

    static String time(OffsetDateTime t) {
        return TIME.format(t);
    }

    Case newCase(String kind, String channel, String unitCode, String tier, OffsetDateTime receivedAt, int dueInDays) {
        return new Case(kind, channel, unitCode, tier, receivedAt, dueInDays);
    }

    /** One segment.closed-only case: a single unit, closing at {@code closedAt}, online or not. */
    Case singleSegment(String unitCode, String tier, OffsetDateTime closedAt, boolean online, String kind) {
        Case c = newCase(kind, online ? "ONLINE" : "IN_PERSON", unitCode, tier, closedAt.minusHours(3), 10);
        c.step("receive", online ? "ELECTRONIC" : "PAPER", 1).step("approve", "ELECTRONIC", 1);
        c.resolve("APPROVED", "EARLY", 1);
        return c;
    }

    void send(String key, JsonNode event) {
        sendRaw(key, event.toString());
        if (event instanceof ObjectNode o) {
            produced.add(o);
        }
    }

    void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Independent count: segments closed in [from, to] per (tier, unit) → {segments, online}. */
    Map<String, long[]> countSegments(LocalDate from, LocalDate to) {
        Map<String, long[]> counts = new TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ObjectNode e : produced) {
            if (!e.path("type").asText().equals("vn.hoso.segment.closed") || !seen.add(e.path("id").asText())) {
                continue;
            }
            JsonNode d = e.path("data");
            LocalDate day = OffsetDateTime.parse(d.path("closedAt").asText()).atZoneSameInstant(ZONE).toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            for (String key : List.of(d.path("tier").asText(), d.path("tier").asText() + "/" + d.path("unitCode").asText())) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0]++;
                if (d.path("processedOnline").asBoolean()) {
                    c[1]++;
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        producer.close();
    }

    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
