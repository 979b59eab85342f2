package vn.hoso.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hoso.demo-accounts}: off unless configured on (only the dev profile does). */
class IdentityPropertiesTest {

    private static IdentityProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hoso", IdentityProperties.class);
    }

    @Test
    void demoAccountsAreOffUnlessConfiguredOn() {
        assertThat(bind(Map.of()).demoAccounts()).isFalse();
        assertThat(bind(Map.of("hoso.demo-accounts", "true")).demoAccounts()).isTrue();
    }
}
