package vn.hoso.reliability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak (on demand, not in {@code mvn verify}): the packaged app under a steady load for
 * {@code -Dsoak.minutes} (30), sampled every 10 s — heap after the last GC and in use, the process's RSS, the connection pool,
 * the outbox, the rollup's idempotence table, the Kafka lag of the rollup consumer group, the event log — written to
 * {@code target/soak/samples.csv} and drawn in {@code target/soak/soak.png}. Then the loss check, and the flatness
 * checks: heap and RSS of the last quarter within 25 % of the second quarter's (medians), outbox and lag bounded.
 *
 * <p>{@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OperationsSoak -Dsoak.minutes=30}
 */
class OperationsSoak extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(OperationsSoak.class);
    private static final String[] SERIES = {"heap_live_mib", "heap_used_mib", "rss_mib", "pool_active", "outbox", "case_positions",
            "rollup_lag", "events"};

    @Test
    void aSteadyLoadForHalfAnHourKeepsEveryResourceFlat() throws Exception {
        Duration duration = Duration.ofMinutes(Long.getLong("soak.minutes", 30));
        rig = new FaultRig("soak");
        AppProcess app = rig.node("app", Map.of());
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));

        List<double[]> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        int roundCount;
        LoadDriver load;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                rig.infra.kafkaBootstrap()))) {
            // every 200 ms: a new round when the last one is done, a sample when one is due; until the end
            LoadDriver[] round = {null};
            long[] next = {t0};
            int[] rounds = {0};
            Awaitility.await("soak of " + duration).atMost(duration.plusMinutes(5)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        if (round[0] == null || round[0].isDone()) {
                            if (round[0] != null && !round[0].failures().isEmpty()) {
                                log.warn("round {}: {}", rounds[0], round[0].summary());
                            }
                            round[0] = new LoadDriver(rig.client, rig.db, 2, 20, rig.seed + rounds[0]++);
                            round[0].start();
                        }
                        if (System.nanoTime() >= next[0]) {
                            samples.add(sample(app, kafka, (System.nanoTime() - t0) / 1e9));
                            next[0] += Duration.ofSeconds(10).toNanos();
                        }
                        return System.nanoTime() >= end;
                    });
            load = round[0];
            roundCount = rounds[0];
            assertThat(load.awaitDone(Duration.ofMinutes(3))).isTrue();
            samples.add(sample(app, kafka, (System.nanoTime() - t0) / 1e9));
        }
        Path dir = Files.createDirectories(Path.of("target", "soak"));
        writeCsv(dir.resolve("samples.csv"), samples);
        draw(dir.resolve("soak.png"), samples, duration);
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(120));

        int n = samples.size();
        List<double[]> second = samples.subList(n / 4, n / 2);
        List<double[]> last = samples.subList(3 * n / 4, n);
        Map<String, String> summary = new LinkedHashMap<>();
        for (int i = 0; i < SERIES.length; i++) {
            summary.put(SERIES[i], "%.1f → %.1f (max %.1f)".formatted(median(second, i + 1), median(last, i + 1),
                    max(samples, i + 1)));
        }
        log.info("OperationsSoak: {} min, {} rounds, {}; medians 2nd → 4th quarter: {}", duration.toMinutes(),
                roundCount, report, summary);
        Files.writeString(dir.resolve("summary.txt"), "duration " + duration + ", " + roundCount + " rounds of 20 cases\n"
                + report + "\n" + summary.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")) + "\n");
        assertThat(median(last, 1)).as("heap after GC").isLessThanOrEqualTo(1.25 * median(second, 1));
        assertThat(median(last, 3)).as("RSS").isLessThanOrEqualTo(1.25 * median(second, 3));
        assertThat(max(last, 5)).as("outbox").isLessThan(500);
        assertThat(max(last, 7)).as("rollup lag").isLessThan(500);
    }

    private double[] sample(AppProcess app, Admin kafka, double seconds) throws Exception {
        return new double[] {seconds,
                rig.metric(app, "jvm_gc_live_data_size_bytes", null) / 1048576.0,
                rig.metric(app, "jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0,
                rssMib(app.pid()),
                rig.metric(app, "hikaricp_connections_active", null),
                rig.db.count("select count(*) from case_event_outbox"),
                rig.db.count("select count(*) from rollup_case_position"),
                lag(kafka),
                rig.db.count("select count(*) from case_event")};
    }

    private static double rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return 0;
    }

    private static double lag(Admin kafka) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets("hoso-rollup")
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 0;
        }
        var ends = kafka.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp,
                tp -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (var e : committed.entrySet()) {
            lag += ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset());
        }
        return lag;
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    private static double max(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).max().orElse(0);
    }

    private static void writeCsv(Path file, List<double[]> samples) throws IOException {
        StringBuilder csv = new StringBuilder("seconds," + String.join(",", SERIES) + "\n");
        for (double[] s : samples) {
            for (int i = 0; i < s.length; i++) {
                csv.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.1f", s[i]));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    /** One small panel per series over time, each scaled from 0 to its own maximum. */
    private static void draw(Path file, List<double[]> samples, Duration duration) throws IOException {
        int panelW = 420;
        int panelH = 180;
        int cols = 2;
        int rows = (SERIES.length + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * panelW, rows * panelH + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Hồ sơ soak: " + duration.toMinutes() + " min steady load, samples every 10 s (x: minutes)", 10,
                20);
        double tMax = samples.get(samples.size() - 1)[0];
        for (int i = 0; i < SERIES.length; i++) {
            int x0 = (i % cols) * panelW + 50;
            int y0 = 30 + (i / cols) * panelH + 20;
            int w = panelW - 70;
            int h = panelH - 50;
            final int column = i + 1;
            double vMax = Math.max(1, max(samples, column));
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x0, y0, w, h);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(SERIES[i] + " (max " + String.format(java.util.Locale.ROOT, "%.0f", vMax) + ")", x0, y0 - 5);
            g.drawString("0", x0 - 15, y0 + h);
            g.drawString(String.format(java.util.Locale.ROOT, "%.0f", tMax / 60), x0 + w - 10, y0 + h + 14);
            g.setColor(new Color(0xC0, 0x1F, 0x2F));
            g.setStroke(new BasicStroke(1.5f));
            int px = -1;
            int py = -1;
            for (double[] s : samples) {
                int x = x0 + (int) (w * s[0] / Math.max(1, tMax));
                int y = y0 + h - (int) (h * s[column] / vMax);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

}
