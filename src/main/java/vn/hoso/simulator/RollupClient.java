package vn.hoso.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads the rollups the way auditors do: the rollup module's API is HTTP ({@code /api/rollups}), so the simulator
 * asks this app's own server, as the administrator ({@code hoso.admin.user} / {@code hoso.admin.password}).
 */
@Component
class RollupClient {

    private final Environment env;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RollupClient(Environment env) {
        this.env = env;
    }

    /** Whether this app serves HTTP (not so in a context without a web server). */
    boolean available() {
        return env.getProperty("local.server.port") != null;
    }

    List<JsonNode> tiers(LocalDate from, LocalDate to) {
        return rows("/api/rollups/tiers?from=" + from + "&to=" + to);
    }

    List<JsonNode> units(LocalDate from, LocalDate to) {
        return rows("/api/rollups/units?from=" + from + "&to=" + to);
    }

    long segments(LocalDate from, LocalDate to) {
        return tiers(from, to).stream().mapToLong(t -> t.path("segments").asLong()).sum();
    }

    private List<JsonNode> rows(String path) {
        String credentials = env.getRequiredProperty("hoso.admin.user") + ":"
                + env.getRequiredProperty("hoso.admin.password");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + env.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            List<JsonNode> rows = new ArrayList<>();
            json.readTree(response.body()).forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
