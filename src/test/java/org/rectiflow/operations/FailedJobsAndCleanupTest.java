package org.rectiflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine settings operators rely on: a failing job is retried five times, five minutes apart, then stands
 * as an incident (Cockpit lists it); history cleanup is scheduled in its night window.
 */
class FailedJobsAndCleanupTest extends ProcessTest {

    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;

    private Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aFailingJobIsRetriedFiveTimesFiveMinutesApartThenRaisesAnIncident() {
        BpmnModelInstance failing = Bpmn.createExecutableProcess("failing-job-check")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("brokenStep").camundaAsyncBefore().camundaExpression("${noSuchVariable}")
            .endEvent()
            .done();
        deployment = repositoryService.createDeployment().addModelInstance("failing-job-check.bpmn", failing).deploy();
        String instance = ApplicationCalls.call(() -> runtimeService.startProcessInstanceByKey("failing-job-check")).getId();

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
            Instant failedAt = ClockUtil.getCurrentTime().toInstant();
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("noSuchVariable");

            Job after = managementService.createJobQuery().processInstanceId(instance).singleResult();
            assertThat(after.getRetries()).isEqualTo(5 - attempt);
            if (attempt < 5) {
                assertThat(Duration.between(failedAt, after.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(5));
                assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
                setClock(after.getDuedate());
            }
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("brokenStep");
    }

    @Test
    void historyCleanupIsScheduledInTheNightWindow() {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
        assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
            .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825));
    }
}
