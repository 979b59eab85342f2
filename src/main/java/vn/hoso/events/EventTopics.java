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

    @Bean
    NewTopic caseEventsTopic(EventsProperties events) {
        return TopicBuilder.name(CASE_EVENTS).partitions(events.partitions()).build();
    }

    @Bean
    NewTopic caseEventsDeadLetterTopic(EventsProperties events) {
        return TopicBuilder.name(CASE_EVENTS_DLT).partitions(events.partitions()).build();
    }
}
