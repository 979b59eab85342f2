package vn.hoso.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The failed-login limiter of the shared test context counts on this clock: real time plus however far a test has
 * moved it on ({@link #advance}), so that LoginRateLimitTest lets a window pass at once instead of waiting it out.
 * The limiter is the application's own, built with this ticker instead of the system's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LoginLimiterClock {

    private static final AtomicLong AHEAD_NANOS = new AtomicLong();
    static final Ticker TICKER = () -> System.nanoTime() + AHEAD_NANOS.get();

    /** Moves the limiter's clock on: failures older than the window by then are forgotten. */
    static void advance(Duration duration) {
        AHEAD_NANOS.addAndGet(duration.toNanos());
    }

    @Bean
    static BeanPostProcessor loginRateLimiterOnTheTestClock(ObjectProvider<LoginLimitProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof LoginRateLimiter ? new LoginRateLimiter(properties.getObject(), TICKER) : bean;
            }
        };
    }
}
