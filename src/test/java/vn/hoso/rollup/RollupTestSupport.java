package vn.hoso.rollup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import vn.hoso.infra.Http;

/** Small helpers shared by the rollup tests. */
final class RollupTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RollupTestSupport() {
    }

    static HttpResponse<byte[]> bytes(int port, String path, String user, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", Http.basic(user, Http.DEMO_PASSWORD));
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        try {
            return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** tier → {segments, processedOnline} of a tiers rollup answer. */
    static Map<String, long[]> byTier(JsonNode rows) {
        Map<String, long[]> m = new HashMap<>();
        rows.forEach(r -> m.put(r.path("tier").asText(),
                new long[] {r.path("segments").asLong(), r.path("processedOnline").asLong()}));
        return m;
    }

    /** "TIER/code" (and "TIER/code@validFrom") → {segments, processedOnline} of a units rollup answer. */
    static Map<String, long[]> byUnit(JsonNode rows) {
        Map<String, long[]> m = new HashMap<>();
        rows.forEach(r -> {
            long[] v = {r.path("segments").asLong(), r.path("processedOnline").asLong()};
            String key = r.path("tier").asText() + "/" + r.path("unitCode").asText();
            m.merge(key, v, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            m.put(key + "@" + r.path("validFrom").asText(), v);
        });
        return m;
    }

    /** Events the rollup consumer read since start with this outcome (applied, duplicate, ignored, poison). */
    static long consumed(MeterRegistry meters, String outcome) {
        return (long) meters.get("hoso.rollup.events").tag("outcome", outcome).functionCounter().count();
    }

    static long[] get(Map<String, long[]> m, String key) {
        return m.getOrDefault(key, new long[2]);
    }
}
