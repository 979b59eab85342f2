package vn.hoso.events;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The event log's beans: the relay of this node (unless {@code hoso.events.relay.enabled=false}) and its gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventsConfiguration {

    @Bean
    RelaySignal relaySignal() {
        return new RelaySignal();
    }

    /** Producer settings of the relay on top of Boot's {@code spring.kafka.producer.*}; the relay's own override. */
    static Map<String, Object> relayProducerConfig(Map<String, Object> base, EventsProperties.Relay relay,
                                                   String clientId) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        long sendTimeout = relay.sendTimeout().toMillis();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, sendTimeout / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, sendTimeout / 2));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    static Supplier<Producer<String, String>> producers(Map<String, Object> config) {
        return () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Bean
    @ConditionalOnProperty(name = "hoso.events.relay.enabled", havingValue = "true", matchIfMissing = true)
    CaseEventRelay caseEventRelay(JdbcTemplate jdbc, EventsProperties events,
                                  KafkaProperties kafka, KafkaConnectionDetails connection,
                                  ObjectProvider<SslBundles> sslBundles, RelaySignal signal, MeterRegistry meters) {
        Map<String, Object> base = kafka.buildProducerProperties(sslBundles.getIfAvailable());
        base.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        if (connection.getProducer().getSecurityProtocol() != null) {
            base.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getProducer().getSecurityProtocol());
        }
        String name = ManagementFactory.getRuntimeMXBean().getName();
        Map<String, Object> config = relayProducerConfig(base, events.relay(), "hoso-event-relay-" + name);
        return new CaseEventRelay(name, jdbc, producers(config), events.relay(), signal, meters);
    }

    /** Relay lag for the whole log (all nodes): age of the oldest unsent event, and how many are unsent. */
    @Bean
    MeterBinder caseEventOutboxGauges(JdbcTemplate jdbc) {
        return meters -> {
            Gauge.builder("hoso.events.relay.lag", jdbc, EventsConfiguration::oldestUnsentSeconds)
                    .description("Age of the oldest event not yet acknowledged by Kafka (0 when none)")
                    .baseUnit("seconds").register(meters);
            Gauge.builder("hoso.events.relay.pending", jdbc, EventsConfiguration::unsent)
                    .description("Events not yet acknowledged by Kafka").register(meters);
        };
    }

    private static double oldestUnsentSeconds(JdbcTemplate jdbc) {
        try {
            Double age = jdbc.queryForObject(
                    "select extract(epoch from clock_timestamp() - min(created_at)) from case_event_outbox",
                    Double.class);
            return age == null ? 0 : age;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double unsent(JdbcTemplate jdbc) {
        try {
            Long n = jdbc.queryForObject("select count(*) from case_event_outbox", Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
