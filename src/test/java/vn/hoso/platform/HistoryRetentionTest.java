package vn.hoso.platform;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Camunda's history has a stated retention, cleaned up only in the nightly window (docs/operations.md). */
@IntegrationTest
class HistoryRetentionTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void theCleanupJobRunsInTheNightlyWindowOnly() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(history.findHistoryCleanupJobs()).as("scheduled at engine start").isNotEmpty();
        for (Job job : history.findHistoryCleanupJobs()) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due.isBefore(LocalTime.of(5, 0)) || !due.isBefore(LocalTime.of(22, 0)))
                    .as("due at %s", due).isTrue();
        }
    }

    @Test
    void everyModelOfTheProductKeepsItsHistoryTenYears() {
        // the product's models (other tests deploy probes of their own)
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyLike("hoso-%").list())
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
        assertThat(repository.createDecisionDefinitionQuery().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
    }

    @Test
    void aHistoryRowIsDueForRemovalTenYearsAfterItsProcessStartedFromTheMomentItIsWritten() {
        // "start": nothing rewrites the history when the process ends (with "end", 17 updates a finished case)
        assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("start");
        Deployment deployment = repository.createDeployment().name("probe: removal time")
                .addModelInstance("probe-removal-time.bpmn", Bpmn.createExecutableProcess("probe-removal-time")
                        .camundaHistoryTimeToLive(3650).startEvent().userTask("work").endEvent().done())
                .deploy();
        try {
            String id = runtime.startProcessInstanceByKey("probe-removal-time").getId();
            HistoricProcessInstance running = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            Date due = Date.from(running.getStartTime().toInstant().plus(3650, ChronoUnit.DAYS));
            assertThat(running.getRemovalTime()).as("set while the process runs").isEqualTo(due);

            tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                    .getRemovalTime()).as("unchanged by the end").isEqualTo(due);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
                    .hasSize(3).extracting(HistoricActivityInstance::getRemovalTime).containsOnly(due);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
