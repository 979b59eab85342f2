package vn.hoso.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the app nodes that are up: each request goes to one of them at random. A request that does not reach a
 * node or gets no answer (the node was killed) throws {@link Unreachable}.
 */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicReference<List<String>> nodes = new AtomicReference<>(List.of());

    /** The base URLs requests may go to (set by the test when it kills or restarts a node). */
    void nodes(List<String> baseUrls) {
        nodes.set(List.copyOf(baseUrls));
    }

    Result get(String path, String user) {
        return send(path, user, b -> b.GET());
    }

    Result post(String path, String user, String json) {
        return send(path, user, b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Result put(String path, String user) {
        return send(path, user, b -> b.PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** GET from one given node. */
    Result getFrom(String base, String path, String user) {
        return send(base, path, user, b -> b.GET());
    }

    private Result send(String path, String user, java.util.function.UnaryOperator<HttpRequest.Builder> method) {
        List<String> live = nodes.get();
        if (live.isEmpty()) {
            throw new Unreachable("no node up", null);
        }
        return send(live.get(ThreadLocalRandom.current().nextInt(live.size())), path, user, method);
    }

    private Result send(String base, String path, String user,
                        java.util.function.UnaryOperator<HttpRequest.Builder> method) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + Users.password(user)).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> r = http.send(method.apply(b).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Result(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new Unreachable(base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }
}
