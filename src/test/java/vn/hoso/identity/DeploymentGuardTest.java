package vn.hoso.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** BPMN/DMN deployments over the engine REST: administrators only; everybody else 403 before the engine. */
@IntegrationTest
class DeploymentGuardTest {

    static final String NAME = "deployment-guard-probe";
    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="http://hoso.vn/test">
              <process id="deploymentGuardProbe" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="script"/>
                <scriptTask id="script" scriptFormat="groovy"><script>System.exit(1)</script></scriptTask>
                <sequenceFlow id="f2" sourceRef="script" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void onlyAdministratorsDeploy() {
        long before = repositoryService.createDeploymentQuery().count();
        for (String user : new String[] {"officer.10714", "leader.10714", "leader.31", "auditor"}) {
            var response = deploy("/engine-rest/deployment/create", user);
            assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
            // the same through the engine-named path
            assertThat(deploy("/engine-rest/engine/default/deployment/create", user).statusCode()).as(user)
                    .isEqualTo(403);
        }
        assertThat(deploy("/engine-rest/deployment/create", null).statusCode()).isEqualTo(401);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(NAME).count()).isZero();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);

        // nor may they redeploy or delete what is there
        String existing = repositoryService.createDeploymentQuery().orderByDeploymentTime().asc().list().get(0).getId();
        assertThat(http.send(http.request("/engine-rest/deployment/" + existing, "officer.10714")
                .DELETE().build()).statusCode()).isEqualTo(403);
        assertThat(http.postJson("/engine-rest/deployment/" + existing + "/redeploy", "auditor", "{}").statusCode())
                .isEqualTo(403);
        // reading stays open (the engine filters what each may see)
        assertThat(http.get("/engine-rest/deployment", "officer.10714").statusCode()).isEqualTo(200);

        var admin = deploy("/engine-rest/deployment/create", "admin");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        String id = Http.json(admin).get("id").asText();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult().getKey())
                    .isEqualTo("deploymentGuardProbe");
        } finally {
            var deleted = http.send(http.request("/engine-rest/deployment/" + id + "?cascade=true", "admin")
                    .DELETE().build());
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName(NAME).count()).isZero();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    private HttpResponse<String> deploy(String path, String user) {
        String body = "--XX\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + NAME + "\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + BPMN + "\r\n--XX--\r\n";
        return http.send(http.request(path, user).header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
