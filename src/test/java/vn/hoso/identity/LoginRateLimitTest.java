package vn.hoso.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.infra.CamundaWebSession;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.infra.Http.contentType;

/**
 * Failed logins are limited per client, never per account (the test profile: 20 failures per 10 s, a window long
 * enough for twenty requests on a busy machine). The limiter counts on a clock the test moves on instead of waiting
 * ({@link LoginLimiterClock}). Every test starts and ends with no failure in the window, so the rest of the suite
 * (same client, same accounts) never meets a 429.
 */
@IntegrationTest
class LoginRateLimitTest {

    static final String WRONG = "not-the-password";

    @LocalServerPort
    int port;
    @Autowired
    LoginRateLimiter limiter;
    @Autowired
    LoginLimitProperties limits;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngine engine;
    @Autowired
    UnitRegistry units;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AdminAccount admin;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.hoso.platform.StartupLock startupLock;
    Http http;

    int limit;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        limit = limits.maxFailures();
        assertThat(limit).as("the test profile's limit").isEqualTo(20);
        letTheWindowPass();
    }

    @AfterEach
    void leaveNoClientHeldBack() {
        letTheWindowPass();
    }

    /** The limiter's clock moves on by a window (LoginLimiterClock): every failure so far is out of it. */
    private void letTheWindowPass() {
        LoginLimiterClock.advance(limits.window());
        assertThat(limiter.anyRecentFailure()).as("a failure within the window").isFalse();
    }

    private HttpResponse<String> basic(String path, String user, String password) {
        return http.send(http.request(path, null).header("Authorization", Http.basic(user, password)).GET().build());
    }

    @Test
    void anonymousFailuresThroughEveryLoginHoldBackTheClientNotTheAccount() throws Exception {
        String owner = "officer.10507";
        CamundaWebSession web = new CamundaWebSession(port);
        DashboardForm dashboard = new DashboardForm();
        for (int i = 0; i < limit; i++) {
            switch (i % 3) {
                case 0 -> assertThat(basic("/api/units", owner, WRONG + i).statusCode()).as("attempt %d", i)
                        .isEqualTo(401);
                case 1 -> assertThat(web.login("tasklist", owner, WRONG + i).statusCode()).as("attempt %d", i)
                        .isEqualTo(401);
                default -> assertThat(dashboard.login(owner, WRONG + i).headers().firstValue("Location"))
                        .as("attempt %d", i).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login?error"));
            }
        }

        // the 21st attempt is refused without a password check, also with the right password, on every login
        assertHeldBack(basic("/api/units", owner, Http.DEMO_PASSWORD));
        assertHeldBack(basic("/engine-rest/engine", "admin", Http.DEMO_PASSWORD));
        assertHeldBack(basic("/actuator/metrics", "admin", Http.DEMO_PASSWORD));
        assertHeldBack(web.login("tasklist", owner, Http.DEMO_PASSWORD));
        assertHeldBack(dashboard.login(owner, Http.DEMO_PASSWORD));
        // requests without a password are not login attempts
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/units", null).statusCode()).isEqualTo(401);

        // Camunda has not locked the account: its owner's password works in the engine at once
        assertThat(identityService.checkPassword(owner, Http.DEMO_PASSWORD)).isTrue();

        // once the failures are out of the window, the client is let in again
        LoginLimiterClock.advance(limits.window());
        assertThat(basic("/api/units", owner, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(web.login("tasklist", owner, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(dashboard.login(owner, Http.DEMO_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/"));
    }

    private void assertHeldBack(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(429);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, (int) limits.window().toSeconds()));
    }

    @Test
    void theTwentyFirstFailureIsRefusedAndADevAccountWorksAfterFiftyAnonymousFailures() {
        String owner = "leader.10507";
        int unauthorized = 0;
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = basic("/api/units", owner, WRONG + i);
            if (response.statusCode() == 401) {
                unauthorized++;
            } else {
                assertHeldBack(response);
                refused++;
            }
            if (i == limit - 1) {
                assertThat(unauthorized).as("the first %d are checked", limit).isEqualTo(limit);
            }
        }
        assertThat(unauthorized).isEqualTo(limit);
        assertThat(refused).isEqualTo(50 - limit);

        LoginLimiterClock.advance(limits.window());
        assertThat(basic("/api/units", owner, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void camundaNeverLocksAnAccountItself() {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.getLoginDelayBase()).isZero();

        String owner = "officer.10510";
        for (int i = 0; i < 50; i++) {
            assertThat(identityService.checkPassword(owner, WRONG + i)).isFalse();
        }
        // also while the engine clock reads a time before the failures (the simulator and other tests set it back)
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3 * 365))));
        try {
            assertThat(identityService.checkPassword(owner, Http.DEMO_PASSWORD)).isTrue();
            assertThat(identityService.checkPassword(owner, WRONG)).isFalse();
            assertThat(basic("/api/units", owner, Http.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
        assertThat(identityService.checkPassword(owner, Http.DEMO_PASSWORD)).isTrue();
    }

    @Test
    void wrongCurrentPasswordsInAPasswordChangeCountAndChangeNothing() {
        String owner = "officer.10714";
        String body = "{\"password\":\"taken-over\",\"authenticatedUserPassword\":\"" + WRONG + "\"}";
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> change = http.send(http.request("/engine-rest/user/" + owner + "/credentials", owner)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertThat(change.statusCode()).as(change.body()).isEqualTo(400);
        }
        assertHeldBack(http.get("/api/units", owner));
        assertThat(identityService.checkPassword(owner, Http.DEMO_PASSWORD)).isTrue();
        assertThat(identityService.checkPassword(owner, "taken-over")).isFalse();
    }

    @Test
    void theEnginesPasswordCheckEndpointIsClosed() {
        String body = "{\"username\":\"admin\",\"password\":\"" + WRONG + "\"}";
        for (String path : new String[] {"/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify",
                "/engine-rest/identity/verify/", "/engine-rest/identity/%76erify"}) {
            var asOfficer = http.postJson(path, "officer.10507", body);
            assertThat(asOfficer.statusCode()).as(path).isIn(403, 404);
            assertThat(contentType(asOfficer)).as(path).startsWith("application/problem+json");
            assertThat(http.postJson(path, null, body).statusCode()).as(path).isEqualTo(401);
        }
        CamundaWebSession tasklist = CamundaWebSession.loggedIn(port, "tasklist", "officer.10507");
        var web = tasklist.postJson("/camunda/api/engine/engine/default/identity/verify", body, true);
        assertThat(web.statusCode()).isIn(401, 403);
        assertThat(web.body()).doesNotContain("authenticated");
    }

    @Test
    void atStartUpTheAdministratorGetsTheConfiguredPasswordIsUnlockedAndStaysAdministrator() {
        // locked by Camunda's own lock (as before this app turned it off): the engine refuses the right password
        jdbc.update("update act_id_user set attempts_ = 10, lock_exp_time_ = now() + interval '1 day' where id_ = ?",
                admin.user());
        assertThat(identityService.checkPassword(admin.user(), admin.password())).isFalse();
        startUpWith(admin);
        assertThat(identityService.checkPassword(admin.user(), admin.password())).isTrue();

        AdminAccount changed = new AdminAccount(admin.user(), "changed-on-restart");
        try {
            startUpWith(changed);
            assertThat(basic("/actuator/metrics", admin.user(), changed.password()).statusCode()).isEqualTo(200);
            assertThat(basic("/actuator/metrics", admin.user(), admin.password()).statusCode()).isEqualTo(401);
            assertThat(identityService.createUserQuery().userId(admin.user()).memberOfGroup(Groups.ADMINS).count())
                    .isEqualTo(1);
        } finally {
            startUpWith(admin);
        }
        assertThat(basic("/actuator/metrics", admin.user(), admin.password()).statusCode()).isEqualTo(200);
        assertThat(basic("/actuator/metrics", admin.user(), changed.password()).statusCode()).isEqualTo(401);
    }

    /** What a restart does to the identity model, with the given administrator settings. */
    private void startUpWith(AdminAccount account) {
        new IdentityBootstrap(identityService, authorizationService, units, account,
                new IdentityProperties(true), startupLock).afterSingletonsInstantiated();
    }

    /** The dashboard's login form in its own session: each attempt with a fresh CSRF token from the form. */
    private final class DashboardForm {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> login(String user, String password) throws Exception {
            URI loginPage = URI.create("http://localhost:" + port + "/dashboard/login");
            String page = client.send(HttpRequest.newBuilder(loginPage).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return client.send(HttpRequest.newBuilder(loginPage)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
