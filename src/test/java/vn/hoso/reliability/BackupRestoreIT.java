package vn.hoso.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Backup and restore: {@code pg_dump} of the running system, restored with {@code pg_restore} into a new database, the
 * app started on it: every case's chain head as it was and every chain valid, the rollups rebuilt from the topic equal
 * to the restored ones, the open cases continue and finish, nothing lost ({@link LossCheck}).
 *
 * <p>PostgreSQL 15 here, the major version of Debian's {@code pg_dump} ({@code postgresql-client}, which .ci/run
 * installs); pg_dump refuses a newer server. Skipped where those binaries cannot run (not Linux x86-64, no pg_dump 15).
 *
 * <p>{@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BackupRestoreIT}
 */
class BackupRestoreIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreIT.class);
    private static final Path BINARIES = Path.of("target", "pg15", "postgres-15-linux-amd64.jar");

    @Test
    void aDumpOfTheRunningSystemRestoredIntoANewDatabaseCarriesOn() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")
                && Files.exists(BINARIES), "PostgreSQL 15 binaries for Linux x86-64");
        assumeTrue(clientMajorVersion().equals("15"), "pg_dump 15 (postgresql-client)");
        PgBinaryResolver postgres15 = (system, arch) -> {
            ZipFile jar = new ZipFile(BINARIES.toFile());
            InputStream in = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"));
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    super.close();
                    jar.close();
                }
            };
        };
        rig = new FaultRig("backup", postgres15);
        AppProcess app = rig.node("app", Map.of());
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));
        LoadDriver load = new LoadDriver(rig.client, rig.db, 3, 30, rig.seed);
        load.start();
        FaultRig.awaitProgress(load, 60);
        load.stop();
        load.awaitDone(Duration.ofMinutes(1));
        Awaitility.await("outbox relayed").atMost(Duration.ofSeconds(60))
                .until(() -> rig.db.count("select count(*) from case_event_outbox") == 0);

        // the backup, taken while the app runs
        URI db = URI.create(rig.infra.jdbcUrl().substring("jdbc:".length()));
        String port = Integer.toString(db.getPort());
        Path dump = Path.of("target", "reliability", "backup.dump").toAbsolutePath();
        Files.deleteIfExists(dump);
        run(List.of("pg_dump", "-Fc", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "postgres",
                "-f", dump.toString()));
        List<String> heads = heads(rig.db);
        long openTasks = rig.db.count("select count(*) from act_ru_task");
        log.info("backup of {} cases ({} open tasks): {} bytes", heads.size(), openTasks, Files.size(dump));
        assertThat(openTasks).as("cases open at the backup").isPositive();
        app.kill(); // the database is lost with the node

        // restored into a new database, the app started on it
        run(List.of("createdb", "-h", "localhost", "-p", port, "-U", "postgres", "restored"));
        run(List.of("pg_restore", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "restored", "--no-owner",
                "--exit-on-error", dump.toString()));
        String restoredUrl = "jdbc:postgresql://localhost:" + port + "/restored";
        Db restored = new Db(restoredUrl, rig.infra.dbUser(), rig.infra.dbPassword());
        AppProcess again = rig.node("restored", Map.of("spring.datasource.url", restoredUrl));
        again.start();
        again.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        assertThat(heads(restored)).as("every case's chain head as it was").isEqualTo(heads);

        Client.Result rebuild = rig.client.post("/api/rollups/rebuild", Users.ADMIN, "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(200);
        assertThat(rebuild.json().get("equal").asBoolean()).as(rebuild.body()).isTrue();

        LoadDriver finish = new LoadDriver(rig.client, restored, 3, 0, rig.seed + 1);
        finish.start();
        assertThat(finish.awaitDone(Duration.ofMinutes(3))).as(finish.summary()).isTrue();
        LossCheck.Report report = new LossCheck(restored, rig.client, rig.infra.kafkaBootstrap())
                .run(Duration.ofSeconds(120));
        assertThat(report.cases()).isEqualTo(heads.size());
        log.info("BackupRestoreIT: restored {} cases; rebuild equal; then {}; open cases finished: {}", heads.size(),
                report, finish.summary());
    }

    private static List<String> heads(Db db) {
        return db.query("select case_id || ':' || last_seq || ':' || last_hash from case_event_stream order by case_id",
                rs -> rs.getString(1));
    }

    private static String clientMajorVersion() {
        try {
            Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\) (\\d+)\\.").matcher(out);
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", rig.infra.dbPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(command.get(0) + ": " + out).isZero();
    }
}
