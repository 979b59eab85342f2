package vn.hoso;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Feature packages talk to each other only through their public API, without cycles. */
@Tag("fast")
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(HosoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFeatureModulesAreThere() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("units", "identity", "platform");
    }
}
