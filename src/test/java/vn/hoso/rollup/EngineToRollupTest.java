package vn.hoso.rollup;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APOLOGY_TIMER;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;

/**
 * The whole pipeline: cases worked through the real engine, their events relayed to Kafka, consumed into the read
 * model, and the rollup shows exactly the segments the test worked (on a day no other test uses).
 */
@IntegrationTest
class EngineToRollupTest {

    static final String DAY = "2023-11-15";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void casesWorkedInTheEngineShowUpInTheUnitRollup() {
        CaseDriver driver = new CaseDriver(new Http(port), taskService);
        CaseDriver.clockAt(DAY + "T08:00:00+07:00");
        String electronic = driver.receive(procedure("BIRTH_REG", "10525", "IN_PERSON"));
        String withPaper = driver.receive(procedure("BIRTH_REG", "10525", "ONLINE"));
        for (String caseId : new String[] {electronic, withPaper}) {
            driver.complete(caseId, RECEIVE, "officer.10525");
            driver.complete(caseId, APPRAISE, "officer.10525");
            driver.complete(caseId, APPROVE, "leader.10525",
                    caseId.equals(withPaper) ? Map.of("mode", "PAPER") : Map.of());
            driver.complete(caseId, ISSUE, "officer.10525");
            driver.complete(caseId, RETURN_RESULT, "officer.10525");
        }

        String path = "/api/rollups/units?tier=COMMUNE&unit=10525&from=" + DAY + "&to=" + DAY;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rows = Http.json(driver.http.get(path, "auditor"));
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.path("unitCode").asText()).isEqualTo("10525");
                assertThat(row.path("segments").asLong()).isEqualTo(2);
                assertThat(row.path("processedOnline").asLong()).isEqualTo(1);
                assertThat(row.path("onlineRate").asDouble()).isEqualTo(0.5);
                assertThat(row.path("target").asDouble()).isEqualTo(0.7);
                assertThat(row.path("met").asBoolean()).isFalse();
            });
        });
    }

    /**
     * Issue 12 through the engine: an apologised open case is late in Biểu II.06a and the 766 score, a Mẫu 03
     * refusal moves no received or finished count, and the default report has no work files.
     */
    @Test
    void anApologisedCaseIsLateARefusalIsNotReceivedAndWorkFilesAreNotInTheDefaultReport() {
        CaseDriver driver = new CaseDriver(new Http(port), taskService);
        String day = "2023-11-16";
        CaseDriver.clockAt(day + "T08:00:00+07:00"); // Thursday; MARRIAGE_REG: 3 working days → due Tuesday 21/11
        String apologised = driver.receive(procedure("MARRIAGE_REG", "10564", "ONLINE"));
        driver.complete(apologised, RECEIVE, "officer.10564");
        String main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(apologised)
                .processDefinitionKey(vn.hoso.cases.CaseModel.CASE_PROCESS).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(main)
                .activityId(APOLOGY_TIMER).singleResult().getId());
        driver.complete(apologised, APOLOGY, "officer.10564", Map.of("newAppointmentDate", "2023-11-30"));
        String refused = driver.receive(procedure("MARRIAGE_REG", "10564", "IN_PERSON"));
        driver.complete(refused, RECEIVE, "officer.10564", Map.of("outcome", "REJECT"));
        Map<String, Object> work = new java.util.LinkedHashMap<>(Map.of("kind", "WORK", "procedureCode",
                "WORK_INCOMING", "receivingUnit", "10564", "channel", "ONLINE", "subject", "Công văn đến"));
        driver.receive(work);

        String path = "/api/rollups/report/units?unit=10564&from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Http.json(driver.http.get(path, "auditor")).path(0);
            assertThat(row.path("received").asLong()).isEqualTo(1);
            assertThat(row.path("refused").asLong()).isEqualTo(1);
            assertThat(row.path("finished").asLong()).isZero();
            assertThat(row.path("inProgressWithinTime").asLong()).isZero();
            assertThat(row.path("inProgressLate").asLong()).isEqualTo(1);
            assertThat(row.path("progressScore").asDouble()).isZero();
            JsonNode works = Http.json(driver.http.get(path + "&kind=WORK", "auditor")).path(0);
            assertThat(works.path("received").asLong()).isEqualTo(1);
            assertThat(works.path("inProgressWithinTime").asLong()).isEqualTo(1);
        });
    }
}
