package vn.hoso.infra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.hoso.identity.LoginLimiterClock;

/**
 * The one Spring context shared by every integration test (same properties, same beans, so it starts once):
 * the whole app on real PostgreSQL and Kafka, on a random port, with the dev profile's demo accounts (and the
 * failed-login limiter on a clock the tests can move on, {@link LoginLimiterClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({InfrastructureConfiguration.class, LoginLimiterClock.class, CitizenChannels.class})
@ActiveProfiles({"dev", "test"})
public @interface IntegrationTest {
}
