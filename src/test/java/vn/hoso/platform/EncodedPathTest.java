package vn.hoso.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * Every spelling of a guarded path ({@link PathSpellings}: encoded letters, dots, slashes, double encoding, overlong
 * UTF-8, invalid escapes, path parameters, doubled slashes, NUL, Unicode …) on the product API, the rollups, the
 * engine REST, the web apps' engine API, the actuator and the dashboard, without a body and with a body over the
 * path's limit, anonymous and as an officer (HTTP Basic and a Tasklist session). Whatever the spelling:
 * <ul>
 * <li>never a 5xx;</li>
 * <li>never a 2xx where the plain spelling gets none (anonymous stays out, the officer stays out of what is not
 * theirs);</li>
 * <li>a body over the limit is a 413 wherever the plain spelling's is, unless the spelling itself is refused (the
 * same 400 or 404 without the body): it never reaches a handler, and no case is created;</li>
 * <li>a 4xx is {@code application/problem+json} with the status in it, except what the engine answers itself.</li>
 * </ul>
 */
@IntegrationTest
class EncodedPathTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFICER = "officer.10714";
    static final String PROBE_SUBJECT = "encoded-path-probe";
    static final int API_LIMIT = 256 * 1024;
    static final int ENGINE_LIMIT = 5 * 1024 * 1024;

    /**
     * @param anonymous the plain spelling's status without a body, anonymous
     * @param officer   the same as the officer (so that the officer's credentials are known to work)
     * @param limited   whether the path has a body limit (413 with the plain spelling)
     */
    record Target(String method, String path, String query, int bodySize, boolean limited, boolean engine,
                  int anonymous, int officer) {
    }

    static final List<Target> TARGETS = List.of(
            // an empty body: 400 from the intake itself
            new Target("POST", "/api/cases", "", API_LIMIT, true, false, 401, 400),
            // province-wide rollups: not for a commune officer
            new Target("GET", "/api/rollups/tiers", "?from=2026-04-01&to=2026-04-30", API_LIMIT, true, false, 401, 403),
            new Target("GET", "/engine-rest/task", "", ENGINE_LIMIT, true, true, 401, 200),
            new Target("GET", "/camunda/api/engine/engine/default/task", "", ENGINE_LIMIT, true, true, 401, 200),
            new Target("GET", "/actuator/prometheus", "", API_LIMIT, false, false, 401, 403),
            // anonymous: to the login form
            new Target("GET", "/dashboard/", "", API_LIMIT, true, false, 302, 200));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    RawHttp http;
    String tasklistCookie;
    String dashboardCookie;
    final Map<String, RawHttp.Response> answers = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> everySpellingOfAGuardedPathIsAnsweredAsSafelyAsThePlainOne() {
        http = new RawHttp(port);
        tasklistCookie = CamundaWebSession.loggedIn(port, "tasklist", OFFICER).cookieHeader();
        dashboardCookie = dashboardSession(OFFICER);
        long probesBefore = probeCases();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("a probe body under the limit is a valid case (so a 413 is the limit)",
                () -> {
                    var under = send("/api/cases", "POST", "/api/cases", OFFICER, caseBody("encoded-path-control", API_LIMIT - 1024));
                    assertThat(under.status()).as(under.body()).isEqualTo(201);
                }));
        for (Target target : TARGETS) {
            for (String user : new String[] {null, OFFICER}) {
                for (boolean big : new boolean[] {false, true}) {
                    List<DynamicTest> cells = new ArrayList<>();
                    PathSpellings.of(target.path()).forEach((label, spelling) -> cells.add(DynamicTest.dynamicTest(
                            label + ": " + spelling, () -> check(target, user, big, label, spelling))));
                    nodes.add(DynamicContainer.dynamicContainer(target.method() + " " + target.path() + " as "
                            + (user == null ? "anonymous" : user) + (big ? ", body over the limit" : ""), cells));
                }
            }
        }
        nodes.add(DynamicTest.dynamicTest("no body over the limit created a case",
                () -> assertThat(probeCases()).isEqualTo(probesBefore)));
        return nodes.stream();
    }

    /**
     * The engine REST decodes a task id in the path ({@code /task/%61bc…/complete} completes task {@code abc…}), so
     * the step guard must too: a step's bad input through an encoded task id is the same 400, and nothing moves.
     */
    @Test
    void aStepCompletedThroughAnEncodedTaskIdIsCheckedLikeAnyOther() {
        CaseDriver driver = new CaseDriver(new Http(port), taskService);
        String caseId = driver.receive(CaseDriver.procedure("BIRTH_REG", "10714", "ONLINE"));
        Task receive = driver.task(caseId, RECEIVE);
        String id = receive.getId();
        String encodedId = String.format("%%%02X", (int) id.charAt(0)) + id.substring(1);
        String path = "/engine-rest/task/" + encodedId + "/complete";

        var bad = driver.http.postJson(path, OFFICER, "{\"variables\":{\"mode\":{\"value\":\"TELEPATHY\"}}}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(Http.contentType(bad)).startsWith("application/problem+json");
        assertThat(bad.body()).contains("mode");
        assertThat(driver.task(caseId, RECEIVE).getId()).isEqualTo(id);

        var good = driver.http.postJson(path, OFFICER, "{\"variables\":{\"mode\":{\"value\":\"PAPER\"}}}");
        assertThat(good.statusCode()).as("the encoded id names the task: %s", good.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(id).count()).isZero();
    }

    private void check(Target target, String user, boolean big, String label, String spelling) {
        RawHttp.Response plain = answer(target, user, big, target.path());
        RawHttp.Response answer = answer(target, user, big, spelling);
        String what = target.method() + " " + spelling + " as " + (user == null ? "anonymous" : user)
                + (big ? " with a body over the limit" : "") + " -> " + answer.status() + " " + answer.contentType()
                + " " + abbreviate(answer.body()) + " (plain: " + plain.status() + ")";
        assertThat(answer.status()).as(what).isLessThan(500);
        if (label.equals("plain")) {
            assertThat(answer.status()).as(what)
                    .isEqualTo(big && target.limited() ? 413 : user == null ? target.anonymous() : target.officer());
        } else {
            if (!is2xx(plain.status())) {
                assertThat(is2xx(answer.status())).as(what).isFalse();
            }
            if (big && plain.status() == 413 && answer.status() != 413) {
                RawHttp.Response withoutBody = answer(target, user, false, spelling);
                assertThat(answer.status()).as(what + "; without the body: " + withoutBody.status())
                        .isIn(400, 404).isEqualTo(withoutBody.status());
            }
        }
        if (answer.status() >= 400 && !fromTheEngine(target, answer)) {
            assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
            assertThat(json(answer.body()).path("status").asInt()).as(what).isEqualTo(answer.status());
        }
    }

    /** The engine REST and the web apps' API answer their own errors (Camunda's JSON, or none), not ours. */
    private static boolean fromTheEngine(Target target, RawHttp.Response answer) {
        return target.engine() && !answer.contentType().startsWith("application/problem+json")
                && (answer.body().isEmpty() || answer.body().contains("\"type\""));
    }

    private RawHttp.Response answer(Target target, String user, boolean big, String spelling) {
        String key = target.method() + " " + spelling + target.query() + " " + user + " " + big;
        return answers.computeIfAbsent(key, k -> send(target.path(), target.method(), spelling + target.query(), user,
                big ? bigBody(target) : null));
    }

    /** @param api the plain path of the API spelled in {@code target}: whose credentials to send */
    private RawHttp.Response send(String api, String method, String target, String user, byte[] body) {
        List<String> headers = new ArrayList<>(List.of("Accept: application/json"));
        if (user != null) {
            // each API with its own credentials: a Basic-authenticated call carrying a web session's cookie gets the
            // session a new id (Set-Cookie), which a client that does not follow it (this one) would lose
            headers.add(api.startsWith("/camunda/") ? "Cookie: " + tasklistCookie
                    : api.startsWith("/dashboard") ? "Cookie: " + dashboardCookie
                    : "Authorization: " + Http.basic(user, Http.DEMO_PASSWORD));
        }
        if (body != null) {
            headers.add("Content-Type: " + (method.equals("POST") ? "application/json" : "text/plain"));
        }
        if (body == null && method.equals("POST")) {
            body = new byte[0];
        }
        return http.send(method, target, body, headers.toArray(String[]::new));
    }

    /** Over the limit; on {@code /api/cases} a valid case (padded with white space) that the intake would accept. */
    private static byte[] bigBody(Target target) {
        return target.method().equals("POST") ? caseBody(PROBE_SUBJECT, target.bodySize() + 1024)
                : "z".repeat(target.bodySize() + 1024).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] caseBody(String subject, int size) {
        String json = "{\"kind\":\"WORK\",\"procedureCode\":\"WORK_INCOMING\",\"receivingUnit\":\"10714\","
                + "\"channel\":\"ONLINE\",\"subject\":\"" + subject + "\"}";
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** The cookies of a dashboard session of {@code user} (form login with the login page's CSRF token). */
    private String dashboardSession(String user) {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        String page = send(client, HttpRequest.newBuilder(URI.create(base + "/dashboard/login")).GET().build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + Http.DEMO_PASSWORD + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.headers().firstValue("Location").orElse("")).as("dashboard login").endsWith("/dashboard/");
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long probeCases() {
        return jdbc.queryForObject("select count(*) from case_file where subject = ?", Long.class, PROBE_SUBJECT);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
