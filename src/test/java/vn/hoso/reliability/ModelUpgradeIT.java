package vn.hoso.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed model deployed while cases are open (docs/operations.md, "Deploy a changed model"): the cases started on
 * the old version finish on it, with the old version's forms in Tasklist; new cases take the new version; an open
 * case moved to the new version with Camunda's migration API finishes there; every chain stays valid and nothing is
 * lost ({@link LossCheck}).
 *
 * <p>{@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ModelUpgradeIT}
 */
class ModelUpgradeIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(ModelUpgradeIT.class);
    private static final String OLD_NAME = "name=\"Thẩm định hồ sơ\"";
    private static final String NEW_TASK_NAME = "Thẩm định hồ sơ (quy trình sửa đổi)";
    private static final String OLD_LABEL = "\"label\": \"Kết quả\"";
    private static final String NEW_LABEL = "Kết quả thẩm định";

    @Test
    void openCasesFinishOnTheirVersionWithTheirFormsAndAMigratedCaseFinishesOnTheNewOne() throws Exception {
        rig = new FaultRig("model");
        AppProcess app = rig.node("app", Map.of());
        app.start();
        app.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));

        String oldCase = receive();
        String migratedCase = receive();
        String v1 = segmentDefinition(1);

        // the changed model: a renamed step and a renamed form field label, deployed with its forms
        HttpResponse<String> deployed = deploy(app);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String v2 = segmentDefinition(2);
        String newCase = receive();

        // the case started before finishes its next step on version 1, with version 1's form
        Task oldAppraise = completeReceiveAndGetNext(oldCase);
        assertThat(oldAppraise.definitionId()).isEqualTo(v1);
        assertThat(oldAppraise.name()).isEqualTo("Thẩm định hồ sơ");
        String oldForm = deployedForm(oldAppraise);
        assertThat(oldForm).contains(OLD_LABEL).doesNotContain(NEW_LABEL);

        // a new case runs on version 2
        Task newAppraise = completeReceiveAndGetNext(newCase);
        assertThat(newAppraise.definitionId()).isEqualTo(v2);
        assertThat(newAppraise.name()).isEqualTo(NEW_TASK_NAME);
        assertThat(deployedForm(newAppraise)).contains(NEW_LABEL);

        // an open case moved to version 2 with the migration API
        String instance = rig.db.query("select id_ from act_ru_execution where business_key_ = ? and proc_def_id_ = ? "
                + "and parent_id_ is null", rs -> rs.getString(1), migratedCase, v1).get(0);
        Client.Result plan = rig.client.post("/engine-rest/migration/generate", Users.ADMIN,
                "{\"sourceProcessDefinitionId\":\"" + v1 + "\",\"targetProcessDefinitionId\":\"" + v2
                        + "\",\"updateEventTriggers\":true}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        Client.Result migrated = rig.client.post("/engine-rest/migration/execute", Users.ADMIN,
                "{\"migrationPlan\":" + plan.body() + ",\"processInstanceIds\":[\"" + instance + "\"]}");
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(204);
        Task migratedAppraise = completeReceiveAndGetNext(migratedCase);
        assertThat(migratedAppraise.definitionId()).isEqualTo(v2);
        assertThat(migratedAppraise.name()).isEqualTo(NEW_TASK_NAME);

        // everything finishes: the open tasks worked by the units' officers and leaders
        LoadDriver finish = new LoadDriver(rig.client, rig.db, 2, 0, rig.seed);
        finish.start();
        assertThat(finish.awaitDone(Duration.ofMinutes(3))).as(finish.summary()).isTrue();
        for (String caseId : List.of(oldCase, migratedCase, newCase)) {
            assertThat(rig.db.count("select count(*) from case_event where case_id = ? and type = "
                    + "'vn.hoso.case.resolved'", caseId)).as(caseId + " resolved").isEqualTo(1);
        }
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(120));
        log.info("ModelUpgradeIT: {}; finishing load {}", report, finish.summary());
    }

    record Task(String id, String name, String definitionId, String group) {
    }

    private String receive() {
        Client.Result r = rig.client.post("/api/cases", "officer.10507", """
                {"kind":"PROCEDURE","procedureCode":"BIRTH_REG","receivingUnit":"10507","channel":"ONLINE",\
                "subject":"Khai sinh","applicant":{"name":"Nguyễn Văn An","idNumber":"030095001234"}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("caseId").asText();
    }

    private String segmentDefinition(int version) {
        return rig.db.query("select id_ from act_re_procdef where key_ = 'hoso-segment' and version_ = ?",
                rs -> rs.getString(1), version).get(0);
    }

    private Task openTask(String caseId, String step) {
        return Awaitility.await(caseId + " " + step).atMost(Duration.ofSeconds(30)).until(() -> rig.db.query("""
                select t.id_, t.name_, t.proc_def_id_, l.group_id_ from act_ru_task t
                join act_ru_execution p on p.id_ = t.proc_inst_id_
                left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
                where p.business_key_ = ? and t.task_def_key_ = ?""",
                rs -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), caseId, step),
                list -> !list.isEmpty()).get(0);
    }

    private Task completeReceiveAndGetNext(String caseId) {
        Task receive = openTask(caseId, "receive");
        Client.Result done = rig.client.post("/engine-rest/task/" + receive.id() + "/complete",
                Users.memberOf(receive.group()), "{\"variables\":{}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        return openTask(caseId, "appraise");
    }

    private String deployedForm(Task task) {
        Client.Result form = rig.client.get("/engine-rest/task/" + task.id() + "/deployed-form",
                Users.memberOf(task.group()));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return form.body();
    }

    /** POST /engine-rest/deployment/create as the administrator: the changed segment model and every form. */
    private static HttpResponse<String> deploy(AppProcess app) throws IOException, InterruptedException {
        String bpmn = Files.readString(Path.of("bpmn/hoso-segment.bpmn"));
        assertThat(bpmn).contains(OLD_NAME);
        StringBuilder body = new StringBuilder();
        part(body, "deployment-name", null, "hoso-model-upgrade");
        part(body, "hoso-segment.bpmn", "hoso-segment.bpmn", bpmn.replace(OLD_NAME, "name=\"" + NEW_TASK_NAME + "\""));
        try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
            for (Path form : forms.sorted().toList()) {
                String text = Files.readString(form);
                if (form.getFileName().toString().equals("hoso-appraise.form")) {
                    assertThat(text).contains(OLD_LABEL);
                    text = text.replace(OLD_LABEL, "\"label\": \"" + NEW_LABEL + "\"");
                }
                part(body, form.getFileName().toString(), form.getFileName().toString(), text);
            }
        }
        body.append("--XX--\r\n");
        String auth = Base64.getEncoder().encodeToString((Users.ADMIN + ":" + Users.password(Users.ADMIN))
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/engine-rest/deployment/create")).header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void part(StringBuilder body, String name, String filename, String content) {
        body.append("--XX\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            body.append("; filename=\"").append(filename).append("\"\r\nContent-Type: application/octet-stream");
        }
        body.append("\r\n\r\n").append(content).append("\r\n");
    }

}
