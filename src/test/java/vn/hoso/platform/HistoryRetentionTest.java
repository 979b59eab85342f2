package vn.hoso.platform;

import java.time.LocalTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
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
    void everyDeployedModelKeepsItsHistoryTenYears() {
        assertThat(repository.createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
        assertThat(repository.createDecisionDefinitionQuery().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
    }
}
