package vn.hoso.rollup.ingest;

import vn.hoso.platform.DatabaseUnavailable;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.hoso.events.EventTopics;

/**
 * The rollup consumer's own Kafka set-up, independent of whatever other modules configure on Boot's shared
 * factories (deliberately not beans of the types Boot backs off from): byte-array records (poison is forwarded to
 * the DLT byte for byte), batch listening, a non-transactional producer for the DLT.
 *
 * <p>Poison records ({@link PoisonRecordException}) are not retried: the records before them are applied,
 * they go to {@value EventTopics#CASE_EVENTS_DLT}, the consumer goes on. Any other failure (the database is down)
 * retries the batch with exponential back-off for up to {@code hoso.rollup.retry-max-elapsed} before the batch goes
 * to the DLT as well — except when the database is unavailable ({@link DatabaseUnavailable}): such a batch is
 * consumed again until the database is back, never dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class RollupKafkaConfiguration {

    /** Holds the DLT producer so that it is closed with the context. */
    static final class DeadLetterProducer implements AutoCloseable {
        final DefaultKafkaProducerFactory<byte[], byte[]> factory;
        final KafkaTemplate<byte[], byte[]> template;

        DeadLetterProducer(Map<String, Object> props) {
            factory = new DefaultKafkaProducerFactory<>(props);
            template = new KafkaTemplate<>(factory);
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    static Map<String, Object> consumerProperties(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                  SslBundles sslBundles) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(sslBundles));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    @Bean(destroyMethod = "close")
    DeadLetterProducer rollupDeadLetterProducer(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties(sslBundles.getIfAvailable()));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DeadLetterProducer(props);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> rollupListenerContainerFactory(
            KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
            DeadLetterProducer deadLetters, RollupProperties rollup) {
        Map<String, Object> props = consumerProperties(kafka, connection, sslBundles.getIfAvailable());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, rollup.groupId());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, rollup.maxPollRecords());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setBatchListener(true);
        factory.setConcurrency(rollup.concurrency());
        factory.setAutoStartup(rollup.enabled());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);

        var deadLetterPublisher = new DeadLetterPublishingRecoverer(deadLetters.template,
                (record, e) -> new TopicPartition(EventTopics.CASE_EVENTS_DLT, -1));
        // A batch that failed because the database was unavailable is never dead-lettered: throwing here makes the
        // error handler seek back, and the batch is consumed again (and retried with back-off) until the database
        // is back. Without this, a batch still failing at the end of the retry budget, or a batch whose retry ran
        // into a poison record after the database came back (which ends the retries), went to the DLT whole,
        // valid events included, and those were missing from the read model.
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
            if (DatabaseUnavailable.causedBy(e)) {
                throw new IllegalStateException("database unavailable: record " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + " is not dead-lettered, its batch is "
                        + "consumed again", e);
            }
            deadLetterPublisher.accept(record, consumer, e);
        };
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(rollup.retryMaxElapsed().toMillis());
        var errorHandler = new DefaultErrorHandler(recoverer, backOff);
        errorHandler.addNotRetryableExceptions(PoisonRecordException.class);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
