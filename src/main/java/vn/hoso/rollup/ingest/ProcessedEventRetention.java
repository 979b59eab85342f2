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
 * The retention rule of the rollup's idempotence tables: the positions of cases ({@code rollup_case_position}) last
 * moved, and the ids of events without a {@code hososeq} ({@code rollup_processed_event}) applied, more than
 * {@code hoso.rollup.processed-retention} ago are deleted each night ({@code hoso.rollup.retention-cron}), in batches
 * so no long lock is held. Records of such old events are recognised by their recorded-at header instead
 * ({@link CaseEventListener#recordedBefore}); a later event of such a case is above every position it had. The event
 * log itself is never touched.
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

    /** Deletes the positions and ids applied before the retention; returns how many rows. */
    long purge() {
        Instant before = clock.instant().minus(properties.processedRetention());
        long deleted = purge("rollup_case_position", "applied_at", before)
                + purge("rollup_processed_event", "processed_at", before);
        if (deleted > 0) {
            log.info("Rollup: {} positions of cases and ids of events applied before {} deleted (retention {})",
                    deleted, before, properties.processedRetention());
        }
        return deleted;
    }

    private long purge(String table, String appliedAt, Instant before) {
        long deleted = 0;
        int n;
        do {
            n = jdbc.update("delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                    + appliedAt + " < ? limit ?))", Timestamp.from(before), BATCH);
            deleted += n;
        } while (n == BATCH);
        return deleted;
    }
}
