package vn.hoso.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import vn.hoso.cases.CaseDriver;
import vn.hoso.documents.MultipartBody;
import vn.hoso.infra.EmbeddedS3;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;

/**
 * Documents throughput (docs/documents.md, "Measured"): upload and download through the app's API (HTTP, multipart,
 * content checks, SHA-256, S3 PUT/GET, metadata, event) against the object store's own raw PUT/GET (the AWS SDK
 * straight to the same s3proxy) in the same run, for 100 KB and 10 MB files: MB/s and p50/p99 latency, one client
 * thread. Then one 200 MB file up and down through the app while the heap is sampled every 20 ms. In the
 * {@code -Pbench} set ({@code mvn -Pbench test -Dtest=DocumentsBenchmark}); writes target/bench/documents.json.
 * The bench profile raises the documents' limits (pom.xml) so that 200 MB passes.
 */
@IntegrationTest
class DocumentsBenchmark {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String UNIT = "10714";
    static final int SMALL_COUNT = Integer.getInteger("hoso.bench.documents.small", 200);
    static final int LARGE_COUNT = Integer.getInteger("hoso.bench.documents.large", 20);
    static final int HUGE_MB = Integer.getInteger("hoso.bench.documents.huge-mb", 200);

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    EmbeddedS3 s3;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void documentsThroughTheAppAgainstTheStoresRawPutAndGet() throws Exception {
        CaseDriver.resetClock();
        Http http = new Http(port);
        Map<String, Object> results = new LinkedHashMap<>();
        try (S3Client raw = rawClient()) {
            String caseId = new CaseDriver(http, taskService).receive(procedure("WORK_INCOMING", UNIT, "ONLINE")
                    .entrySet().stream().filter(e -> !e.getKey().equals("applicant"))
                    .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getKey().equals("kind") ? "WORK"
                            : e.getValue()), Map::putAll));
            for (int[] size : new int[][] {{100 * 1024, SMALL_COUNT}, {10 * 1024 * 1024, LARGE_COUNT}}) {
                results.put(label(size[0]), compare(http, raw, caseId, size[0], size[1]));
            }
            results.put("stream" + HUGE_MB + "MiB", huge(http, caseId));
        }
        Path out = Path.of("target", "bench", "documents.json");
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), results);
        System.out.println("Documents benchmark:\n" + JSON.writeValueAsString(results));
    }

    static String label(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + "MiB" : bytes / 1024 + "KiB";
    }

    S3Client rawClient() {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** A PDF of exactly {@code size} bytes, unique (so that content addressing stores each). */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(bytes, (byte) 'x');
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    Map<String, Object> compare(Http http, S3Client raw, String caseId, int size, int count) throws Exception {
        // warm-up: a few of each
        for (int i = 0; i < Math.max(3, count / 10); i++) {
            String id = appUpload(http, caseId, pdf(size));
            appDownload(caseId, id);
            String key = "bench/" + UUID.randomUUID();
            raw.putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromBytes(pdf(size)));
            raw.getObject(b -> b.bucket(s3.bucket()).key(key), ResponseTransformer.toBytes());
        }
        List<Double> appUp = new ArrayList<>();
        List<Double> appDown = new ArrayList<>();
        List<Double> rawUp = new ArrayList<>();
        List<Double> rawDown = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = pdf(size);
            long t0 = System.nanoTime();
            String id = appUpload(http, caseId, bytes);
            long t1 = System.nanoTime();
            appDownload(caseId, id);
            long t2 = System.nanoTime();
            byte[] other = pdf(size);
            String key = "bench/" + UUID.randomUUID();
            long t3 = System.nanoTime();
            raw.putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromBytes(other));
            long t4 = System.nanoTime();
            try (InputStream in = raw.getObject(b -> b.bucket(s3.bucket()).key(key))) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            long t5 = System.nanoTime();
            appUp.add((t1 - t0) / 1e6);
            appDown.add((t2 - t1) / 1e6);
            rawUp.add((t4 - t3) / 1e6);
            rawDown.add((t5 - t4) / 1e6);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", count);
        m.put("appUpload", figures(appUp, size));
        m.put("rawPut", figures(rawUp, size));
        m.put("appDownload", figures(appDown, size));
        m.put("rawGet", figures(rawDown, size));
        return m;
    }

    static Map<String, Object> figures(List<Double> millis, int size) {
        double total = millis.stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MBps", Stats.round(millis.size() * (double) size / (1024 * 1024) / (total / 1000)));
        m.put("p50ms", Stats.round(Stats.percentile(millis, 50)));
        m.put("p99ms", Stats.round(Stats.percentile(millis, 99)));
        return m;
    }

    String appUpload(Http http, String caseId, byte[] bytes) {
        MultipartBody body = new MultipartBody().file("file", "f.pdf", "application/pdf", bytes)
                .field("component", "VAN_BAN_DEN");
        HttpResponse<String> response = http.send(http.request("/api/cases/" + caseId + "/documents",
                "officer." + UNIT).header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("documentId").asText();
    }

    long appDownload(String caseId, String documentId) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/cases/" + caseId + "/documents/" + documentId + "/content"))
                .header("Authorization", Http.basic("officer." + UNIT, Http.DEMO_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream in = response.body()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** One {@link #HUGE_MB} MB file up and down; the heap sampled meanwhile (this JVM: app, s3proxy, client). */
    Map<String, Object> huge(Http http, String caseId) throws Exception {
        Path file = Files.createTempFile("hoso-bench", ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("%PDF-1.4\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < HUGE_MB; i++) {
                out.write(chunk);
            }
            out.write("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        }
        long size = Files.size(file);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // the baseline once a collection no longer frees anything worth counting (within 1 MiB)
        long[] used = {Long.MAX_VALUE};
        org.awaitility.Awaitility.await("heap settled").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            boolean settled = used[0] - now < 1024 * 1024;
            used[0] = now;
            return settled;
        });
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong livePeak = new AtomicLong(baseline);
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        // the live set: what is left right after a full collection, every 250 ms while the file streams
        sampler.scheduleWithFixedDelay(() -> {
            System.gc();
            livePeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, 100, 250, TimeUnit.MILLISECONDS);
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            MultipartBody body = new MultipartBody().file("file", "big.pdf", "application/pdf", file)
                    .field("component", "VAN_BAN_DEN");
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(http.request("/api/cases/" + caseId + "/documents",
                    "officer." + UNIT).header("Content-Type", body.contentType()).POST(body.publisher()).build());
            long t1 = System.nanoTime();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            long uploadPeak = peak.getAndSet(memory.getHeapMemoryUsage().getUsed());
            long uploadLivePeak = livePeak.getAndSet(baseline);
            long read = appDownload(caseId, Http.json(response).get("documentId").asText());
            long t2 = System.nanoTime();
            assertThat(read).isEqualTo(size);
            long downloadPeak = peak.get();
            long downloadLivePeak = livePeak.get();
            m.put("bytes", size);
            m.put("heapMaxMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            m.put("heapBaselineMiB", baseline / (1024 * 1024));
            m.put("heapPeakAboveBaselineDuringUploadMiB", (uploadPeak - baseline) / (1024 * 1024));
            m.put("heapPeakAboveBaselineDuringDownloadMiB", (downloadPeak - baseline) / (1024 * 1024));
            m.put("liveHeapPeakAboveBaselineDuringUploadMiB", (uploadLivePeak - baseline) / (1024 * 1024));
            m.put("liveHeapPeakAboveBaselineDuringDownloadMiB", (downloadLivePeak - baseline) / (1024 * 1024));
            m.put("uploadSeconds", Stats.round((t1 - t0) / 1e9));
            m.put("downloadSeconds", Stats.round((t2 - t1) / 1e9));
            m.put("note", "heap used (all of this JVM: app, s3proxy, test client) sampled every 20 ms (the peak "
                    + "includes garbage not yet collected), and the live set after a full GC every 250 ms (these GCs "
                    + "slow the transfer: the seconds are not throughput figures)");
            // flat: the live heap while 200 MB stream through grows by far less than the file
            assertThat(uploadLivePeak - baseline).isLessThan(size / 4);
            assertThat(downloadLivePeak - baseline).isLessThan(size / 4);
        } finally {
            sampler.shutdownNow();
            Files.deleteIfExists(file);
        }
        return m;
    }
}
