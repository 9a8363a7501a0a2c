package org.rectiflow.demo;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.common.EngineClock;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: on first start (after the organisation), registers the demo round from the seed and
 * records its first leading-group meeting as the seed tells it, so every unit's measures are running
 * and the escalation ladder acts at once. Both in one transaction.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoRoundLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRoundLoader.class);

    private final Resource roundFile;
    private final InspectionRoundService rounds;
    private final RoundRepository repository;
    private final TaskService taskService;
    private final EngineClock clock;
    private final TransactionTemplate transaction;

    public DemoRoundLoader(@Value("${rectiflow.demo.round-file}") Resource roundFile, InspectionRoundService rounds,
                           RoundRepository repository, TaskService taskService, EngineClock clock,
                           PlatformTransactionManager transactionManager) {
        this.roundFile = roundFile;
        this.rounds = rounds;
        this.repository = repository;
        this.taskService = taskService;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoRoundFile file = DemoRound.read(roundFile);
        if (repository.exists(file.code())) {
            LOG.info("Demo round {} is registered already", file.code());
            return;
        }
        String instance = transaction.execute(status -> {
            String id = rounds.register(DemoRound.registration(file, clock.today()));
            holdFirstMeeting(id, file);
            return id;
        });
        LOG.info("Demo round {} registered and its measures started: inspection-round instance {}", file.code(),
            instance);
    }

    private void holdFirstMeeting(String processInstanceId, DemoRoundFile file) {
        Task meeting = taskService.createTaskQuery().processInstanceId(processInstanceId)
            .taskDefinitionKey(InspectionRoundProcess.Elements.LEADING_GROUP_MEETING).singleResult();
        taskService.complete(meeting.getId(), Map.of(
            InspectionRoundProcess.Variables.MEETING_DATE, clock.today().plusDays(file.feedbackDays()).toString(),
            InspectionRoundProcess.Variables.MEETING_TITLE, "党委（扩大）会暨巡察整改工作领导小组第一次会议",
            InspectionRoundProcess.Variables.ATTENDEES, "市局党委班子成员、巡察整改工作领导小组成员",
            InspectionRoundProcess.Variables.MEETING_DECISIONS,
            "专题研究巡察整改工作，将市委巡察反馈意见印发全局；成立以市局主要领导为组长的巡察整改领导小组及整改专班，"
                + "下设协调、综合、监督、重点整改4个工作组；细化整改措施，逐一下发任务清单。"));
    }
}
