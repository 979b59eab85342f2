package vn.hoso.rollup.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.events.EventTopics;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention rule of the rollup's idempotence tables: positions and ids applied longer ago than the retention are
 * deleted, and a record whose event was appended to the log before that is taken as already applied (as a
 * re-published one is).
 */
@IntegrationTest
class ProcessedEventRetentionTest {

    @Autowired
    ProcessedEventRetention retention;
    @Autowired
    RollupProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;

    private boolean kept(UUID id) {
        return jdbc.queryForObject("select count(*) from rollup_processed_event where event_id = ?", Long.class,
                id) == 1;
    }

    @Test
    void idsAppliedBeforeTheRetentionAreDeletedTheOthersKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("insert into rollup_processed_event (event_id, processed_at) values (?, ?), (?, ?)", old,
                Timestamp.from(now.minus(properties.processedRetention()).minus(Duration.ofHours(1))), recent,
                Timestamp.from(now.minus(properties.processedRetention()).plus(Duration.ofHours(1))));
        String oldCase = "RETENTION-" + old;
        String recentCase = "RETENTION-" + recent;
        jdbc.update("insert into rollup_case_position (case_id, applied_seq, applied_at) values (?, 3, ?), (?, 3, ?)",
                oldCase, Timestamp.from(now.minus(properties.processedRetention()).minus(Duration.ofHours(1))),
                recentCase, Timestamp.from(now.minus(properties.processedRetention()).plus(Duration.ofHours(1))));
        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
        assertThat(kept(old)).isFalse();
        assertThat(kept(recent)).isTrue();
        assertThat(jdbc.queryForList("select case_id from rollup_case_position where case_id in (?, ?)", String.class,
                oldCase, recentCase)).containsExactly(recentCase);
        long caseEvents = jdbc.queryForObject("select count(*) from case_event", Long.class);
        assertThat(retention.purge()).as("nothing left to delete").isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isEqualTo(caseEvents);
    }

    @Test
    void aRecordOfAnEventRecordedBeforeTheRetentionIsNotAppliedAgainAndARecentOneIs() {
        String caseId = "RETENTION-" + UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        long longAgo = Instant.now().minus(properties.processedRetention()).minus(Duration.ofDays(1)).toEpochMilli();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers())),
                new StringSerializer(), new StringSerializer())) {
            for (var e : List.of(Map.entry(old, longAgo), Map.entry(recent, System.currentTimeMillis()))) {
                var record = new ProducerRecord<>(EventTopics.CASE_EVENTS, caseId, stepCompleted(caseId, e.getKey()));
                record.headers().add(EventTopics.RECORDED_AT_HEADER,
                        Long.toString(e.getValue()).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        // same key, same partition: once the second is applied the first has been read
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(recent));
        assertThat(kept(old)).isFalse();
    }

    /** Without a hososeq: recognised by its id (ReadModelWriterIdempotenceTest has the cases' positions). */
    private static String stepCompleted(String caseId, UUID id) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"vn.hoso.step.completed\","
                + "\"source\":\"/units/10507\",\"subject\":\"" + caseId + "\","
                + "\"time\":\"2026-01-05T10:00:00.000+07:00\",\"data\":{\"caseId\":\"" + caseId + "\","
                + "\"step\":\"receive\",\"unitCode\":\"10507\",\"tier\":\"COMMUNE\",\"mode\":\"ELECTRONIC\"}}";
    }
}
