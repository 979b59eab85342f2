package vn.hoso.rollup.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule of {@code rollup_processed_event}: the ids of events applied more than
 * {@code hoso.rollup.processed-retention} ago are deleted each night ({@code hoso.rollup.retention-cron}), in
 * batches so no long lock is held. Records of such old events are recognised by their recorded-at header instead
 * ({@link CaseEventListener#recordedBefore}). The event log itself is never touched.
 */
@Component
class ProcessedEventRetention {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventRetention.class);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RollupProperties properties;

    ProcessedEventRetention(JdbcTemplate jdbc, Clock clock, RollupProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(cron = "${hoso.rollup.retention-cron:0 30 1 * * *}", zone = "${hoso.time-zone:Asia/Ho_Chi_Minh}")
    void nightly() {
        purge();
    }

    /** Deletes the ids applied before the retention; returns how many. */
    long purge() {
        Instant before = clock.instant().minus(properties.processedRetention());
        long deleted = 0;
        int n;
        do {
            n = jdbc.update("""
                    delete from rollup_processed_event where ctid = any(array(
                        select ctid from rollup_processed_event where processed_at < ? limit ?))""",
                    Timestamp.from(before), BATCH);
            deleted += n;
        } while (n == BATCH);
        if (deleted > 0) {
            log.info("Rollup: {} ids of events applied before {} deleted (retention {})", deleted, before,
                    properties.processedRetention());
        }
        return deleted;
    }
}
