package vn.hoso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians, spreads and percentiles of benchmark samples, and the machine they were taken on. */
public final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile (p in 0..100) of the samples. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {median, min, max, spread = (max - min) / median, rounds}. */
    public static Map<String, Object> summary(List<Double> rounds) {
        Map<String, Object> m = new LinkedHashMap<>();
        double median = median(rounds);
        m.put("median", round(median));
        m.put("min", round(min(rounds)));
        m.put("max", round(max(rounds)));
        m.put("spreadPct", round(100 * (max(rounds) - min(rounds)) / median));
        m.put("rounds", rounds.stream().map(Stats::round).toList());
        return m;
    }

    public static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10000;
        return Math.round(v * scale) / scale;
    }

    /** Date, cores, memory, load average and JVM of this machine, for a benchmark's results. */
    public static Map<String, Object> machine() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().orElse("?");
        m.put("memTotal", memTotal.replaceAll("\\s+", " ").replace("MemTotal: ", ""));
        m.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return m;
    }

    static String spread(List<Double> rounds) {
        return median(rounds) >= 100 ? String.format("%.0f–%.0f", min(rounds), max(rounds))
                : String.format("%.1f–%.1f", min(rounds), max(rounds));
    }
}
