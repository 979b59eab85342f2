package vn.hoso.rollup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the suite (the name does not end in Test): run with
 * {@code mvn -o test -Dtest=RollupIngestionBenchmark -Dhoso.bench.cases=25000}. Pauses the rollup consumer, puts
 * realistic cases (about 9 events each) on the topic, resumes it and measures how fast the read model takes them in.
 */
@IntegrationTest
class RollupIngestionBenchmark {

    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    MeterRegistry meters;

    /** Events the consumer has taken in (applied, duplicates, ignored types). */
    private long consumed() {
        return RollupTestSupport.consumed(meters, "applied") + RollupTestSupport.consumed(meters, "duplicate")
                + RollupTestSupport.consumed(meters, "ignored");
    }

    @Test
    void ingestionThroughput() throws Exception {
        int cases = Integer.getInteger("hoso.bench.cases", 25_000);
        MessageListenerContainer container = registry.getListenerContainer("hoso-rollup");
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isPauseRequested);

        // build the events first (the fixture's case scripts, not sent one by one)
        List<ObjectNode> events = new ArrayList<>();
        try (CaseEventsFixture fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()))) {
            Random random = new Random(7);
            String[] communes = {"10507", "10510", "10519", "10546", "10549", "10606"};
            for (int i = 0; i < cases; i++) {
                var at = OffsetDateTime.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28), 8, 0, 0, 0,
                        ZoneOffset.ofHours(7));
                var c = fixture.newCase("PROCEDURE", "ONLINE", communes[random.nextInt(communes.length)], "COMMUNE", at, 10)
                        .step("receive", "ELECTRONIC", 1).step("appraise", random.nextInt(5) == 0 ? "PAPER" : "ELECTRONIC", 3)
                        .transferTo("288", "DISTRICT", "ELECTRONIC", 1).step("appraise", "ELECTRONIC", 5)
                        .step("approve", "ELECTRONIC", 2).resolve("APPROVED", "EARLY", 1);
                events.addAll(c.events);
            }
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long sendStart = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            Future<RecordMetadata> last = null;
            for (ObjectNode e : events) {
                last = producer.send(new ProducerRecord<>(CaseEventsFixture.TOPIC, e.path("subject").asText(), e.toString()));
            }
            producer.flush();
            last.get();
        }
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

        long before = consumed();
        long start = System.nanoTime();
        container.resume();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                consumed() - before >= events.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%nROLLUP BENCHMARK: %d events (%d cases) produced in %.1f s; ingested in %.2f s = %.0f events/s%n%n",
                events.size(), cases, sendSeconds, seconds, events.size() / seconds);
        assertThat(events.size() / seconds).isPositive();
    }
}
