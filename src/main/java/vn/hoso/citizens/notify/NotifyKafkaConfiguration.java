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
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.events.PublishedCaseEvent;

/**
 * The notification consumer's own Kafka set-up (group {@code hoso.citizens.messages.group-id}, byte-array records, one
 * record at a time, its offset committed after it was queued). A record that is no case event is logged and skipped
 * (the rollup consumer dead-letters it to {@code hoso.case-events.DLT} already); any other failure (the database is
 * down) is retried with back-off for up to 10 minutes, then logged as an error and skipped.
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
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(600_000);
        var errorHandler = new DefaultErrorHandler((record, e) -> LOG.error(
                "Case event {}-{}@{} not queued for the applicant's messages: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage(), e), backOff);
        errorHandler.addNotRetryableExceptions(PublishedCaseEvent.MalformedCaseEvent.class);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
