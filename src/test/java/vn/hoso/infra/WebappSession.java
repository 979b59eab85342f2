package vn.hoso.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What the Camunda web apps do in a browser, without the browser: a session cookie from the login form and the
 * XSRF token the web apps' API requires on every state-changing call.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private String xsrf;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Opens the app's page (which hands out the XSRF cookie) and logs in with the demo password. */
    public static WebappSession login(int port, String app, String user) {
        WebappSession session = new WebappSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + Http.DEMO_PASSWORD;
        HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log into " + app + ": " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        return xsrf == null ? builder : builder.header("X-XSRF-TOKEN", xsrf);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse(xsrf);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
