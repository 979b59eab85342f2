package vn.hoso.cases;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hoso.tasklist.filter-refresh}: every 5 minutes unless configured otherwise. */
class TasklistPropertiesTest {

    private static TasklistProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("hoso.tasklist", TasklistProperties.class);
    }

    @Test
    void fiveMinutesByDefaultOrAsConfigured() {
        assertThat(bind(Map.of()).filterRefresh()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bind(Map.of("hoso.tasklist.filter-refresh", "PT1M")).filterRefresh())
                .isEqualTo(Duration.ofMinutes(1));
    }
}
