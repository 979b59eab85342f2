package vn.hoso.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.clockAt;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.AWAIT_SUPPLEMENT;
import static vn.hoso.cases.CaseModel.CASE_PROCESS;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;

/** Cases driven end to end through the real engine, as officers and leaders do it. */
@IntegrationTest
class CaseWorkflowTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    vn.hoso.events.CaseEventLog eventLog;
    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(new Http(port), taskService);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void aCommuneOnlyCaseIsReceivedProcessedAndReturnedAtTheCommune() {
        clockAt("2026-03-10T08:00:00+07:00");
        String caseId = driver.receive(procedure("BIRTH_REG", "10507", "IN_PERSON"));
        JsonNode received = driver.caseFile(caseId, "officer.10507");
        assertThat(received.get("code").asText()).matches("10507-260310-\\d{4}");
        assertThat(received.get("dueDate").asText()).as("same day (Luật Hộ tịch 2014, Art. 16)")
                .isEqualTo("2026-03-10");
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("currentUnit").asText()).isEqualTo("10507");
        assertThat(received.get("currentTier").asText()).isEqualTo("COMMUNE");

        Task receive = driver.task(caseId, RECEIVE);
        assertThat(driver.candidateGroups(receive)).containsExactly("officers.10507");
        assertThat(receive.getDueDate()).isNotNull();
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507");
        assertThat(driver.candidateGroups(driver.task(caseId, APPROVE))).containsExactly("leaders.10507");
        driver.complete(caseId, APPROVE, "leader.10507");
        driver.complete(caseId, ISSUE, "officer.10507");
        driver.complete(caseId, RETURN_RESULT, "officer.10507");

        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("status").asText()).isEqualTo("RETURNED");
        assertThat(done.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(done.get("timeliness").asText()).as("finished on the appointment date").isEqualTo("ON_TIME");
        assertThat(done.get("segments")).hasSize(1);
        JsonNode segment = done.get("segments").get(0);
        assertThat(segment.get("steps").asInt()).isEqualTo(5);
        assertThat(segment.get("paperSteps").asInt()).isZero();
        assertThat(segment.get("processedOnline").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CASE_PROCESS).finished().count()).isEqualTo(1);
    }

    @Test
    void aWorkFileIsIssuedAtItsUnitAndHandedNowhere() {
        clockAt("2026-03-10T09:00:00+07:00");
        Map<String, Object> body = new LinkedHashMap<>(procedure("WORK_INCOMING", "10507", "IN_PERSON"));
        body.put("kind", "WORK");
        body.remove("applicant");
        String caseId = driver.receive(body);
        for (String step : List.of(RECEIVE, APPRAISE)) {
            driver.complete(caseId, step, "officer.10507");
        }
        driver.complete(caseId, APPROVE, "leader.10507");
        driver.complete(caseId, ISSUE, "officer.10507");

        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("status").asText()).isEqualTo("FINISHED");
        assertThat(done.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(done.get("segments")).hasSize(1);
        assertThat(driver.openTasks(caseId)).isEmpty();
        List<String> types = new ArrayList<>();
        Http.json(driver.http.get("/api/cases/" + caseId + "/events", "officer.10507"))
                .forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("vn.hoso.case.resolved").doesNotContain("vn.hoso.case.transferred");
    }

    @Test
    void aCaseClimbsCommuneDistrictProvinceAndIsReturnedAtTheReceivingCommune() {
        clockAt("2025-03-14T09:00:00+07:00");
        String caseId = driver.receive(procedure("MERIT_ALLOWANCE", "10663", "ONLINE"));

        driver.complete(caseId, RECEIVE, "officer.10663");
        driver.complete(caseId, APPRAISE, "officer.10663");
        driver.complete(caseId, APPROVE, "leader.10663");
        assertThat(driver.candidateGroups(driver.task(caseId, FORWARD))).containsExactly("officers.10663");
        driver.complete(caseId, FORWARD, "officer.10663");

        Task atDistrict = driver.task(caseId, APPRAISE);
        assertThat(driver.candidateGroups(atDistrict)).containsExactly("officers.288");
        assertThat(driver.caseFile(caseId, "officer.288").get("currentTier").asText()).isEqualTo("DISTRICT");
        // the commune's officer cannot work the district's task
        assertThat(driver.tryComplete(caseId, APPRAISE, "officer.10663", Map.of()).statusCode()).isIn(403, 404);
        driver.complete(caseId, APPRAISE, "officer.288", Map.of("mode", "PAPER"));
        driver.complete(caseId, APPROVE, "leader.288");
        driver.complete(caseId, FORWARD, "officer.288");

        assertThat(driver.candidateGroups(driver.task(caseId, APPRAISE))).containsExactly("officers.30");
        driver.complete(caseId, APPRAISE, "officer.30");
        assertThat(driver.candidateGroups(driver.task(caseId, APPROVE))).containsExactly("leaders.30");
        driver.complete(caseId, APPROVE, "leader.30");
        driver.complete(caseId, ISSUE, "officer.30");

        Task returnTask = driver.task(caseId, RETURN_AT_RECEIVING_UNIT);
        assertThat(driver.candidateGroups(returnTask)).containsExactly("officers.10663");
        driver.complete(caseId, RETURN_AT_RECEIVING_UNIT, "officer.10663");

        JsonNode done = driver.caseFile(caseId, "auditor");
        assertThat(done.get("status").asText()).isEqualTo("RETURNED");
        assertThat(done.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(done.get("applicant").isNull()).as("auditors do not see personal data").isTrue();
        assertThat(done.get("segments")).extracting(s -> s.get("unitCode").asText() + "/" + s.get("tier").asText()
                        + "/" + s.get("result").asText())
                .containsExactly("10663/COMMUNE/FORWARDED", "288/DISTRICT/FORWARDED", "30/PROVINCE/ISSUED",
                        "10663/COMMUNE/RETURNED");
        assertThat(done.get("segments")).extracting(s -> s.get("processedOnline").asBoolean())
                .containsExactly(true, false, true, true);
        assertThat(driver.openTasks(caseId)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
    }

    /**
     * The 2025-07-01 reform for a case in flight: received on 2025-06-25 at Phường Trần Phú (10528, split between
     * 10532 and 10537) for a commune → district procedure, forwarded on 2025-07-02: its district's work goes to the
     * successor of its receiving commune (10532, the lowest code of the split), never to the abolished district 288;
     * the result is returned there too.
     */
    @Test
    void aCaseInFlightOnTheReformDayFollowsTheSuccessorsAndNeverReachesAnAbolishedUnit() {
        clockAt("2025-06-25T09:00:00+07:00");
        String caseId = driver.receive(procedure("SOCIAL_ALLOWANCE", "10528", "ONLINE"));
        driver.complete(caseId, RECEIVE, "officer.10528");
        driver.complete(caseId, APPRAISE, "officer.10528");
        clockAt("2025-06-30T10:00:00+07:00");
        driver.complete(caseId, APPROVE, "leader.10528");
        assertThat(driver.candidateGroups(driver.task(caseId, FORWARD))).containsExactly("officers.10528");

        clockAt("2025-07-02T09:00:00+07:00"); // the district 288 and the ward 10528 no longer exist
        driver.complete(caseId, FORWARD, "officer.10528");
        assertThat(driver.candidateGroups(driver.task(caseId, APPRAISE))).containsExactly("officers.10532");
        driver.complete(caseId, APPRAISE, "officer.10532");
        assertThat(driver.candidateGroups(driver.task(caseId, APPROVE))).containsExactly("leaders.10532");
        driver.complete(caseId, APPROVE, "leader.10532");
        assertThat(driver.candidateGroups(driver.task(caseId, ISSUE))).containsExactly("officers.10532");
        driver.complete(caseId, ISSUE, "officer.10532");
        // returned where the receiving ward went: here, without a return leg
        assertThat(driver.candidateGroups(driver.task(caseId, RETURN_RESULT))).containsExactly("officers.10532");
        driver.complete(caseId, RETURN_RESULT, "officer.10532");

        JsonNode file = driver.caseFile(caseId, "auditor");
        assertThat(file.get("status").asText()).isEqualTo("RETURNED");
        assertThat(file.get("receivingUnit").asText()).as("the legal fact stays").isEqualTo("10528");
        assertThat(file.get("segments")).extracting(g -> g.get("unitCode").asText() + "/" + g.get("tier").asText())
                .containsExactly("10528/COMMUNE", "10532/COMMUNE");
        var transferred = eventLog.eventsOf(caseId).stream()
                .filter(e -> e.type().equals("vn.hoso.case.transferred")).toList();
        assertThat(transferred).extracting(e -> e.data().path("toUnit").asText()).containsExactly("10532");
        assertThat(historyService.createHistoricIdentityLinkLogQuery().type("candidate").list().stream()
                .filter(l -> caseId.equals(businessKeyOfTask(l.getTaskId())))
                .map(l -> l.getGroupId())).doesNotContain("officers.288", "leaders.288");
    }

    /** A task that was opened at a unit before the reform and is still open after it moves with the case. */
    @Test
    void aTaskCreatedAfterTheReformAtAnAbolishedCommuneGoesToItsSuccessor() {
        clockAt("2025-06-27T09:00:00+07:00");
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10510", "IN_PERSON")); // 10510 → 10507 (full)
        driver.complete(caseId, RECEIVE, "officer.10510");
        clockAt("2025-07-01T08:30:00+07:00");
        driver.complete(caseId, APPRAISE, "officer.10510"); // created on 27/6 for the old ward: still theirs
        assertThat(driver.candidateGroups(driver.task(caseId, APPROVE))).containsExactly("leaders.10507");
        driver.complete(caseId, APPROVE, "leader.10507");
        driver.complete(caseId, ISSUE, "officer.10507");
        driver.complete(caseId, RETURN_RESULT, "officer.10507");
        JsonNode file = driver.caseFile(caseId, "auditor");
        assertThat(file.get("segments")).extracting(g -> g.get("unitCode").asText() + "/" + g.get("steps").asInt())
                .as("the old ward's segment closes with the steps it worked").containsExactly("10510/2", "10507/3");
    }

    private String businessKeyOfTask(String taskId) {
        var task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null) {
            return null;
        }
        var instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** Mẫu 05: each unit is judged against its own share of the time, so the unit that made a case late shows. */
    @Test
    void eachUnitIsJudgedAgainstItsShareOfTheTime() {
        clockAt("2025-08-04T09:00:00+07:00"); // Monday; MERIT_ALLOWANCE: commune 5 + 7 (the district's) = 12, province 12
        String caseId = driver.receive(procedure("MERIT_ALLOWANCE", "10507", "ONLINE"));
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507");
        driver.complete(caseId, APPROVE, "leader.10507");
        clockAt("2025-08-25T09:00:00+07:00"); // the ward's share ended on 20/8
        driver.complete(caseId, FORWARD, "officer.10507");
        clockAt("2025-08-26T09:00:00+07:00");
        driver.complete(caseId, APPRAISE, "officer.31");
        driver.complete(caseId, APPROVE, "leader.31");
        driver.complete(caseId, ISSUE, "officer.31");
        driver.complete(caseId, RETURN_AT_RECEIVING_UNIT, "officer.10507");

        var judged = eventLog.eventsOf(caseId).stream().filter(e -> e.type().equals("vn.hoso.segment.judged"))
                .map(e -> e.data().path("unitCode").asText() + "/" + e.data().path("dueDate").asText() + "/"
                        + e.data().path("verdict").asText()).toList();
        assertThat(judged).as("the return of the result has no share").containsExactly("10507/2025-08-20/LATE",
                "31/2025-09-12/EARLY");
        String code = driver.caseFile(caseId, "auditor").get("code").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode book = vn.hoso.infra.Http.json(driver.http.get(
                    "/api/rollups/units/10507/segments?from=2025-08-25&to=2025-08-25", "auditor"));
            assertThat(book.path("segments").findParents("caseCode").stream()
                    .filter(s -> s.path("caseCode").asText().equals(code))
                    .map(s -> s.path("segmentVerdict").asText() + "/" + s.path("segmentDueDate").asText()))
                    .containsExactly("LATE/2025-08-20");
        });
    }

    @Test
    void afterTheReformACaseNeverVisitsADistrict() {
        clockAt("2025-08-05T10:00:00+07:00");
        String land = driver.receive(procedure("LAND_FIRST_CERT", "10507", "ONLINE"));
        // commune 5 + district 15 = 20 working days, all at the commune now; 1–2/9/2025 are National Day holidays
        assertThat(driver.caseFile(land, "officer.10507").get("dueDate").asText()).isEqualTo("2025-09-04");
        driver.complete(land, RECEIVE, "officer.10507");
        driver.complete(land, APPRAISE, "officer.10507");
        driver.complete(land, APPROVE, "leader.10507");
        driver.complete(land, ISSUE, "officer.10507");
        driver.complete(land, RETURN_RESULT, "officer.10507");
        assertThat(driver.caseFile(land, "officer.10507").get("segments"))
                .extracting(s -> s.get("tier").asText()).containsExactly("COMMUNE");

        String merit = driver.receive(procedure("MERIT_ALLOWANCE", "10507", "ONLINE"));
        driver.complete(merit, RECEIVE, "officer.10507");
        driver.complete(merit, APPRAISE, "officer.10507");
        driver.complete(merit, APPROVE, "leader.10507");
        driver.complete(merit, FORWARD, "officer.10507");
        assertThat(driver.candidateGroups(driver.task(merit, APPRAISE))).containsExactly("officers.31");
        driver.complete(merit, APPRAISE, "officer.31");
        driver.complete(merit, APPROVE, "leader.31");
        driver.complete(merit, ISSUE, "officer.31");
        driver.complete(merit, RETURN_AT_RECEIVING_UNIT, "officer.10507");
        assertThat(driver.caseFile(merit, "auditor").get("segments"))
                .extracting(s -> s.get("unitCode").asText() + "/" + s.get("tier").asText())
                .containsExactly("10507/COMMUNE", "31/PROVINCE", "10507/COMMUNE");
    }

    @Test
    void supplementationPausesTheClockOnceAndASecondRequestMakesTheCaseLate() {
        clockAt("2026-04-06T08:00:00+07:00"); // Monday; MARRIAGE_REG: the same day (Luật Hộ tịch 2014, Art. 18)
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10525", "IN_PERSON"));
        assertThat(driver.caseFile(caseId, "officer.10525").get("dueDate").asText()).isEqualTo("2026-04-06");
        driver.complete(caseId, RECEIVE, "officer.10525");
        driver.complete(caseId, APPRAISE, "officer.10525", Map.of("outcome", "SUPPLEMENT"));
        assertThat(driver.caseFile(caseId, "officer.10525").get("status").asText())
                .isEqualTo("SUPPLEMENTATION_REQUESTED");
        assertThat(apologyTimer(caseId).isSuspended()).as("no Mẫu 04 reminder while the clock is paused").isTrue();

        // Wednesday: waited Tue 7 and Wed 8 = 2 working days
        clockAt("2026-04-08T14:00:00+07:00");
        driver.complete(caseId, AWAIT_SUPPLEMENT, "officer.10525");
        JsonNode afterFirst = driver.caseFile(caseId, "officer.10525");
        assertThat(afterFirst.get("dueDate").asText()).isEqualTo("2026-04-08");
        assertThat(afterFirst.get("supplementationCount").asInt()).isEqualTo(1);
        Job timer = apologyTimer(caseId);
        assertThat(timer.isSuspended()).isFalse();
        assertThat(timer.getDuedate().toInstant())
                .as("the new date is today and the day before has passed: 15:00 on the day")
                .isEqualTo(OffsetDateTime.parse("2026-04-08T15:00:00+07:00").toInstant());

        driver.complete(caseId, APPRAISE, "officer.10525", Map.of("outcome", "SUPPLEMENT"));
        driver.complete(caseId, AWAIT_SUPPLEMENT, "officer.10525"); // same day: no working day waited
        assertThat(driver.caseFile(caseId, "officer.10525").get("dueDate").asText()).isEqualTo("2026-04-08");
        driver.complete(caseId, APPRAISE, "officer.10525");
        driver.complete(caseId, APPROVE, "leader.10525");
        driver.complete(caseId, ISSUE, "officer.10525");
        driver.complete(caseId, RETURN_RESULT, "officer.10525");

        JsonNode done = driver.caseFile(caseId, "officer.10525");
        assertThat(done.get("supplementationCount").asInt()).isEqualTo(2);
        assertThat(done.get("timeliness").asText()).as("finished before the date, but asked twice").isEqualTo("LATE");
    }

    @Test
    void rejectionAtAppraisalEndsTheCase() {
        clockAt("2026-05-04T08:00:00+07:00");
        String caseId = driver.receive(procedure("CERT_COPY", "10507", "IN_PERSON"));
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507", Map.of("outcome", "REJECT"));
        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("status").asText()).isEqualTo("REJECTED");
        assertThat(done.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(driver.openTasks(caseId)).isEmpty();
    }

    @Test
    void refusalAtReceptionAndRejectionByTheLeaderEndTheCase() {
        clockAt("2026-05-04T08:00:00+07:00");
        String refused = driver.receive(procedure("DEATH_REG", "10507", "IN_PERSON"));
        driver.complete(refused, RECEIVE, "officer.10507", Map.of("outcome", "REJECT"));
        JsonNode refusedFile = driver.caseFile(refused, "officer.10507");
        assertThat(refusedFile.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(refusedFile.path("timeliness").isTextual()).as("a Mẫu 03 refusal is not finished early").isFalse();
        assertThat(eventLog.eventsOf(refused)).extracting(e -> e.type())
                .contains("vn.hoso.case.refused").doesNotContain("vn.hoso.case.resolved");

        String notApproved = driver.receive(procedure("DEATH_REG", "10507", "IN_PERSON"));
        driver.complete(notApproved, RECEIVE, "officer.10507");
        driver.complete(notApproved, APPRAISE, "officer.10507");
        driver.complete(notApproved, APPROVE, "leader.10507", Map.of("outcome", "REJECT"));
        assertThat(driver.caseFile(notApproved, "officer.10507").get("status").asText()).isEqualTo("REJECTED");
        assertThat(eventLog.eventsOf(notApproved)).extracting(e -> e.type()).contains("vn.hoso.case.resolved")
                .doesNotContain("vn.hoso.case.refused");
        assertThat(driver.openTasks(notApproved)).isEmpty();
    }

    @Test
    void anIncompleteFileIsReturnedWithMau02BeforeItIsReceived() {
        clockAt("2026-05-04T08:00:00+07:00");
        String caseId = driver.receive(procedure("DEATH_REG", "10507", "ONLINE"));
        driver.complete(caseId, RECEIVE, "officer.10507", Map.of("outcome", "RETURN_INCOMPLETE"));
        JsonNode file = driver.caseFile(caseId, "officer.10507");
        assertThat(file.get("status").asText()).isEqualTo("NOT_RECEIVED");
        assertThat(file.path("timeliness").isTextual()).isFalse();
        assertThat(file.path("outcome").isTextual()).isFalse();
        assertThat(driver.openTasks(caseId)).isEmpty();
        assertThat(eventLog.eventsOf(caseId)).extracting(e -> e.type()).contains("vn.hoso.case.returned-incomplete")
                .doesNotContain("vn.hoso.case.resolved", "vn.hoso.case.refused");
    }

    @Test
    void stoppingTheProcessingEndsTheCaseStopped() {
        clockAt("2026-05-04T08:00:00+07:00");
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10507", "IN_PERSON"));
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507", Map.of("outcome", "STOP"));
        JsonNode file = driver.caseFile(caseId, "officer.10507");
        assertThat(file.get("status").asText()).isEqualTo("STOPPED");
        assertThat(file.get("outcome").asText()).isEqualTo("STOPPED");
        assertThat(driver.openTasks(caseId)).isEmpty();
    }

    @Test
    void awaitingPaymentPausesTheClockAndTheAppointmentDateMovesByTheDaysWaited() {
        clockAt("2026-05-04T08:00:00+07:00"); // Monday; MARRIAGE_REG: the same day → due Monday 4/5
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10507", "IN_PERSON"));
        assertThat(driver.caseFile(caseId, "officer.10507").get("dueDate").asText()).isEqualTo("2026-05-04");
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507", Map.of("outcome", "AWAIT_PAYMENT"));
        assertThat(driver.caseFile(caseId, "officer.10507").get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(apologyTimer(caseId).isSuspended()).as("no Mẫu 04 for time the clock did not run").isTrue();
        clockAt("2026-05-06T10:00:00+07:00"); // paid two working days later
        driver.complete(caseId, CaseModel.AWAIT_PAYMENT, "officer.10507");
        JsonNode file = driver.caseFile(caseId, "officer.10507");
        assertThat(file.get("dueDate").asText()).isEqualTo("2026-05-06");
        assertThat(file.get("status").asText()).isEqualTo("PROCESSING");
        assertThat(apologyTimer(caseId).isSuspended()).isFalse();
        assertThat(eventLog.eventsOf(caseId)).extracting(e -> e.type()).contains("vn.hoso.case.payment-requested",
                "vn.hoso.case.due-date-changed");
        driver.complete(caseId, APPRAISE, "officer.10507");
        assertThat(driver.task(caseId, APPROVE)).isNotNull();
    }

    @Test
    void theApplicantCanWithdrawWhileSupplementing() {
        clockAt("2026-05-04T08:00:00+07:00");
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10507", "ONLINE"));
        driver.complete(caseId, RECEIVE, "officer.10507");
        driver.complete(caseId, APPRAISE, "officer.10507", Map.of("outcome", "SUPPLEMENT"));
        driver.complete(caseId, AWAIT_SUPPLEMENT, "officer.10507", Map.of("outcome", "WITHDRAW"));
        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(done.get("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(driver.openTasks(caseId)).isEmpty();
    }

    @Test
    void anOverdueCaseGetsTheApologyTaskAndCountsAsLate() {
        clockAt("2026-06-01T08:00:00+07:00"); // Monday; CERT_COPY: the same day (Nghị định 23/2015/NĐ-CP, Art. 21)
        String caseId = driver.receive(procedure("CERT_COPY", "10507", "IN_PERSON"));
        assertThat(driver.caseFile(caseId, "officer.10507").get("dueDate").asText()).isEqualTo("2026-06-01");
        Job timer = apologyTimer(caseId);
        assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(
                OffsetDateTime.parse("2026-06-01T15:00:00+07:00").toInstant()));
        driver.complete(caseId, RECEIVE, "officer.10507");

        managementService.executeJob(timer.getId());
        Task apology = driver.task(caseId, APOLOGY);
        assertThat(driver.candidateGroups(apology)).containsExactly("officers.10507");
        var missingDate = driver.tryComplete(caseId, APOLOGY, "officer.10507", Map.of());
        assertThat(missingDate.statusCode()).isEqualTo(400);
        driver.complete(caseId, APOLOGY, "officer.10507", Map.of("newAppointmentDate", "2026-06-05"));
        assertThat(driver.caseFile(caseId, "officer.10507").get("dueDate").asText()).isEqualTo("2026-06-05");

        driver.complete(caseId, APPRAISE, "officer.10507");
        driver.complete(caseId, APPROVE, "leader.10507");
        driver.complete(caseId, ISSUE, "officer.10507");
        driver.complete(caseId, RETURN_RESULT, "officer.10507");
        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("apologyIssued").asBoolean()).isTrue();
        assertThat(done.get("timeliness").asText()).isEqualTo("LATE");
    }

    @Test
    void aWorkFileGetsAnInternalOverdueWarningWithATasklistMarkerAndNoApologyLetter() {
        clockAt("2026-06-01T08:00:00+07:00"); // Monday; WORK_INCOMING at a commune: 5 working days → due 8/6
        Map<String, Object> work = new LinkedHashMap<>(Map.of("kind", "WORK", "procedureCode", "WORK_INCOMING",
                "receivingUnit", "10507", "channel", "ONLINE", "subject", "Công văn đến số 12"));
        String caseId = driver.receive(work);
        assertThat(driver.caseFile(caseId, "officer.10507").get("dueDate").asText()).isEqualTo("2026-06-08");
        driver.complete(caseId, RECEIVE, "officer.10507");
        managementService.executeJob(apologyTimer(caseId).getId());

        assertThat(driver.openTasks(caseId)).extracting(Task::getTaskDefinitionKey).containsExactly(APPRAISE);
        Task appraise = driver.task(caseId, APPRAISE);
        assertThat(taskService.getVariableLocal(appraise.getId(), TaskDisplay.WARNING))
                .isEqualTo("Sắp quá hạn: hạn trả 08/06/2026");
        assertThat(eventLog.eventsOf(caseId)).extracting(e -> e.type()).contains("vn.hoso.case.overdue-warning");
        driver.complete(caseId, APPRAISE, "officer.10507");
        Task approve = driver.task(caseId, APPROVE);
        assertThat(taskService.getVariableLocal(approve.getId(), TaskDisplay.WARNING))
                .as("tasks created after the warning carry the marker too").isNotNull();
    }

    @Test
    void aProcedureDossierIsWarnedAndGetsTheApologyTaskWhichEndsWithTheCase() {
        clockAt("2026-06-01T08:00:00+07:00");
        String caseId = driver.receive(procedure("MARRIAGE_REG", "10507", "IN_PERSON"));
        driver.complete(caseId, RECEIVE, "officer.10507");
        managementService.executeJob(apologyTimer(caseId).getId());
        assertThat(driver.task(caseId, APOLOGY)).isNotNull();
        assertThat(eventLog.eventsOf(caseId)).extracting(e -> e.type()).contains("vn.hoso.case.overdue-warning");
        // the officer finishes the case instead of apologising: on time, and the open Mẫu 04 task goes with it
        driver.complete(caseId, APPRAISE, "officer.10507");
        driver.complete(caseId, APPROVE, "leader.10507");
        driver.complete(caseId, ISSUE, "officer.10507");
        driver.complete(caseId, RETURN_RESULT, "officer.10507");
        JsonNode done = driver.caseFile(caseId, "officer.10507");
        assertThat(done.get("status").asText()).isEqualTo("RETURNED");
        assertThat(done.get("timeliness").asText()).as("a same-day procedure finished on the day")
                .isEqualTo("ON_TIME");
        assertThat(driver.openTasks(caseId)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
                .as("no process of the finished case is left running").isZero();
    }

    @Test
    void anOnlineFileReceivedOnASaturdayCountsFromMonday() {
        clockAt("2026-05-09T10:00:00+07:00"); // Saturday; CERT_COPY: the same day
        String saturday = driver.receive(procedure("CERT_COPY", "10507", "ONLINE"));
        assertThat(driver.caseFile(saturday, "officer.10507").get("dueDate").asText())
                .as("received Saturday = received Monday, due that day").isEqualTo("2026-05-11");
        clockAt("2026-05-11T10:00:00+07:00"); // the Monday itself: the same appointment date
        String monday = driver.receive(procedure("CERT_COPY", "10507", "ONLINE"));
        assertThat(driver.caseFile(monday, "officer.10507").get("dueDate").asText()).isEqualTo("2026-05-11");
        clockAt("2026-05-08T16:00:00+07:00"); // the Friday before, after 15:00: due the next working day, Monday
        String friday = driver.receive(procedure("CERT_COPY", "10507", "ONLINE"));
        assertThat(driver.caseFile(friday, "officer.10507").get("dueDate").asText()).isEqualTo("2026-05-11");
    }

    @Test
    void aCaseReceivedOnTheFridayBeforeTetIsDueAfterTheHoliday() {
        clockAt("2025-01-24T10:00:00+07:00"); // Friday; Tết 2025 days off: Sat 25/1 – Sun 2/2
        String caseId = driver.receive(procedure("BIZ_HOUSEHOLD", "288", "IN_PERSON"));
        assertThat(driver.caseFile(caseId, "officer.288").get("dueDate").asText()).isEqualTo("2025-02-05");
    }

    @Test
    void stepsRecordHowTheyWereDoneAndRefuseBadModesAndOutcomes() {
        clockAt("2026-05-04T08:00:00+07:00");
        String caseId = driver.receive(procedure("BIRTH_REG", "10507", "POST"));
        var badMode = driver.tryComplete(caseId, RECEIVE, "officer.10507", Map.of("mode", "FAX"));
        assertThat(badMode.statusCode()).isEqualTo(400);
        var badOutcome = driver.tryComplete(caseId, RECEIVE, "officer.10507", Map.of("outcome", "MAYBE"));
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(driver.task(caseId, RECEIVE)).as("the task is still open").isNotNull();

        driver.complete(caseId, RECEIVE, "officer.10507", Map.of("mode", "PAPER"));
        driver.complete(caseId, APPRAISE, "officer.10507");
        JsonNode segment = driver.caseFile(caseId, "officer.10507").get("segments").get(0);
        assertThat(segment.get("steps").asInt()).isEqualTo(2);
        assertThat(segment.get("paperSteps").asInt()).isEqualTo(1);
        assertThat(segment.get("arrivedElectronically").asBoolean()).as("posted and not digitized").isFalse();
        var noOutcomeHere = driver.tryComplete(caseId, APPROVE, "leader.10507", Map.of("outcome", "SUPPLEMENT"));
        assertThat(noOutcomeHere.statusCode()).isEqualTo(400);
    }

    private Job apologyTimer(String caseId) {
        String main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(CASE_PROCESS).singleResult().getId();
        List<Job> timers = managementService.createJobQuery().processInstanceId(main).timers().list();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }
}
