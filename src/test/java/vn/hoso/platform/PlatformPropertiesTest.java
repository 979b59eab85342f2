package vn.hoso.platform;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hoso.time-zone}, {@code hoso.limits.*}, {@code hoso.maintenance.*}: the documented defaults and overrides. */
class PlatformPropertiesTest {

    private static PlatformProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hoso", PlatformProperties.class);
    }

    @Test
    void defaults() {
        PlatformProperties p = bind(Map.of());
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(p.limits().apiBody()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(p.limits().engineBody()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(p.maintenance().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void overrides() {
        PlatformProperties p = bind(Map.of("hoso.time-zone", "UTC", "hoso.limits.api-body", "1MB",
                "hoso.limits.engine-body", "20MB", "hoso.maintenance.drain-timeout", "PT2M"));
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(p.limits().apiBody()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(p.limits().engineBody()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(p.maintenance().drainTimeout()).isEqualTo(Duration.ofMinutes(2));
    }
}
