package vn.hoso.cases;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.AWAIT_SUPPLEMENT;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;
import static vn.hoso.cases.CaseModel.SEGMENT_PROCESS;

/**
 * Every path through {@code hoso-segment} (bpmn/hoso-segment.bpmn) on the real engine with {@code caseFlow} stubbed:
 * which task comes after which answer, which candidate group each task gets, and which end event (so which
 * {@code closeSegment} result) each path reaches. The case tables behind the answers are CaseWorkflowTest's.
 */
@Tag("fast")
@Deployment(resources = {"bpmn/hoso-case.bpmn", "bpmn/hoso-segment.bpmn", "bpmn/forms/hoso-receive.form",
        "bpmn/forms/hoso-appraise.form", "bpmn/forms/hoso-await-supplement.form", "bpmn/forms/hoso-await-payment.form",
        "bpmn/forms/hoso-approve.form",
        "bpmn/forms/hoso-step.form", "bpmn/forms/hoso-apology.form"})
class SegmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessTestEngine.extension();

    ProcessEngine engine;
    ProcessTestEngine.Script script;
    String key;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        script = new ProcessTestEngine.Script();
        key = UUID.randomUUID().toString();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(SEGMENT_PROCESS, key);
    }

    private void complete(String step) {
        ProcessTestEngine.complete(engine, key, step);
    }

    private void completeAs(String step, String decision) {
        script.decision = decision;
        complete(step);
        script.decision = null;
    }

    private Task task(String step) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(step)
                .singleResult();
    }

    private void assertClosedAs(ProcessInstance segment, String endEvent, String result) {
        assertThat(segment).isEnded().hasPassed(endEvent);
        verify(script.flow).openSegment(any());
        verify(script.flow).closeSegment(any(), eq(result));
    }

    @Test
    void atTheReceivingUnitWhichIsTheLastOfTheRouteTheNormalPathEndsReturnedHere() {
        script.lastUnitOfRoute = true;
        script.returnsHere = true;
        ProcessInstance segment = start();

        assertThat(segment).isWaitingAtExactly(RECEIVE);
        assertThat(task(RECEIVE)).hasCandidateGroup("officers.10507");
        complete(RECEIVE);
        assertThat(task(APPRAISE)).hasCandidateGroup("officers.10507");
        complete(APPRAISE);
        assertThat(task(APPROVE)).hasCandidateGroup("leaders.10507");
        assertThat(ProcessTestEngine.candidateGroups(engine, task(APPROVE))).containsExactly("leaders.10507");
        complete(APPROVE);
        assertThat(task(ISSUE)).hasCandidateGroup("officers.10507");
        complete(ISSUE);
        assertThat(task(RETURN_RESULT)).hasCandidateGroup("officers.10507");
        complete(RETURN_RESULT);

        assertThat(segment).hasPassedInOrder(RECEIVE, APPRAISE, APPROVE, ISSUE, RETURN_RESULT)
                .hasNotPassed(AWAIT_SUPPLEMENT, FORWARD, RETURN_AT_RECEIVING_UNIT);
        assertClosedAs(segment, "endDone", "DONE");
    }

    @Test
    void receptionAcceptedExplicitlyGoesOnToAppraisal() {
        start();
        completeAs(RECEIVE, "ACCEPT");
        assertThat(task(APPRAISE)).isNotNull();
    }

    @Test
    void receptionRefusedEndsRejected() {
        ProcessInstance segment = start();
        completeAs(RECEIVE, "REJECT");
        assertThat(segment).hasNotPassed(APPRAISE);
        assertClosedAs(segment, "endRejected", "REJECTED");
    }

    @Test
    void anIncompleteFileIsReturnedAtReceptionWithMau02AndNeverReceived() {
        ProcessInstance segment = start();
        completeAs(RECEIVE, "RETURN_INCOMPLETE");
        assertThat(segment).hasNotPassed(APPRAISE);
        assertClosedAs(segment, "endNotReceived", "NOT_RECEIVED");
    }

    @Test
    void appraisalStoppingTheProcessingEndsStopped() {
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "STOP");
        assertThat(segment).hasNotPassed(APPROVE);
        assertClosedAs(segment, "endStopped", "STOPPED");
    }

    @Test
    void awaitingPaymentWaitsAndAppraisesAgainOncePaidOrEndsWithdrawn() {
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "AWAIT_PAYMENT");
        assertThat(segment).isWaitingAtExactly(CaseModel.AWAIT_PAYMENT);
        assertThat(task(CaseModel.AWAIT_PAYMENT)).hasCandidateGroup("officers.10507");
        complete(CaseModel.AWAIT_PAYMENT); // paid: the normal outcome
        assertThat(segment).isWaitingAtExactly(APPRAISE);
        completeAs(APPRAISE, "AWAIT_PAYMENT");
        completeAs(CaseModel.AWAIT_PAYMENT, "WITHDRAW");
        assertClosedAs(segment, "endWithdrawn", "WITHDRAWN");
    }

    @Test
    void appraisalAskingForSupplementWaitsForItAndAppraisesAgainOnceSupplied() {
        script.unit = "10525";
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "SUPPLEMENT");
        assertThat(segment).isWaitingAtExactly(AWAIT_SUPPLEMENT);
        assertThat(task(AWAIT_SUPPLEMENT)).hasCandidateGroup("officers.10525");
        complete(AWAIT_SUPPLEMENT); // supplied: the normal outcome
        assertThat(segment).isWaitingAtExactly(APPRAISE);
        completeAs(APPRAISE, "SUPPLEMENT"); // a second request
        completeAs(AWAIT_SUPPLEMENT, "SUPPLIED");
        assertThat(segment).isWaitingAtExactly(APPRAISE);
        complete(APPRAISE);
        assertThat(segment).isWaitingAtExactly(APPROVE);
        assertThat(task(APPROVE)).hasCandidateGroup("leaders.10525");
    }

    @Test
    void appraisalRefusedEndsRejected() {
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "REJECT");
        assertThat(segment).hasNotPassed(APPROVE);
        assertClosedAs(segment, "endRejected", "REJECTED");
    }

    @Test
    void withdrawnAtAppraisalEndsWithdrawn() {
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "WITHDRAW");
        assertClosedAs(segment, "endWithdrawn", "WITHDRAWN");
    }

    @Test
    void withdrawnWhileSupplementationIsAwaitedEndsWithdrawn() {
        ProcessInstance segment = start();
        complete(RECEIVE);
        completeAs(APPRAISE, "SUPPLEMENT");
        completeAs(AWAIT_SUPPLEMENT, "WITHDRAW");
        assertThat(segment).hasPassedInOrder(RECEIVE, APPRAISE, AWAIT_SUPPLEMENT).hasNotPassed(APPROVE);
        assertClosedAs(segment, "endWithdrawn", "WITHDRAWN");
    }

    @Test
    void approvalRefusedEndsRejected() {
        script.lastUnitOfRoute = true;
        ProcessInstance segment = start();
        complete(RECEIVE);
        complete(APPRAISE);
        completeAs(APPROVE, "REJECT");
        assertThat(segment).hasNotPassed(ISSUE, FORWARD);
        assertClosedAs(segment, "endRejected", "REJECTED");
    }

    @Test
    void theLastUnitIssuesAndEndsIssuedWhenTheResultIsReturnedElsewhere() {
        script.entry = CaseFlow.Entry.PROCESS.name();
        script.unit = "30";
        script.lastUnitOfRoute = true;
        script.returnsHere = false;
        ProcessInstance segment = start();
        complete(APPRAISE);
        completeAs(APPROVE, "APPROVE");
        assertThat(task(ISSUE)).hasCandidateGroup("officers.30");
        complete(ISSUE);
        assertThat(segment).hasNotPassed(RETURN_RESULT);
        assertClosedAs(segment, "endIssued", "ISSUED");
    }

    @Test
    void aUnitBeforeTheLastHandsTheCaseOn() {
        script.lastUnitOfRoute = false;
        ProcessInstance segment = start();
        complete(RECEIVE);
        complete(APPRAISE);
        complete(APPROVE);
        assertThat(segment).isWaitingAtExactly(FORWARD);
        assertThat(task(FORWARD)).hasCandidateGroup("officers.10507");
        complete(FORWARD);
        assertThat(segment).hasNotPassed(ISSUE, RETURN_RESULT);
        assertClosedAs(segment, "endForwarded", "FORWARDED");
    }

    @Test
    void aCaseHandedOnStartsWithAppraisalNotReception() {
        script.entry = CaseFlow.Entry.PROCESS.name();
        script.unit = "288";
        ProcessInstance segment = start();
        assertThat(segment).isWaitingAtExactly(APPRAISE);
        assertThat(task(APPRAISE)).hasCandidateGroup("officers.288");
        verify(script.flow, never()).closeSegment(any(), anyString());
    }

    @Test
    void onTheReturnLegTheReceivingUnitOnlyReturnsTheResult() {
        script.entry = CaseFlow.Entry.RETURN_ONLY.name();
        ProcessInstance segment = start();
        assertThat(segment).isWaitingAtExactly(RETURN_AT_RECEIVING_UNIT);
        assertThat(task(RETURN_AT_RECEIVING_UNIT)).hasCandidateGroup("officers.10507");
        complete(RETURN_AT_RECEIVING_UNIT);
        assertThat(segment).hasNotPassed(RECEIVE, APPRAISE);
        assertClosedAs(segment, "endReturned", "RETURNED");
    }
}
