package vn.hoso.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.hoso.HosoApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default (production) configuration has no credentials of its own and reads them from the environment. */
@Tag("fast")
class ProductionConfigurationTest {

    @Test
    void theDefaultProfileRefusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HosoApplication.class)
                .properties("server.port=0")
                .run().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will not start")
                .hasMessageContaining("HOSO_DB_PASSWORD")
                .hasMessageContaining("spring.datasource.password")
                .hasMessageContaining("hoso.admin.password");
    }

    @Test
    void dockerComposeSetsExactlyTheVariablesTheAppReads() throws IOException {
        Set<String> read = variables(Files.readString(Path.of("src/main/resources/application.yml")),
                Pattern.compile("\\$\\{(HOSO_[A-Z_]+)}"));
        String compose = Files.readString(Path.of("docker-compose.yml"));
        String appSection = compose.substring(compose.indexOf("  app:"));
        Set<String> set = variables(appSection, Pattern.compile("^\\s+(HOSO_[A-Z_]+):", Pattern.MULTILINE));
        assertThat(read).isNotEmpty();
        assertThat(set).isEqualTo(read);
    }

    private static Set<String> variables(String text, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
