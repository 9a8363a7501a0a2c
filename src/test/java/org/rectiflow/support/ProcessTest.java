package org.rectiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.notification.NotificationRepository;
import org.rectiflow.supervision.NoticeRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Process tests run the real diagrams, delegates and ledger in Spring Boot with the job executor off:
 * time moves only by setting the engine clock, and timers fire only when a test executes their job.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class ProcessTest {

    /** Every test starts on Monday 2 March 2026, 09:00 in the office's zone. */
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected InspectionRoundService rounds;
    @Autowired protected MeasureRepository measures;
    @Autowired protected NoticeRepository notices;
    @Autowired protected NotificationRepository notifications;
    @Autowired protected JdbcClient jdbc;

    @BeforeEach
    void initEngineAndClock() {
        BpmnAwareTests.init(processEngine);
        setClock(TODAY.atTime(9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected static void setClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
    }

    protected static void setClock(Date time) {
        ClockUtil.setCurrentTime(time);
    }

    /** Registers a one-problem round of measures due in the given days; returns its code. */
    protected String registerRound(MeasureKind kind, int... deadlineDays) {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.round(code, TODAY, kind, deadlineDays));
        return code;
    }

    /** The jobs of an instance that are due at the engine clock's now. */
    protected List<Job> dueJobs(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
    }

    protected Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .list();
        assertThat(jobs).as("timer jobs at " + activityId).hasSize(1);
        return jobs.get(0);
    }

    /**
     * A timer job's due date as the office reads it, e.g. {@code 2026-04-11T18:00+08:00}: tests compare it with a
     * literal.
     */
    protected static String due(Job job) {
        return beijing(job.getDuedate());
    }

    /** An instant as a date-time in the office's offset (UTC+8), e.g. {@code 2026-04-11T18:00+08:00}. */
    protected static String beijing(Date instant) {
        return instant.toInstant().atOffset(ZoneOffset.ofHours(8)).toString();
    }

    /** Moves the clock a minute past the timer's due date (never backwards) and fires it. */
    protected void fire(ProcessInstance instance, String activityId) {
        Job job = timer(instance, activityId);
        long due = job.getDuedate().getTime() + 60_000;
        if (due > ClockUtil.getCurrentTime().getTime()) {
            setClock(new Date(due));
        }
        assertThat(dueJobs(instance)).extracting(Job::getId).contains(job.getId());
        managementService.executeJob(job.getId());
    }

    /**
     * Starts a process as the application does (the engine refuses starts from users): measure-execution and
     * clue-handling run by themselves here, as inspection-round's call activities would start them.
     */
    protected ProcessInstance start(String processDefinitionKey, String businessKey, Map<String, Object> variables) {
        return ApplicationCalls.call(() -> runtimeService.startProcessInstanceByKey(processDefinitionKey, businessKey,
            variables));
    }

    protected Task task(ProcessInstance instance, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    }

    protected void complete(ProcessInstance instance, String taskDefinitionKey, Map<String, Object> variables) {
        Task task = task(instance, taskDefinitionKey);
        assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
        taskService.complete(task.getId(), variables);
    }
}
