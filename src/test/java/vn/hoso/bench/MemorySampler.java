package vn.hoso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples, every 200 ms, the resident memory of this JVM (app + embedded Kafka broker + benchmark driver share it)
 * from /proc/self/status, and the proportional set size (PSS, shared memory split between processes) of the embedded
 * PostgreSQL processes (the postmaster, which pg_ctl detaches from this JVM, and its children) from
 * /proc/[pid]/smaps_rollup.
 */
final class MemorySampler {

    private final long postmasterPid;

    /** @param postmasterPid the embedded PostgreSQL's postmaster (first line of postmaster.pid), or 0 if unknown */
    MemorySampler(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    private ScheduledExecutorService sampler;
    private int ticks;
    private long peakRssKb;
    private long peakPgPssKb;
    private long peakHeapUsed;
    private int samples;

    void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-memory");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> sample(ticks++ % 5 == 0), 0, 200, TimeUnit.MILLISECONDS);
    }

    Map<String, Object> stop() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        sample(true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", "during benchmark 1 (engine rounds, pipeline and bare): this JVM runs the app, the embedded "
                + "Kafka broker and the benchmark's driver threads; PostgreSQL runs in its own processes");
        m.put("jvmPeakRssMiB", kbToMiB(peakRssKb));
        m.put("jvmVmHWMMiB", kbToMiB(status("VmHWM")));
        m.put("jvmVmHWMNote", "VmHWM is the peak since the JVM started (start-up and warm-up included)");
        m.put("heapPeakUsedMiB", peakHeapUsed / (1024 * 1024));
        m.put("heapMaxMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("postgresPeakPssMiB", kbToMiB(peakPgPssKb));
        m.put("samples", samples);
        return m;
    }

    private void sample(boolean withPostgres) {
        samples++;
        peakRssKb = Math.max(peakRssKb, status("VmRSS"));
        peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        if (withPostgres) {
            long pss = postmasterPid > 0 ? postgresPss(postmasterPid) : 0;
            for (long pid : postmasterPid > 0 ? descendants(postmasterPid) : List.<Long>of()) {
                pss += postgresPss(pid);
            }
            peakPgPssKb = Math.max(peakPgPssKb, pss);
        }
    }

    static long kbToMiB(long kb) {
        return Math.round(kb / 1024.0);
    }

    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static List<Long> descendants(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Long.parseLong(rest[1]), k -> new ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(children.getOrDefault(root, List.of()));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            out.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    static long postgresPss(long pid) {
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
            if (!comm.startsWith("postgres")) {
                return 0;
            }
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
