package vn.hoso.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Http;
import vn.hoso.infra.Infrastructure;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.procedure;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.FORWARD;
import static vn.hoso.cases.CaseModel.ISSUE;
import static vn.hoso.cases.CaseModel.RECEIVE;
import static vn.hoso.cases.CaseModel.RETURN_AT_RECEIVING_UNIT;

/** Cases driven through the real engine leave exactly the contract's events, in order, chained, on the topic. */
@IntegrationTest
class WorkflowEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseEventLog eventLog;
    @Autowired
    Infrastructure infrastructure;
    @Autowired
    vn.hoso.cases.CaseFlow caseFlow;

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void eventPublicationIsOnUnlessConfiguredOff() {
        assertThat(vn.hoso.cases.EventPublication.enabled(caseFlow)).isTrue();
    }

    @Test
    void aStepWhoseEngineTransactionFailsLeavesNoEvent() {
        CaseDriver driver = new CaseDriver(new Http(port), taskService);
        CaseDriver.clockAt("2026-03-16T09:00:00+07:00");
        String caseId = driver.receive(procedure("BIRTH_REG", "10507", "ONLINE"));
        int before = eventLog.eventsOf(caseId).size();
        String taskId = driver.task(caseId, RECEIVE).getId();
        // the Java API bypasses the REST guard: the step listener throws inside the engine transaction
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> taskService.complete(taskId, Map.of("mode", "CARRIER_PIGEON")))
                .hasMessageContaining("mode must be ELECTRONIC or PAPER");
        assertThat(eventLog.eventsOf(caseId)).hasSize(before);
        assertThat(driver.task(caseId, RECEIVE).getId()).isEqualTo(taskId);
        assertThat(driver.caseFile(caseId, "officer.10507").get("segments").get(0).get("steps").asInt()).isZero();
    }

    @Test
    void aThreeTierCaseLeavesOneEventPerStepAndSegmentInOrderOnTheTopic() {
        CaseDriver driver = new CaseDriver(new Http(port), taskService);
        CaseDriver.clockAt("2025-03-17T09:00:00+07:00");
        String caseId = driver.receive(procedure("MERIT_ALLOWANCE", "10663", "ONLINE"));
        driver.complete(caseId, RECEIVE, "officer.10663");
        driver.complete(caseId, APPRAISE, "officer.10663");
        driver.complete(caseId, APPROVE, "leader.10663");
        driver.complete(caseId, FORWARD, "officer.10663", Map.of("mode", "PAPER"));
        driver.complete(caseId, APPRAISE, "officer.288");
        driver.complete(caseId, APPROVE, "leader.288");
        driver.complete(caseId, FORWARD, "officer.288");
        driver.complete(caseId, APPRAISE, "officer.30");
        driver.complete(caseId, APPROVE, "leader.30");
        driver.complete(caseId, ISSUE, "officer.30");
        driver.complete(caseId, RETURN_AT_RECEIVING_UNIT, "officer.10663");

        List<RecordedEvent> events = eventLog.eventsOf(caseId);
        assertThat(events).extracting(RecordedEvent::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.get(0).type()).isEqualTo(CaseEventTypes.RECEIVED);
        assertThat(eventLog.verify(caseId).valid()).isTrue();

        long completedTasks = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .finished().count();
        assertThat(completedTasks).isEqualTo(11);
        assertThat(events).filteredOn(e -> e.type().equals(CaseEventTypes.STEP_COMPLETED)).hasSize(11);
        List<RecordedEvent> segments = events.stream()
                .filter(e -> e.type().equals(CaseEventTypes.SEGMENT_CLOSED)).toList();
        assertThat(segments).extracting(e -> e.data().get("unitCode").asText() + "/"
                        + e.data().get("processedOnline").asBoolean())
                // the commune's hand-off was on paper: the district's copy did not arrive electronically
                .containsExactly("10663/false", "288/false", "30/true", "10663/true");
        assertThat(events).filteredOn(e -> e.type().equals(CaseEventTypes.TRANSFERRED)).hasSize(3);
        assertThat(events).filteredOn(e -> e.type().equals(CaseEventTypes.RESOLVED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("outcome").asText()).isEqualTo("APPROVED");
                    assertThat(e.source()).isEqualTo("/units/30");
                });
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString())
                .doesNotContain("030095001234").doesNotContain("Nguyễn Văn An"));

        try (TopicReader topic = new TopicReader(infrastructure.kafkaBootstrapServers(), List.of(caseId))) {
            var received = topic.awaitDistinct(Map.of(caseId, events.size()), Duration.ofSeconds(30)).get(caseId);
            assertThat(received.stream().map(TopicReader.Received::id).distinct().toList())
                    .containsExactlyElementsOf(events.stream().map(e -> e.id().toString()).toList());
            assertThat(received).extracting(r -> r.event().get("type").asText()).first()
                    .isEqualTo(CaseEventTypes.RECEIVED);
        }
    }
}
