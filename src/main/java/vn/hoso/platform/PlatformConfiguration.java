package vn.hoso.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** Business time zone: dates of cases, deadlines and rollups are days in this zone. */
    @Bean
    ZoneId businessZone(@Value("${hoso.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        return ZoneId.of(zone);
    }

    /** Wall-clock time for caches and timeouts; business time (case and event times) is {@link BusinessClock}. */
    @Bean
    Clock clock(ZoneId businessZone) {
        return Clock.system(businessZone);
    }

    @Bean
    BusinessClock businessClock(ZoneId businessZone) {
        return new BusinessClock(businessZone);
    }
}
