package vn.hoso.infra;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with the Camunda web apps: cookies, the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN (unless
 * told not to), form login into one app (tasklist, cockpit, admin) that reports refusals instead of throwing, and
 * anonymous sessions.
 */
public final class CamundaWebSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public CamundaWebSession(int port) {
        this.base = "http://localhost:" + port;
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build());
    }

    /** A session of {@code user} (demo password) in {@code app}; fails when the login is refused. */
    public static CamundaWebSession loggedIn(int port, String app, String user) {
        CamundaWebSession session = new CamundaWebSession(port);
        HttpResponse<String> login = session.login(app, user, Http.DEMO_PASSWORD);
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log into " + app + ": " + login.statusCode());
        }
        return session;
    }

    /** Logs into {@code app}; the answer (200 when the user may use that app). */
    public HttpResponse<String> login(String app, String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() == 200) {
            // the login starts a new session; its first GET hands out the session's XSRF token, as in a browser
            get("/camunda/api/admin/auth/user/default");
        }
        return response;
    }

    public String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    /** The session's cookies as a {@code Cookie} header value, for requests sent another way ({@link RawHttp}). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    /** POST JSON with the session cookie; with the XSRF header when {@code withToken}. */
    public HttpResponse<String> postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            builder.header("X-XSRF-TOKEN", xsrf());
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return Http.send(client, request);
    }

    /** GET with the session cookie, the body as bytes (a PDF). */
    public HttpResponse<byte[]> sendForBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
