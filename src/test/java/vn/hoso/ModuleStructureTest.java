package vn.hoso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages talk to each other only through their public API (the module's top package), only to the modules
 * each declares in {@code allowedDependencies} (its {@code package-info.java}), and without cycles. The module
 * diagrams and canvases in docs/modules are generated from the code here: when they are out of date the test
 * writes the new ones there and fails, so that they are committed with the change that moved a joint.
 */
@Tag("fast")
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(HosoApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("platform",
                "units", "calendar", "identity", "procedures", "events", "cases", "rollup", "citizens", "simulator",
                "workspace", "documents");
        for (ApplicationModule module : MODULES) {
            org.springframework.modulith.ApplicationModule declared = annotation(module);
            assertThat(declared).as("%s has an @ApplicationModule in its package-info", module.getIdentifier())
                    .isNotNull();
            assertThat(declared.allowedDependencies()).as("%s declares allowedDependencies", module.getIdentifier())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        }
    }

    @Test
    void theModuleDocsAreGeneratedFromTheCode() throws IOException {
        Path generated = Files.createTempDirectory("modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> fresh = files(generated);
        Map<String, String> committed = Files.isDirectory(DOCS) ? files(DOCS) : Map.of();
        // the Documenter writes some lines (a diagram's relations) in no fixed order: compare the lines as sets
        Map<String, List<String>> freshLines = sortedLines(fresh);
        Map<String, List<String>> committedLines = sortedLines(committed);
        if (!freshLines.equals(committedLines)) {
            Files.createDirectories(DOCS);
            for (String stale : committed.keySet()) {
                if (!fresh.containsKey(stale)) {
                    Files.delete(DOCS.resolve(stale));
                }
            }
            for (Map.Entry<String, String> file : fresh.entrySet()) {
                if (!freshLines.get(file.getKey()).equals(committedLines.get(file.getKey()))) {
                    Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
                }
            }
        }
        assertThat(committedLines).as("docs/modules was out of date and has been regenerated: commit it")
                .isEqualTo(freshLines);
    }

    private static Map<String, List<String>> sortedLines(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, content) -> lines.put(name, content.lines().sorted().toList()));
        return lines;
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                files.put(p.getFileName().toString(), read(p));
            }
        }
        return files;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.springframework.modulith.ApplicationModule annotation(ApplicationModule module) {
        try {
            return Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
