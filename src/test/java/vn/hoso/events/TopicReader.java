package vn.hoso.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads {@value EventTopics#CASE_EVENTS} from the beginning with a plain consumer of its own group, keeping the
 * records of the cases a test is interested in, in the order they are on the topic (per partition, so per case).
 */
final class TopicReader implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A record as consumed. */
    record Received(String key, JsonNode event, String contentType, int partition, long offset, String recordedAt,
                    String value) {
        String id() {
            return event.get("id").asText();
        }

        long seq() {
            return event.get("hososeq").asLong();
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final Set<String> cases;
    private final Map<String, List<Received>> byCase = new LinkedHashMap<>();

    TopicReader(String bootstrapServers, Collection<String> cases) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "events-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(EventTopics.CASE_EVENTS));
        this.cases = new HashSet<>(cases);
        this.cases.forEach(c -> byCase.put(c, new ArrayList<>()));
    }

    /** Polls until every case has at least {@code expected.get(case)} distinct event ids on the topic. */
    Map<String, List<Received>> awaitDistinct(Map<String, Integer> expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return expected.entrySet().stream().allMatch(e ->
                    byCase.get(e.getKey()).stream().map(Received::id).distinct().count() >= e.getValue());
        });
        return received();
    }

    /** Polls for a little while (until the end of every partition as of now), to see whether anything else came. */
    Map<String, List<Received>> drain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return !consumer.assignment().isEmpty();
        });
        var end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return received();
    }

    Map<String, List<Received>> received() {
        Map<String, List<Received>> copy = new LinkedHashMap<>();
        byCase.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    private void poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.key() != null && cases.contains(r.key())) {
                Header contentType = r.headers().lastHeader("content-type");
                Header recordedAt = r.headers().lastHeader(EventTopics.RECORDED_AT_HEADER);
                byCase.get(r.key()).add(new Received(r.key(), parse(r.value()),
                        contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                        r.partition(), r.offset(),
                        recordedAt == null ? null : new String(recordedAt.value(), StandardCharsets.UTF_8), r.value()));
            }
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first occurrence of every event id, in topic order (what a consumer that deduplicates on id sees). */
    static List<Received> deduplicated(List<Received> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> seen.add(r.id())).toList();
    }

    /**
     * Checks a case's events as a consumer would, independently of the app's code paths: hososeq 1..n in topic order,
     * each hosoprevhash the previous hosohash (64 zeros first), each hosohash = sha256_hex(prevhash + canonical JSON of
     * the record without hosohash), and the CloudEvents attributes of the contract.
     */
    static void assertValidChain(String caseId, List<Received> events, int expectedCount) {
        assertThat(events).as("events of %s", caseId).hasSize(expectedCount);
        String prev = "0".repeat(64);
        for (int i = 0; i < events.size(); i++) {
            Received r = events.get(i);
            JsonNode e = r.event();
            assertThat(r.key()).isEqualTo(caseId);
            assertThat(r.contentType()).startsWith("application/cloudevents+json");
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(UUID.fromString(e.get("id").asText())).isNotNull();
            assertThat(e.get("type").asText()).startsWith("vn.hoso.");
            assertThat(e.get("source").asText()).matches("/units/[0-9A-Za-z._-]+");
            assertThat(e.get("subject").asText()).isEqualTo(caseId);
            assertThat(e.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+07:00");
            assertThat(e.get("hososeq").asLong()).as("seq of %s at position %d", caseId, i).isEqualTo(i + 1);
            assertThat(e.get("hosoprevhash").asText()).isEqualTo(prev);
            assertThat(e.get("data").get("caseId").asText()).isEqualTo(caseId);
            ObjectNode withoutHash = e.deepCopy();
            String hash = withoutHash.remove("hosohash").asText();
            assertThat(CanonicalJson.chainHash(prev, CanonicalJson.write(withoutHash))).as("hosohash of %s/%d", caseId, i + 1)
                    .isEqualTo(hash);
            prev = hash;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
