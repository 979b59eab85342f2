package vn.hoso.rollup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * For benchmarks: contract-valid CloudEvents (hososeq, hash chain) of realistic two-unit cases, built by
 * {@link CaseEventsFixture} but not sent by it (the caller streams them to Kafka itself).
 */
public final class BenchEvents implements AutoCloseable {

    private final CaseEventsFixture fixture;
    private final Random random;

    public BenchEvents(String bootstrapServers, long seed) {
        this.fixture = new CaseEventsFixture(bootstrapServers);
        this.random = new Random(seed);
    }

    /**
     * The 9 events of one case received at {@code commune} in {@code year}: received, two steps, segment closed,
     * transferred to {@code district}, two steps, segment closed, resolved. Returns the record values (JSON) in
     * hososeq order; the record key is {@link #caseId(String)}.
     */
    public List<String> nextCase(int year, String commune, String district) {
        var at = OffsetDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), 8, 0, 0, 0, ZoneOffset.ofHours(7));
        var c = fixture.newCase("PROCEDURE", random.nextInt(3) == 0 ? "IN_PERSON" : "ONLINE", commune, "COMMUNE", at, 10)
                .step("receive", "ELECTRONIC", 1).step("appraise", random.nextInt(5) == 0 ? "PAPER" : "ELECTRONIC", 3)
                .transferTo(district, "DISTRICT", "ELECTRONIC", 1).step("appraise", "ELECTRONIC", 5)
                .step("approve", random.nextInt(4) == 0 ? "PAPER" : "ELECTRONIC", 2).resolve("APPROVED", "EARLY", 1);
        List<String> values = new ArrayList<>(c.events.size());
        for (ObjectNode e : c.events) {
            values.add(e.toString());
        }
        return values;
    }

    /** The record key (caseId = CloudEvents subject) of an event value. */
    public static String caseId(String value) {
        int i = value.indexOf("\"subject\":\"") + 11;
        return value.substring(i, value.indexOf('"', i));
    }

    @Override
    public void close() {
        fixture.close();
    }
}
