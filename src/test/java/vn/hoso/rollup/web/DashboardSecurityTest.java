package vn.hoso.rollup.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's session login: form login with CSRF, the session reaches /dashboard/api only, CSRF on POSTs. */
@IntegrationTest
class DashboardSecurityTest {

    @LocalServerPort
    int port;
    CookieManager cookies;
    HttpClient client;

    @BeforeEach
    void setUp() {
        cookies = new CookieManager();
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private String csrfFromLoginPage() throws Exception {
        var page = send(to("/dashboard/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đăng nhập", "Tên đăng nhập", "Mật khẩu");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> login(String user, String password, String csrf) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + (csrf == null ? "" : "&_csrf=" + csrf);
        return send(to("/dashboard/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void thePageRedirectsToTheLoginFormAndTheApiAnswers401WithoutASession() throws Exception {
        var page = send(to("/dashboard/"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/dashboard/login");
        var api = send(to("/dashboard/api/rollups/me"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefusedAndAWrongPasswordGoesBackToTheForm() throws Exception {
        csrfFromLoginPage();
        assertThat(login("auditor", Http.DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        var wrong = login("leader.299", "not-the-password", csrfFromLoginPage());
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/dashboard/login?error");
    }

    @Test
    void afterLoginTheSessionReadsTheDashboardApiButPostsNeedTheCsrfHeader() throws Exception {
        var ok = login("admin", Http.DEMO_PASSWORD, csrfFromLoginPage());
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/dashboard/");

        var me = send(to("/dashboard/api/rollups/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"admin\"");
        var page = send(to("/dashboard/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Theo cấp so với chỉ tiêu", "/webjars/chart.js/dist/chart.umd.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(send(to("/webjars/chart.js/dist/chart.umd.js")).statusCode()).isEqualTo(200);

        // the session does not open the stateless /api chain
        assertThat(send(to("/api/rollups/me")).statusCode()).isEqualTo(401);
        // a POST with the session but without the token is refused before it does anything
        var noToken = send(to("/dashboard/api/rollups/rebuild").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noToken.statusCode()).isEqualTo(403);
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(DashboardSecurity.CSRF_COOKIE)).findFirst().orElseThrow().getValue();
        var logout = send(to("/dashboard/logout").header(DashboardSecurity.CSRF_HEADER, token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(send(to("/dashboard/api/rollups/me")).statusCode()).isEqualTo(401);
    }
}
