package vn.hoso.units;

import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same test bodies on PostgreSQL and Kafka in containers, where a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "hoso.infra.mode=containers")
class UnitRegistryOnContainersTest extends UnitRegistryTest {
}
