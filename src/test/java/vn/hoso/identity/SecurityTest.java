package vn.hoso.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.infra.Http.json;

@IntegrationTest
class SecurityTest {

    static final String PROBE = "security-probe";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn",
                    Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                            .startEvent()
                            .userTask("work").camundaCandidateGroups("officers.${unit}")
                            .endEvent().done())
                    .deploy();
        }
    }

    @Test
    void anonymousCallsToTheEngineRestAre401() {
        assertThat(http.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOfficerSeesAndCompletesOnlyTheTasksOfTheirOwnUnit() {
        String mine = startProbe("10507");
        String theirs = startProbe("10510");
        Task theirTask = taskService.createTaskQuery().processInstanceId(theirs).singleResult();
        Task myTask = taskService.createTaskQuery().processInstanceId(mine).singleResult();

        var listed = json(http.get("/engine-rest/task?processDefinitionKey=" + PROBE, "officer.10507"));
        assertThat(listed).extracting(t -> t.get("processInstanceId").asText()).contains(mine).doesNotContain(theirs);

        assertThat(http.get("/engine-rest/task/" + theirTask.getId(), "officer.10507").statusCode())
                .isIn(403, 404);
        var complete = http.postJson("/engine-rest/task/" + theirTask.getId() + "/complete", "officer.10507", "{}");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(theirTask.getId()).count()).isEqualTo(1);

        var mineCompleted = http.postJson("/engine-rest/task/" + myTask.getId() + "/complete", "officer.10507", "{}");
        assertThat(mineCompleted.statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(myTask.getId()).count()).isZero();

        // the other commune's officer does see their own task
        var theirList = json(http.get("/engine-rest/task?processDefinitionKey=" + PROBE, "officer.10510"));
        assertThat(theirList).extracting(t -> t.get("id").asText()).contains(theirTask.getId());
    }

    @Test
    void theAdminSetupEndpointCannotCreateAnAdministrator() {
        var response = http.send(http.request("/camunda/api/admin/setup/default/user/create", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                                + "\"credentials\":{\"password\":\"intruder\"}}"))
                .build());
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isPositive();
    }

    @Test
    void expressionsInTaskQueriesAreRefused() {
        var response = http.postJson("/engine-rest/task", "officer.10507",
                "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        var filterWithExpression = http.postJson("/engine-rest/filter/create", "officer.10507",
                "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":"
                        + "[{\"candidateGroupExpression\":\"${currentUserGroups()}\"}]}}");
        assertThat(filterWithExpression.statusCode()).isEqualTo(400);
        assertThat(http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", "officer.10507")
                .statusCode()).isBetween(400, 499);
    }

    @Test
    void actuatorHealthIsPublicTheRestIsForAdministrators() {
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "officer.10507").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerLogsIntoTasklist() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;

        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

        String form = "username=" + URLEncoder.encode("officer.10507", StandardCharsets.UTF_8) + "&password=demo";
        var login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("officer.10507").contains("tasklist");

        var wrong = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=leader.292&password=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isIn(401, 403);
    }

    private String startProbe(String unit) {
        return runtimeService.createProcessInstanceByKey(PROBE).setVariable("unit", unit).execute().getId();
    }
}
