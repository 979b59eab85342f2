package vn.hoso.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The app creates its topics (partition count configurable; replication from the broker's default). */
@Configuration(proxyBeanMethods = false)
public class EventTopics {

    public static final String CASE_EVENTS = "hoso.case-events";
    public static final String CASE_EVENTS_DLT = "hoso.case-events.DLT";

    /**
     * Kafka header of every case event record: the instant the event was appended to the log, in epoch milliseconds
     * (also on a re-published record). A consumer that keeps the ids it applied for a limited time knows from it that
     * a record is older than what it keeps (rollup ingest; docs/operations.md, "Retention").
     */
    public static final String RECORDED_AT_HEADER = "hoso-recorded-at";

    @Bean
    NewTopic caseEventsTopic(EventsProperties events) {
        return TopicBuilder.name(CASE_EVENTS).partitions(events.partitions()).build();
    }

    @Bean
    NewTopic caseEventsDeadLetterTopic(EventsProperties events) {
        return TopicBuilder.name(CASE_EVENTS_DLT).partitions(events.partitions()).build();
    }
}
