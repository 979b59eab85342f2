package vn.hoso.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoso.events.*}: the topic's partition count (read by {@link EventTopics}) and the relay's knobs.
 *
 * @param partitions partitions of {@value EventTopics#CASE_EVENTS} and its DLT when the app creates them
 * @param relay      the outbox relay of this node
 */
@ConfigurationProperties("hoso.events")
record EventsProperties(@DefaultValue("6") int partitions, @DefaultValue Relay relay) {

    /**
     * @param enabled      whether this node relays the outbox to Kafka (a node that only appends may turn it off;
     *                     at least one node must relay)
     * @param batchSize    a relay pass claims the cases of this many of the oldest outbox rows and sends at most four
     *                     times as many events; passes follow each other at once while there is work
     * @param pollInterval how long the relay waits for new work when idle (it is also woken after every commit of
     *                     this node that appended events)
     * @param sendTimeout  how long a send may take until the broker acknowledged it ({@code delivery.timeout.ms})
     * @param retryBackoff first wait after a failed pass (doubles up to {@code maxBackoff})
     * @param maxBackoff   longest wait between failed passes
     * @param linger       how long an idle relay, woken by a commit, waits before its pass, so that the events of
     *                     the steps committing meanwhile go in the same pass (one claim, one produce request, one
     *                     consumer batch for several steps); 0 sends at once
     */
    record Relay(@DefaultValue("true") boolean enabled,
                 @DefaultValue("2000") int batchSize,
                 @DefaultValue("100ms") Duration pollInterval,
                 @DefaultValue("30s") Duration sendTimeout,
                 @DefaultValue("500ms") Duration retryBackoff,
                 @DefaultValue("10s") Duration maxBackoff,
                 @DefaultValue("100ms") Duration linger) {

        Relay {
            if (batchSize < 1) {
                throw new IllegalArgumentException("hoso.events.relay.batch-size must be at least 1");
            }
            if (linger.isNegative()) {
                throw new IllegalArgumentException("hoso.events.relay.linger must not be negative");
            }
            if (sendTimeout.toMillis() < 1000) {
                throw new IllegalArgumentException("hoso.events.relay.send-timeout must be at least 1s");
            }
        }
    }
}
