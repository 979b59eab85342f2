package vn.hoso.cases;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
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
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APOLOGY_TIMER;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.CASE_PROCESS;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;
import static vn.hoso.cases.CaseModel.RETURN_RESULT;
import static vn.hoso.cases.CaseModel.SEGMENT_PROCESS;

/**
 * {@code hoso-case} (bpmn/hoso-case.bpmn) on the real engine with {@code caseFlow} stubbed: one segment after another
 * along the route (the business key passed to each), the return leg to the receiving unit, and the non-interrupting
 * Mẫu 04 timer beside the processing.
 */
@Tag("fast")
@Deployment(resources = {"bpmn/hoso-case.bpmn", "bpmn/hoso-segment.bpmn", "bpmn/forms/hoso-receive.form",
        "bpmn/forms/hoso-appraise.form", "bpmn/forms/hoso-await-supplement.form", "bpmn/forms/hoso-await-payment.form",
        "bpmn/forms/hoso-approve.form",
        "bpmn/forms/hoso-step.form", "bpmn/forms/hoso-apology.form"})
class CaseProcessTest {

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
        return engine.getRuntimeService().startProcessInstanceByKey(CASE_PROCESS, key);
    }

    private void complete(String step) {
        ProcessTestEngine.complete(engine, key, step);
    }

    private Task task(String step) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(step)
                .singleResult();
    }

    private long segmentsRun() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SEGMENT_PROCESS)
                .processInstanceBusinessKey(key).count();
    }

    @Test
    void aCaseHandledWhollyAtItsReceivingUnitEndsWithItsOneSegment() {
        script.lastUnitOfRoute = true;
        script.returnsHere = true;
        ProcessInstance c = start();
        assertThat(c).isWaitingAt("segment");
        assertThat(c).calledProcessInstance(SEGMENT_PROCESS).hasBusinessKey(key);

        for (String step : new String[] {RECEIVE, APPRAISE, APPROVE, ISSUE, RETURN_RESULT}) {
            complete(step);
        }

        assertThat(c).isEnded().hasPassedInOrder("prepareSegment", "segment", "caseEnd")
                .hasNotPassed("advance", "prepareReturn", "returnSegment");
        assertThat(segmentsRun()).isEqualTo(1);
        verify(script.flow).prepareSegment(any());
        verify(script.flow, never()).advance(any());
        verify(script.flow, never()).prepareReturn(any());
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId()).count())
                .as("the timer ends with the processing").isZero();
    }

    @Test
    void aCaseGoesAlongItsRouteUnitByUnitAndBackToTheReceivingUnit() {
        script.unit = "10663"; // a commune: receives, hands on
        ProcessInstance c = start();
        complete(RECEIVE);
        complete(APPRAISE);
        complete(APPROVE);
        assertThat(task(FORWARD)).hasCandidateGroup("officers.10663");
        script.forwarded = true;
        script.entry = CaseFlow.Entry.PROCESS.name();
        script.unit = "288";
        complete(FORWARD);

        assertThat(task(APPRAISE)).as("at the district").hasCandidateGroup("officers.288");
        complete(APPRAISE);
        assertThat(task(APPROVE)).hasCandidateGroup("leaders.288");
        complete(APPROVE);
        script.unit = "30";
        complete(FORWARD);

        assertThat(task(APPRAISE)).as("at the province").hasCandidateGroup("officers.30");
        script.lastUnitOfRoute = true;
        complete(APPRAISE);
        assertThat(task(APPROVE)).hasCandidateGroup("leaders.30");
        complete(APPROVE);
        assertThat(task(ISSUE)).hasCandidateGroup("officers.30");
        script.forwarded = false;
        script.needsReturn = true;
        script.entry = CaseFlow.Entry.RETURN_ONLY.name();
        script.unit = "10663";
        complete(ISSUE);

        assertThat(task(RETURN_AT_RECEIVING_UNIT)).hasCandidateGroup("officers.10663");
        assertThat(c).isWaitingAt("returnSegment");
        complete(RETURN_AT_RECEIVING_UNIT);

        assertThat(c).isEnded().hasPassedInOrder("prepareSegment", "segment", "advance", "prepareSegment", "segment",
                "advance", "prepareSegment", "segment", "prepareReturn", "returnSegment", "caseEndReturned");
        assertThat(segmentsRun()).isEqualTo(4);
        InOrder order = inOrder(script.flow);
        order.verify(script.flow).prepareSegment(any());
        order.verify(script.flow).closeSegment(any(), eq("FORWARDED"));
        order.verify(script.flow).advance(any());
        order.verify(script.flow).prepareSegment(any());
        order.verify(script.flow).closeSegment(any(), eq("FORWARDED"));
        order.verify(script.flow).advance(any());
        order.verify(script.flow).prepareSegment(any());
        order.verify(script.flow).closeSegment(any(), eq("ISSUED"));
        order.verify(script.flow).prepareReturn(any());
        order.verify(script.flow).closeSegment(any(), eq("RETURNED"));
        verify(script.flow, times(2)).advance(any());
    }

    @Test
    void aRejectedCaseEndsWithoutAReturnLeg() {
        ProcessInstance c = start();
        script.decision = "REJECT";
        complete(RECEIVE);
        assertThat(c).isEnded().hasPassed("caseEnd").hasNotPassed("advance", "prepareReturn");
        verify(script.flow).closeSegment(any(), eq("REJECTED"));
    }

    @Test
    void theApologyTimerAddsTheMau04TaskBesideTheProcessingWithoutStoppingIt() {
        script.apologyAt = new Date(System.currentTimeMillis() + 3 * 86_400_000L);
        ProcessInstance c = start();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(c.getId())
                .activityId(APOLOGY_TIMER).singleResult();
        assertThat(timer).as("the Mẫu 04 timer").isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(script.apologyAt);

        complete(RECEIVE);
        script.unit = "10525"; // the answer at the time the timer fires decides the group
        engine.getManagementService().executeJob(timer.getId());

        assertThat(task(APOLOGY)).hasCandidateGroup("officers.10525");
        assertThat(task(APPRAISE)).as("the processing goes on").isNotNull();
        assertThat(c).isWaitingAt("processing", APOLOGY);
        complete(APOLOGY);
        assertThat(c).hasPassed("apologyEnd").isNotEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.getId()).count())
                .as("a non-interrupting timer date fires once").isZero();

        script.lastUnitOfRoute = true;
        script.returnsHere = true;
        complete(APPRAISE);
        complete(APPROVE);
        complete(ISSUE);
        complete(RETURN_RESULT);
        assertThat(c).isEnded().hasPassed("caseEnd");
    }

    @Test
    void anOpenApologyTaskNeverKeepsAFinishedCaseAlive() {
        ProcessInstance c = start();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(c.getId())
                .activityId(APOLOGY_TIMER).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(task(APOLOGY)).isNotNull();
        verify(script.flow).overdueWarning(any());

        script.decision = "REJECT";
        complete(RECEIVE);
        assertThat(c).as("the processing's terminate end takes the open Mẫu 04 task with it").isEnded()
                .hasPassed("processingEnd", "caseEnd").hasNotPassed("apologyEnd");
        assertThat(task(APOLOGY)).isNull();
    }

    @Test
    void anOpenApologyTaskEndsWhenTheResultGoesBackForReturn() {
        script.lastUnitOfRoute = true;
        script.needsReturn = true;
        script.entry = CaseFlow.Entry.PROCESS.name();
        ProcessInstance c = start();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(c.getId()).activityId(APOLOGY_TIMER).singleResult().getId());
        assertThat(task(APOLOGY)).isNotNull();
        complete(APPRAISE);
        complete(APPROVE);
        complete(ISSUE);
        assertThat(c).as("issued elsewhere: on the return leg, no apology is left open").isWaitingAt("returnSegment");
        assertThat(task(APOLOGY)).isNull();
    }

    @Test
    void aWorkFileGetsTheInternalWarningAndNoApologyLetter() {
        script.procedure = false;
        ProcessInstance c = start();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(c.getId())
                .activityId(APOLOGY_TIMER).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        verify(script.flow).overdueWarning(any());
        assertThat(task(APOLOGY)).as("no Mẫu 04 for a work file").isNull();
        assertThat(c).hasPassed("overdueWarning", "internalWarningEnd").isWaitingAt("segment");
    }
}
