package vn.hoso.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged jar of an earlier release, built from this repository's history (git archive of the release's commit,
 * then the Maven wrapper's package without tests), once per commit under target/upgrade.
 */
final class PreviousRelease {

    private static final Logger log = LoggerFactory.getLogger(PreviousRelease.class);

    /** The last release that landed before the operations work (stop 19 of the project's history). */
    static final String COMMIT = "cf9106c";

    private PreviousRelease() {
    }

    /** Whether this repository's history has the commit (a shallow clone may not). */
    static boolean available(String commit) {
        try {
            Process p = new ProcessBuilder("git", "cat-file", "-e", commit + "^{commit}").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path jar(String commit) throws IOException, InterruptedException {
        Path dir = Path.of("target", "upgrade", commit).toAbsolutePath();
        Path built = findJar(dir.resolve("target"));
        if (built != null) {
            return built;
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        run(dir, List.of("sh", "-c", "git -C " + quote(Path.of("").toAbsolutePath().toString()) + " archive --format=tar "
                + commit + " | tar -x -C " + quote(dir.toString())));
        run(dir, List.of("sh", "./mvnw", "-B", "-q", "-DskipTests", "-Dspotless.check.skip=true", "package"));
        built = findJar(dir.resolve("target"));
        if (built == null) {
            throw new IllegalStateException("the build of " + commit + " made no jar; see " + dir.resolve("build.log"));
        }
        log.info("release {} built in {} s: {}", commit, (System.nanoTime() - t0) / 1_000_000_000, built);
        return built;
    }

    private static Path findJar(Path target) {
        File[] jars = target.toFile().listFiles((d, n) -> n.matches("hoso-.*\\.jar") && !n.endsWith("-plain.jar")
                && !n.endsWith("-sources.jar"));
        return jars == null || jars.length != 1 ? null : jars[0].toPath();
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("build.log").toFile())).start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed; see " + dir.resolve("build.log"));
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
