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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.infra.CamundaWebSession;

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
    @Autowired
    org.camunda.bpm.engine.FilterService filterService;
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
    void expressionKeysAreRefusedHoweverTheyAreSpelledAndWhereverTheyCome() {
        long filters = filterCount();
        // a JSON escape in the key was not seen by the guard (it matched the raw text) and reached the engine
        for (String body : new String[] {
                "{\"orQueries\":[{\"assignee\\u0045xpression\":\"${currentUser()}\"}]}",
                "{\"orQueries\":[{\"\\u0063andidateGroupExpression\":\"${currentUserGroups()}\"}]}",
                "{\"orQueries\":[{\"assigneeEXPRESSION\":\"${currentUser()}\"}]}",
                "{\"orQueries\":[{\"taskName\":\"x\",\"orQueries\":[{\"ownerExpression\":\"${1}\"}]}]}",
                "{\"candidateUserExpression\" \n :\"${currentUser()}\"}",
                "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]",   // malformed: refused too
        }) {
            for (String path : new String[] {"/engine-rest/task", "/engine-rest/task/count",
                    "/engine-rest/engine/default/task"}) {
                var response = http.postJson(path, "officer.10507", body);
                assertThat(response.statusCode()).as(path + " " + body).isEqualTo(400);
                assertThat(Http.contentType(response)).startsWith("application/problem+json");
            }
            var filter = http.postJson("/engine-rest/filter/create", "admin",
                    "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + body + "}");
            assertThat(filter.statusCode()).as("filter " + body).isEqualTo(400);
        }
        assertThat(filterCount()).isEqualTo(filters);
        assertThat(http.get("/engine-rest/task/count?candidateGroupExpression=%24%7BcurrentUserGroups()%7D",
                "officer.10507").statusCode()).isEqualTo(400);

        // the web apps' engine API, with a Tasklist session
        CamundaWebSession tasklist = new CamundaWebSession(port);
        assertThat(tasklist.login("tasklist", "officer.10507", "demo").statusCode()).isEqualTo(200);
        var webapp = tasklist.postJson("/camunda/api/engine/engine/default/task",
                "{\"orQueries\":[{\"assignee\\u0045xpression\":\"${currentUser()}\"}]}", true);
        assertThat(webapp.statusCode()).isEqualTo(400);
        assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task", "{\"orQueries\":[{\"assignee\":\"x\"}]}",
                true).statusCode()).isEqualTo(200);
    }

    @Test
    void theSetupEndpointCannotBeReachedUnderAnotherSpelling() {
        long admins = identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count();
        for (String path : new String[] {
                "/camunda/api/admin/setup/default/user/create",
                "/camunda/api/admin/setup/default/user/create/",
                "/camunda/api/admin/./setup/default/user/create",
                "/camunda/api/admin//setup/default/user/create",
                "/camunda/api/admin/x/../setup/default/user/create",
                "/camunda/api/admin/set%75p/default/user/create",
                "/camunda/api/admin/setup/%64efault/user/create",
                "/camunda/api/admin/setup/default/user/create;jsessionid=x",
                "/camunda/api/admin/setup%2Fdefault/user/create",
                "/camunda/api/admin/SETUP/default/user/create",
                "/camunda/api/admin/setup/default/user/create?x=1"}) {
            var response = http.send(http.request(path, null)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"profile\":{\"id\":\"intruder2\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                                    + "\"credentials\":{\"password\":\"intruder2\"}}"))
                    .build());
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(Http.contentType(response)).as(path).startsWith("application/problem+json");
        }
        // even an administrator's web session cannot use it
        CamundaWebSession admin = new CamundaWebSession(port);
        assertThat(admin.login("admin", "admin", "demo").statusCode()).isEqualTo(200);
        assertThat(admin.postJson("/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder2\"},\"credentials\":{\"password\":\"intruder2\"}}", true)
                .statusCode()).isIn(401, 403);
        assertThat(identityService.createUserQuery().userId("intruder2").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isEqualTo(admins);
    }

    @Test
    void csrfProtectionOnTheWebAppsStaysOn() {
        String instance = startProbe("10714");
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        CamundaWebSession tasklist = new CamundaWebSession(port);
        assertThat(tasklist.login("tasklist", "officer.10714", "demo").statusCode()).isEqualTo(200);
        String claim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";

        // the session cookie alone does not change anything
        var noToken = tasklist.postJson(claim, "{\"userId\":\"officer.10714\"}", false);
        assertThat(noToken.statusCode()).as(noToken.headers() + " " + noToken.body()).isIn(401, 403);
        var wrongToken = tasklist.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + claim))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"officer.10714\"}")).build());
        assertThat(wrongToken.statusCode()).as(wrongToken.body()).isIn(401, 403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(tasklist.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/camunda/api/admin/auth/user/default/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);

        // with the token echoed, the same call works (in a new session: Camunda ends one that failed the check)
        CamundaWebSession fresh = new CamundaWebSession(port);
        assertThat(fresh.login("tasklist", "officer.10714", "demo").statusCode()).isEqualTo(200);
        assertThat(fresh.postJson(claim, "{\"userId\":\"officer.10714\"}", true).statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo("officer.10714");
        taskService.complete(task.getId());
    }

    private long filterCount() {
        return filterService.createFilterQuery().count();
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
