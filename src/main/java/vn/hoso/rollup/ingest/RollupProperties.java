package vn.hoso.rollup.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoso.rollup.*}, the rollup consumer's settings (docs/rollups.md).
 *
 * @param enabled          whether the consumer starts with the app
 * @param groupId          its consumer group
 * @param concurrency      consumers in this app (up to the topic's partitions)
 * @param maxPollRecords   records per batch at most
 * @param retryMaxElapsed  how long a failing batch is retried before it goes to the DLT (not while the database is
 *                         unavailable: then it waits)
 * @param rebuildWait      how long the rebuild waits for the live consumer to apply what it read
 * @param processedRetention how long the cases' positions and the ids of applied events are kept to recognise a
 *                         record delivered again; a record of an event appended to the log before that is taken as
 *                         applied (the consumer is never that far behind). Longer than the topic's retention and any
 *                         consumer lag
 * @param retentionCron    when the older positions and ids are deleted (business time zone)
 */
@ConfigurationProperties("hoso.rollup")
record RollupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("hoso-rollup") String groupId,
                        @DefaultValue("2") int concurrency, @DefaultValue("2000") int maxPollRecords,
                        @DefaultValue("PT30M") Duration retryMaxElapsed, @DefaultValue("PT2M") Duration rebuildWait,
                        @DefaultValue("P90D") Duration processedRetention,
                        @DefaultValue("0 30 1 * * *") String retentionCron) {
}
