package vn.hoso.rollup.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.events.EventTopics;
import vn.hoso.events.PublishedCaseEvent;

/**
 * Rebuilds the read model from the topic and checks it against the live one.
 * <ol>
 * <li>The {@code rollup_rb_*} tables are emptied, and a group-less consumer reads every partition from the
 * beginning to its current end through the same {@link ReadModelWriter} as the live consumer.</li>
 * <li>It waits (at most {@code hoso.rollup.rebuild-wait}) until the live consumer has applied every record read.</li>
 * <li>In one repeatable-read transaction it takes the live offsets (written with the live batches) and the live
 * figures: a consistent snapshot, whatever the live consumer does meanwhile.</li>
 * <li>It reads exactly up to those offsets and compares: daily and monthly counters, segments per unit and day, cases per
 * (received day, unit, kind, channel, outcome, timeliness, due date, supplementations), ignored types.</li>
 * </ol>
 * The live tables are not replaced: a difference is a bug to look into, and the rebuilt tables stay for that.
 */
@Component
public class RollupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);
    private static final int MAX_DIFFERENCES = 100;

    public record Difference(String figure, String key, String live, String rebuilt) {
    }

    public record Report(boolean equal, List<Difference> differences, long differenceCount, long recordsRead,
                  long eventsApplied, long duplicates, long poisonRecords, boolean liveCaughtUp,
                  Map<Integer, Long> offsets, long durationMs) {
    }

    private final KafkaProperties kafka;
    private final KafkaConnectionDetails connection;
    private final ObjectProvider<SslBundles> sslBundles;
    private final ReadModelWriter writer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshotTx;
    private final ObjectMapper mapper;
    private final Duration liveWait;
    private final AtomicBoolean running = new AtomicBoolean();

    RollupRebuild(KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
                  ReadModelWriter writer, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                  ObjectMapper mapper, RollupProperties properties) {
        this.kafka = kafka;
        this.connection = connection;
        this.sslBundles = sslBundles;
        this.writer = writer;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.snapshotTx = new TransactionTemplate(transactionManager);
        this.snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotTx.setReadOnly(true);
        this.mapper = mapper;
        this.liveWait = properties.rebuildWait();
    }

    private final class Progress {
        long read, applied, duplicates, poison;
        final Map<Integer, Long> dataEnd = new HashMap<>(); // offset after the last data record read
    }

    /** Thrown while another rebuild runs. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("A rebuild is already running.");
        }
    }

    /** @throws AlreadyRunning while another rebuild runs */
    public Report run() {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        long start = System.nanoTime();
        try {
            jdbc.execute("truncate " + String.join(", ", ReadModel.REBUILD.processed(),
                    ReadModel.REBUILD.casePosition(), ReadModel.REBUILD.segment(),
                    ReadModel.REBUILD.cases(), ReadModel.REBUILD.daily(), ReadModel.REBUILD.monthly(),
                    ReadModel.REBUILD.ignored(),
                    ReadModel.REBUILD.documents()));
            Map<String, Object> props = RollupKafkaConfiguration.consumerProperties(kafka, connection,
                    sslBundles.getIfAvailable());
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
            Progress progress = new Progress();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.CASE_EVENTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                readUntil(consumer, end, progress);

                boolean caughtUp = waitForLive(progress.dataEnd);
                Map<Integer, Long> liveOffsets = new TreeMap<>();
                Map<String, String> live = snapshotTx.execute(status -> {
                    liveOffsets.putAll(liveOffsets());
                    return figures(ReadModel.LIVE);
                });
                Map<TopicPartition, Long> target = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    target.put(tp, liveOffsets.getOrDefault(tp.partition(), 0L));
                }
                readUntil(consumer, target, progress);
                for (TopicPartition tp : partitions) {
                    long rebuiltTo = progress.dataEnd.getOrDefault(tp.partition(), 0L);
                    if (rebuiltTo > target.get(tp)) {
                        caughtUp = false; // the rebuild read past the live snapshot: figures cannot match
                    }
                }
                Map<String, String> rebuilt = figures(ReadModel.REBUILD);
                List<Difference> differences = new ArrayList<>();
                long count = 0;
                TreeSet<String> keys = new TreeSet<>(live.keySet());
                keys.addAll(rebuilt.keySet());
                for (String key : keys) {
                    String a = live.get(key), b = rebuilt.get(key);
                    if (a == null ? b != null : !a.equals(b)) {
                        count++;
                        if (differences.size() < MAX_DIFFERENCES) {
                            int space = key.indexOf(' ');
                            differences.add(new Difference(key.substring(0, space), key.substring(space + 1), a, b));
                        }
                    }
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                log.info("Rollup rebuild: {} records read, {} applied, {} duplicates, {} poison, {} differences, {} ms",
                        progress.read, progress.applied, progress.duplicates, progress.poison, count, ms);
                return new Report(count == 0 && caughtUp, differences, count, progress.read, progress.applied,
                        progress.duplicates, progress.poison, caughtUp, liveOffsets, ms);
            }
        } finally {
            running.set(false);
        }
    }

    private void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> target,
                           Progress progress) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!reached(consumer, target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild: the topic could not be read to its end in 30 minutes");
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<PublishedCaseEvent> events = new ArrayList<>(records.count());
            Map<TopicPartition, Long> seekBack = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                long limit = target.getOrDefault(tp, 0L);
                if (r.offset() >= limit) {
                    seekBack.merge(tp, r.offset(), Math::min);
                    continue;
                }
                progress.read++;
                progress.dataEnd.merge(r.partition(), r.offset() + 1, Math::max);
                try {
                    events.add(CaseEventReader.read(mapper, r.value()));
                } catch (PoisonRecordException e) {
                    progress.poison++;
                }
            }
            seekBack.forEach((tp, offset) -> consumer.seek(tp, Math.max(offset, target.getOrDefault(tp, 0L))));
            if (!events.isEmpty()) {
                ReadModelWriter.Outcome outcome = tx.execute(s -> writer.apply(ReadModel.REBUILD, events, null, null));
                progress.applied += outcome.applied() + outcome.ignored();
                progress.duplicates += outcome.duplicates();
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> target) {
        for (var e : target.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean waitForLive(Map<Integer, Long> dataEnd) {
        long deadline = System.nanoTime() + liveWait.toNanos();
        while (true) {
            Map<Integer, Long> live = liveOffsets();
            boolean ok = dataEnd.entrySet().stream().allMatch(e -> live.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (ok) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Map<Integer, Long> liveOffsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        jdbc.query("select partition, next_offset from rollup_offset where topic = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, EventTopics.CASE_EVENTS);
        return offsets;
    }

    /** The figures that the rollups are made of, as "figure key" → value. */
    private Map<String, String> figures(ReadModel model) {
        Map<String, String> figures = new HashMap<>();
        jdbc.query("select day, tier, unit_code, kind, segments, processed_online from " + model.daily(), rs -> {
            figures.put("daily " + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/"
                    + rs.getString(4), rs.getLong(5) + " segments, " + rs.getLong(6) + " online");
        });
        jdbc.query("select month, tier, unit_code, kind, segments, processed_online from " + model.monthly(), rs -> {
            figures.put("monthly " + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/"
                    + rs.getString(4), rs.getLong(5) + " segments, " + rs.getLong(6) + " online");
        });
        jdbc.query("select closed_on, tier, unit_code, count(*), count(*) filter (where processed_online),"
                + " count(*) filter (where verdict = 'LATE'), count(verdict) from " + model.segment()
                + " group by 1, 2, 3", rs -> {
            figures.put("segments " + rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                    rs.getLong(4) + " segments, " + rs.getLong(5) + " online, " + rs.getLong(7) + " judged, "
                            + rs.getLong(6) + " late at the unit");
        });
        jdbc.query("select received_on, receiving_unit, kind, channel, outcome, timeliness, resolved_on, due_date,"
                + " least(supplementation_count, 2), apologised, refused_on, not_received_on, count(*) from "
                + model.cases() + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12", rs -> {
            StringBuilder key = new StringBuilder("cases ");
            for (int i = 1; i <= 12; i++) {
                key.append(i > 1 ? "/" : "").append(rs.getString(i));
            }
            figures.put(key.toString(), rs.getLong(13) + " cases");
        });
        jdbc.query("select type, events from " + model.ignored(), rs -> {
            figures.put("ignored " + rs.getString(1), rs.getLong(2) + " events");
        });
        return figures;
    }
}
