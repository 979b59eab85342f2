package vn.hoso.rollup.ingest;

import vn.hoso.platform.DatabaseUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.events.EventTopics;
import vn.hoso.events.PublishedCaseEvent;

/**
 * Reads {@value EventTopics#CASE_EVENTS} in batches into the live read model, one database transaction per batch
 * (the event ids, the read-model rows and the partition offsets together). A poison record ends the batch: the
 * records before it are applied, and the error handler sends it to the DLT and goes on with the rest.
 */
@Component
class CaseEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);

    private final ReadModelWriter writer;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong poison = new AtomicLong();

    private final Clock clock;
    private final Duration processedRetention;

    CaseEventListener(ReadModelWriter writer, TransactionTemplate tx, ObjectMapper mapper,
                      ObjectProvider<MeterRegistry> meters, Clock clock, RollupProperties properties) {
        this.writer = writer;
        this.clock = clock;
        this.processedRetention = properties.processedRetention();
        this.tx = tx;
        this.mapper = mapper;
        meters.ifAvailable(registry -> {
            for (var e : Map.of("applied", applied, "duplicate", duplicates, "ignored", ignored,
                    "poison", poison).entrySet()) {
                FunctionCounter.builder("hoso.rollup.events", e.getValue(), AtomicLong::get)
                        .tag("outcome", e.getKey())
                        .description("Events read by the rollup consumer since start, by outcome")
                        .register(registry);
            }
        });
    }

    /** Group, concurrency and start-up come with the container factory ({@link RollupProperties}). */
    @KafkaListener(id = "hoso-rollup", idIsGroup = false, topics = EventTopics.CASE_EVENTS,
            containerFactory = "rollupListenerContainerFactory")
    void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
        List<PublishedCaseEvent> events = new ArrayList<>(records.size());
        Map<Integer, Long> nextOffsets = new HashMap<>();
        long keptSince = clock.millis() - processedRetention.toMillis();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            if (recordedBefore(record, keptSince)) {
                // older than the ids kept (ProcessedEventRetention): applied long ago, e.g. re-published after a
                // broker lost its log
                duplicates.incrementAndGet();
                nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
                continue;
            }
            try {
                events.add(CaseEventReader.read(mapper, record.value()));
            } catch (PoisonRecordException e) {
                poison.incrementAndGet();
                log.warn("Poison record {}-{}@{} ({}): to the DLT", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                // the poison record counts as seen: it goes to the DLT, never into the read model
                nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
                write(events, nextOffsets);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        }
        write(events, nextOffsets);
    }

    /** Whether the record says its event was appended to the log before the given instant (epoch ms). */
    static boolean recordedBefore(ConsumerRecord<?, ?> record, long instantMillis) {
        Header header = record.headers().lastHeader(EventTopics.RECORDED_AT_HEADER);
        if (header == null) {
            return false;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII)) < instantMillis;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Writes the batch in one transaction. While the database is unavailable ({@link DatabaseUnavailable}) the same
     * batch is written again after a wait (0.5 s doubling to 10 s) for as long as it takes, without involving the
     * container's error handler: an outage is not the records' fault, and the error handler's retries end in the
     * DLT (or, once a retry meets a poison record, with the whole batch there). Only a shutdown of the app ends the
     * waiting (the batch is then consumed again by whoever owns the partitions next).
     */
    private void write(List<PublishedCaseEvent> events, Map<Integer, Long> nextOffsets) {
        long waitMillis = 500;
        while (true) {
            try {
                ReadModelWriter.Outcome outcome = tx.execute(status ->
                        writer.apply(ReadModel.LIVE, events, EventTopics.CASE_EVENTS, nextOffsets));
                applied.addAndGet(outcome.applied());
                duplicates.addAndGet(outcome.duplicates());
                ignored.addAndGet(outcome.ignored());
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e) || !running) {
                    throw e;
                }
                log.warn("Database unavailable: the batch of {} events is written again in {} ms ({})", events.size(),
                        waitMillis, e.toString());
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                waitMillis = Math.min(waitMillis * 2, 10_000);
            }
        }
    }

    // Stops before the listener containers (higher phase), so that a batch waiting for the database gives up at
    // shutdown instead of holding the container's thread.
    private volatile boolean running = true;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
