package vn.hoso.citizens.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.hoso.events.EventTopics;
import vn.hoso.events.PublishedCaseEvent;

/** Reads {@value EventTopics#CASE_EVENTS} and queues the applicant's messages ({@link ApplicantMessages#enqueue}). */
@Component
class CaseEventNotifier {

    static final String LISTENER_ID = "hoso-citizens-notify";

    private final ApplicantMessages messages;
    private final ObjectMapper mapper;

    CaseEventNotifier(ApplicantMessages messages, ObjectMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = EventTopics.CASE_EVENTS,
            containerFactory = "citizensListenerContainerFactory")
    void on(ConsumerRecord<byte[], byte[]> record) {
        messages.enqueue(PublishedCaseEvent.parse(mapper, record.value()));
    }
}
