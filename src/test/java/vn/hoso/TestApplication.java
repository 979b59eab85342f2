package vn.hoso;

import org.springframework.boot.SpringApplication;
import vn.hoso.infra.CitizenChannels;
import vn.hoso.infra.InfrastructureConfiguration;

/**
 * The embedded run: {@code mvn spring-boot:test-run} starts the whole app with a real PostgreSQL (localhost:15432)
 * and a real Kafka broker (localhost:9092) started in this JVM, demo accounts and reference data loaded.
 */
public class TestApplication {

    public static void main(String[] args) {
        SpringApplication.from(HosoApplication::main)
                .with(InfrastructureConfiguration.class, CitizenChannels.class)
                .withAdditionalProfiles("dev")
                .run(args);
    }
}
