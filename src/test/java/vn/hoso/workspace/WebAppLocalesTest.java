package vn.hoso.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Vietnamese locale of the Camunda web apps is complete: every key of the web jar's English file (the one of
 * the Camunda version on the classpath, so an upgrade that adds keys fails here) has a Vietnamese text of ours,
 * with the same {{placeholders}}, and the texts are not left in English.
 */
@Tag("fast")
class WebAppLocalesTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    /** Texts that are the same in both languages. */
    private static final Set<String> SAME = Set.of("", "<", "<=", ">", ">=");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void everyEnglishKeyHasAVietnameseTextWithTheSamePlaceholders(String app) {
        JsonNode english = read(app, "en").path("labels");
        JsonNode vietnamese = read(app, "vi").path("labels");
        assertThat(english.size()).as("the web jar's English labels").isGreaterThan(100);

        List<String> missing = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            String en = english.path(key).asText();
            if (!vietnamese.has(key)) {
                missing.add(key);
                return;
            }
            String vi = vietnamese.path(key).asText();
            if (!placeholdersOf(en).equals(placeholdersOf(vi)) && !"BANNER_CE_EOL_TEXT".equals(key)) {
                placeholders.add(key + ": " + en + " / " + vi);
            }
            if (vi.equals(en) && !SAME.contains(en)) {
                untranslated.add(key + ": " + en);
            }
        });
        assertThat(missing).as("keys of the English file without a Vietnamese text in our " + app + " vi.json")
                .isEmpty();
        assertThat(placeholders).as("placeholders that differ").isEmpty();
        assertThat(untranslated).as("texts left in English").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist"})
    void datesAndRelativeTimesAreVietnamese(String app) {
        JsonNode dates = read(app, "vi").path("dateLocales");
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(dates.path("longDateFormat").path("LLL").asText()).isEqualTo("DD/MM/YYYY HH:mm");
        assertThat(dates.path("relativeTime").path("future").asText()).isEqualTo("%s tới");
        assertThat(dates.path("relativeTime").path("dd").asText()).isEqualTo("%d ngày");
        JsonNode englishDates = read(app, "en").path("dateLocales");
        Set<String> keys = new TreeSet<>();
        englishDates.fieldNames().forEachRemaining(keys::add);
        Set<String> ours = new TreeSet<>();
        dates.fieldNames().forEachRemaining(ours::add);
        assertThat(ours).containsAll(keys);
    }

    private static Set<String> placeholdersOf(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The English file comes from Camunda's web jar, the Vietnamese one from ours; each exists exactly once. */
    private JsonNode read(String app, String language) {
        String name = LOCALES.formatted(app, language);
        try {
            List<URL> found = Collections.list(getClass().getClassLoader().getResources(name));
            assertThat(found).as(name).hasSize(1);
            try (InputStream in = found.get(0).openStream()) {
                return json.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\uFEFF", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
