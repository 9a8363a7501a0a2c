package org.rectiflow.demo;

import org.rectiflow.common.EngineClock;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.inspection.WorkRecordService;
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
 * brings it where the seed's stood: the first leading-group meeting held and the later ones recorded (the seed's
 * 8), the plan approved after three comment rounds, every unit's implementation plan approved, so every measure is
 * running and the escalation ladder acts at once. All in one transaction.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoRoundLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRoundLoader.class);

    private final Resource roundFile;
    private final Resource secondRoundFile;
    private final InspectionRoundService rounds;
    private final RoundRepository repository;
    private final RoundWalkthrough walkthrough;
    private final WorkRecordService workRecords;
    private final EngineClock clock;
    private final TransactionTemplate transaction;
    private final DemoMechanisms demoMechanisms;

    public DemoRoundLoader(@Value("${rectiflow.demo.round-file}") Resource roundFile,
                           @Value("${rectiflow.demo.second-round-file}") Resource secondRoundFile,
                           InspectionRoundService rounds,
                           RoundRepository repository, RoundWalkthrough walkthrough, WorkRecordService workRecords,
                           EngineClock clock, PlatformTransactionManager transactionManager,
                           DemoMechanisms demoMechanisms) {
        this.roundFile = roundFile;
        this.secondRoundFile = secondRoundFile;
        this.rounds = rounds;
        this.repository = repository;
        this.walkthrough = walkthrough;
        this.workRecords = workRecords;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.demoMechanisms = demoMechanisms;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadSeedRound();
        loadSecondRound();
    }

    /** The second round stops early: its meeting held and its plan drafted, out for the first round of comments. */
    private void loadSecondRound() {
        DemoRoundFile file = DemoRound.read(secondRoundFile);
        if (repository.exists(file.code())) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            rounds.registerBackdated(DemoRound.registration(file, clock.today()));
            walkthrough.holdMeeting(file.code(), clock.today().plusDays(file.feedbackDays()), "巡察整改工作领导小组会议",
                "巡察整改工作领导小组成员", "研究营商环境专项巡察反馈意见，部署起草整改方案。");
            walkthrough.draftPlan(file.code(), "针对营商环境专项巡察反馈的问题，逐条制定整改措施，现征求意见。");
        });
        LOG.info("Demo round {} registered, its plan out for the first round of comments", file.code());
    }

    private void loadSeedRound() {
        DemoRoundFile file = DemoRound.read(roundFile);
        if (repository.exists(file.code())) {
            LOG.info("Demo round {} is registered already", file.code());
            return;
        }
        String instance = transaction.execute(status -> {
            String id = rounds.registerBackdated(DemoRound.registration(file, clock.today()));
            bringToExecution(file.code(), file);
            LOG.info("Demo round {}: {} mechanisms recorded", file.code(), demoMechanisms.load(file.code(), clock.today()));
            return id;
        });
        LOG.info("Demo round {} registered and its measures started: inspection-round instance {}", file.code(),
            instance);
    }

    /**
     * The seed: the first meeting on the feedback day, the later work the file records (the leading group's 7 further
     * meetings), the plan after three comment rounds, the units' plans.
     */
    private void bringToExecution(String roundCode, DemoRoundFile file) {
        walkthrough.holdMeeting(roundCode, clock.today().plusDays(file.feedbackDays()),
            "党委（扩大）会暨巡察整改工作领导小组第一次会议", "市局党委班子成员、巡察整改工作领导小组成员",
            "专题研究巡察整改工作，将市委巡察反馈意见印发全局；成立以市局主要领导为组长的巡察整改领导小组及整改专班，"
                + "下设协调、综合、监督、重点整改4个工作组；细化整改措施，逐一下发任务清单。");
        for (DemoRoundFile.WorkRecord record : file.workRecords()) {
            workRecords.record(roundCode, record.kind(), clock.today().plusDays(record.heldDays()), record.title(),
                record.participants(), record.summary());
        }
        walkthrough.approvePlan(roundCode, "对照市委巡察组反馈的问题，细化整改措施，逐一明确责任单位、责任领导和完成时限，"
            + "坚持“当下改”与“长久立”相结合。", "建议对长久立措施明确制度建设的具体成果形式。");
        walkthrough.approveUnitPlans(roundCode);
    }
}
