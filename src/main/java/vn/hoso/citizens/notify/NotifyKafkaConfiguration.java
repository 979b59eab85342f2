package vn.hoso.citizens.notify;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.events.PublishedCaseEvent;

/**
 * The notification consumer's own Kafka set-up (group {@code hoso.citizens.messages.group-id}, byte-array records, one
 * record at a time, the offsets committed once the poll's records are queued). A record that is no case event is
 * logged and skipped (the rollup consumer dead-letters it to {@code hoso.case-events.DLT} already); while the database
 * is away the record is retried with back-off (0.5 s doubling to 30 s) for as long as it takes; any other failure is
 * retried so for up to 10 minutes, then logged as an error and skipped.
 */
@Configuration(proxyBeanMethods = false)
class NotifyKafkaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyKafkaConfiguration.class);

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> citizensListenerContainerFactory(
            KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
            CitizensProperties properties) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, properties.messages().groupId());

        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setAutoStartup(properties.messages().enabled());
        // Offsets are committed once per poll, not once per record (a request to the broker for each event): a record
        // queued again after a crash between the two changes nothing, its messages being unique per (event, channel).
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(600_000);
        // the database away (an outage is nobody's fault): retried for as long as it takes, no message is lost
        var untilBack = new ExponentialBackOff(500, 2.0);
        untilBack.setMaxInterval(30_000);
        var errorHandler = new DefaultErrorHandler((record, e) -> LOG.error(
                "Case event {}-{}@{} not queued for the applicant's messages: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage(), e), backOff);
        errorHandler.setBackOffFunction((record, e) -> causedBy(e, TransientDataAccessException.class)
                || causedBy(e, DataAccessResourceFailureException.class)
                || causedBy(e, CannotGetJdbcConnectionException.class) ? untilBack : null);
        errorHandler.addNotRetryableExceptions(PublishedCaseEvent.MalformedCaseEvent.class);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
