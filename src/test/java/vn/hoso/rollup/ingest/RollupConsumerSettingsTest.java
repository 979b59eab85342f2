package vn.hoso.rollup.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollup consumer runs with the settings of {@code hoso.rollup.*} (here their defaults, docs/rollups.md). */
@IntegrationTest
class RollupConsumerSettingsTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    @Qualifier("rollupListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory;

    @Test
    void theConsumerHasTheDocumentedGroupConcurrencyAndBatchSize() {
        var container = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("hoso-rollup");
        assertThat(container).isNotNull();
        assertThat(container.getGroupId()).isEqualTo("hoso-rollup");
        assertThat(container.getConcurrency()).isEqualTo(2);
        assertThat(container.isAutoStartup()).isTrue();
        assertThat(container.isRunning()).isTrue();
        assertThat(factory.getConsumerFactory().getConfigurationProperties())
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "hoso-rollup");
    }
}
