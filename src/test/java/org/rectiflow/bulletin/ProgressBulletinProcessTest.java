package org.rectiflow.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.bulletin.ProgressBulletinProcess.Elements.BULLETIN_DUE;
import static org.rectiflow.bulletin.ProgressBulletinProcess.Elements.BULLETIN_SENT;
import static org.rectiflow.bulletin.ProgressBulletinProcess.Elements.COMPILE_BULLETIN;
import static org.rectiflow.bulletin.ProgressBulletinProcess.Elements.NOTIFY_BULLETIN;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rectiflow.bulletin.BulletinRepository.Bulletin;
import org.rectiflow.bulletin.BulletinRepository.Line;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.notification.OutboxEntry;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/progress-bulletin.bpmn: the weekly timer starts it, the ledger's red/amber/green status per unit
 * and key group is stored, the leading group and the office are told. The timer start job is scheduled at
 * deployment from the real clock; each test has the engine compute its due date again from the test's clock
 * (Monday 2 March 2026, 09:00), registers its rounds a week before it and then moves the engine clock to it.
 */
class ProgressBulletinProcessTest extends ProcessTest {

    @Autowired HistoryService historyService;
    @Autowired BulletinRepository bulletins;
    @Autowired RoundRepository roundRepository;

    /**
     * The timer start job, its due date computed by the engine from the test's clock, Monday 2 March 2026 at
     * 09:00 (the job was scheduled when the diagram was deployed, from the real clock).
     */
    private Job bulletinTimerFromMonday2March() {
        managementService.recalculateJobDuedate(bulletinTimer().getId(), false);
        return bulletinTimer();
    }

    /** The timer start job: exactly one per deployed version. */
    private Job bulletinTimer() {
        List<Job> jobs = managementService.createJobQuery().processDefinitionKey(ProgressBulletinProcess.KEY).timers()
            .list();
        assertThat(jobs).as("timer start jobs of " + ProgressBulletinProcess.KEY).hasSize(1);
        return jobs.get(0);
    }

    /**
     * Registers, as of {@code registeredOn}, a round of one unit's measures due the given days later. The round
     * is in rectification from its registration on, so the bulletin counts its measures whether or not its
     * plan has released them to the units yet.
     */
    private String registerUnitRound(LocalDate registeredOn, String unit, int... deadlineDays) {
        setClock(registeredOn.atTime(9, 0));
        String code = TestRounds.newCode();
        rounds.register(TestRounds.round(code, registeredOn, unit, MeasureKind.IMMEDIATE, deadlineDays));
        assertThat(roundRepository.requireRound(code).status()).isEqualTo(RoundStatus.IN_RECTIFICATION);
        return code;
    }

    /** Moves the clock to the timer's due date, fires it, and returns the instance it started (ended by now). */
    private HistoricProcessInstance fireBulletinTimer(Job timer) {
        Set<String> before = bulletinInstanceIds();
        setClock(timer.getDuedate());
        assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count())
            .as("the bulletin timer is due").isEqualTo(1);

        managementService.executeJob(timer.getId());

        Set<String> started = bulletinInstanceIds();
        started.removeAll(before);
        assertThat(started).as("instances the timer started").hasSize(1);
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(started.iterator().next())
            .singleResult();
    }

    private Set<String> bulletinInstanceIds() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProgressBulletinProcess.KEY)
            .list().stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    }

    private long bulletinIdOf(HistoricProcessInstance instance) {
        Object value = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName(ProgressBulletinProcess.Variables.BULLETIN_ID.name()).singleResult().getValue();
        assertThat(value).isInstanceOf(Long.class);
        return (Long) value;
    }

    private Line line(long bulletinId, String roundCode, BulletinScope scope, String scopeCode) {
        List<Line> lines = bulletins.lines(bulletinId, roundCode).stream()
            .filter(l -> l.scope() == scope && l.scopeCode().equals(scopeCode)).toList();
        assertThat(lines).as(scope + " line of " + scopeCode + " in round " + roundCode).hasSize(1);
        return lines.get(0);
    }

    private List<OutboxEntry> bulletinNotifications(long bulletinId, String recipient) {
        return notifications.forRecipient(recipient).stream()
            .filter(n -> n.key().startsWith(BulletinService.notificationKey(bulletinId) + ":")).toList();
    }

    /** Runs one measure's execution from the start to its sign-off. */
    private void signOff(String roundCode, String measureCode) {
        ProcessInstance measure = start(MeasureExecutionProcess.KEY, measureCode,
            Map.of(MeasureExecutionProcess.Variables.MEASURE_CODE.name(), measureCode,
                MeasureExecutionProcess.Variables.ROUND_CODE.name(), roundCode));
        complete(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES, Map.of("progress", "已完成",
            "completionSummary", "已完成整改", "evidence", "会议纪要", "reportStatus", "COMPLETED"));
        complete(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, Map.of("reviewDecision", "APPROVE"));
        complete(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF, Map.of("signOffDecision", "APPROVE"));
        assertThat(measure).isEnded();
    }

    @Test
    void theWeeklyTimerCompilesTheBulletinAndTellsTheLeadingGroupAndTheOffice() {
        Job timer = bulletinTimerFromMonday2March();
        assertThat(due(timer)).as("the next Monday, 09:00").isEqualTo("2026-03-09T09:00+08:00");
        LocalDate bulletinDay = LocalDate.of(2026, 3, 9);
        // due 3 days before the bulletin (overdue then), 5 days after it (amber), 63 days after it (far off)
        String round = registerUnitRound(bulletinDay.minusDays(7), "siming", 4, 12, 70);

        HistoricProcessInstance instance = fireBulletinTimer(timer);

        assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(instance.getEndActivityId()).isEqualTo(BULLETIN_SENT);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
            .list()).extracting(HistoricActivityInstance::getActivityId)
            .contains(BULLETIN_DUE, COMPILE_BULLETIN, NOTIFY_BULLETIN, BULLETIN_SENT);

        long bulletinId = bulletinIdOf(instance);
        Bulletin bulletin = bulletins.require(bulletinId);
        assertThat(bulletin.asOf()).isEqualTo(bulletinDay);
        assertThat(bulletin.measuresTotal()).isGreaterThanOrEqualTo(3);
        assertThat(bulletin.measuresOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(bulletins.lines(bulletinId, round)).extracting(Line::scope)
            .containsExactly(BulletinScope.UNIT, BulletinScope.KEY_GROUP);
        for (Line line : List.of(line(bulletinId, round, BulletinScope.UNIT, "siming"),
            line(bulletinId, round, BulletinScope.KEY_GROUP, TestRounds.KEY_GROUP))) {
            assertThat(line.total()).as(line.scopeCode() + " total").isEqualTo(3);
            assertThat(line.closed()).as(line.scopeCode() + " closed").isZero();
            assertThat(line.openCount()).as(line.scopeCode() + " open").isEqualTo(3);
            assertThat(line.overdue()).as(line.scopeCode() + " overdue").isEqualTo(1);
            assertThat(line.colour()).as(line.scopeCode() + " colour").isEqualTo(Light.RED);
        }
        assertThat(line(bulletinId, round, BulletinScope.UNIT, "siming").scopeName()).isEqualTo("思明分局");
        assertThat(line(bulletinId, round, BulletinScope.KEY_GROUP, TestRounds.KEY_GROUP).scopeName())
            .isEqualTo("作风转变");

        for (String member : List.of("chief", "commissar", "officer1")) {
            assertThat(bulletinNotifications(bulletinId, member)).as("bulletin for " + member).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.subject()).isEqualTo("【整改进展通报】截至2026年3月9日");
                    assertThat(n.body()).contains("红色（有超期未办结措施）单位：").contains("思明分局（测试巡察：未办结3项，超期1项）")
                        .containsPattern("已完成整改\\d+项，基本完成、持续推进\\d+项，正在推进\\d+项，未完成\\d+项")
                        .containsPattern("整改完成率\\d+\\.\\d{2}%");
                });
        }
        assertThat(bulletinNotifications(bulletinId, TestRounds.LIAISON)).isEmpty();

        // the cycle goes on: the next Monday's timer is waiting
        assertThat(due(bulletinTimer())).isEqualTo("2026-03-16T09:00+08:00");
    }

    @Test
    void aUnitWithOnlyFarOffMeasuresIsGreenAndOneWithAMeasureDueWithinTenDaysIsAmber() {
        Job timer = bulletinTimerFromMonday2March();
        assertThat(due(timer)).isEqualTo("2026-03-09T09:00+08:00");
        LocalDate registeredOn = LocalDate.of(2026, 3, 2);
        // 海沧分局: due 43 and 63 days after the bulletin
        String green = registerUnitRound(registeredOn, "haicang", 50, 70);
        // 同安分局: one due 3 days before the bulletin but signed off, one due 5 days after it, one far off
        String amber = registerUnitRound(registeredOn, "tongan", 4, 12, 70);
        signOff(amber, RoundRegistration.measureCode(amber, 1, 1));
        assertThat(measures.require(RoundRegistration.measureCode(amber, 1, 1)).status())
            .isEqualTo(MeasureStatus.SIGNED_OFF);

        long bulletinId = bulletinIdOf(fireBulletinTimer(timer));

        Line haicang = line(bulletinId, green, BulletinScope.UNIT, "haicang");
        assertThat(haicang.colour()).isEqualTo(Light.GREEN);
        assertThat(List.of(haicang.total(), haicang.closed(), haicang.openCount(), haicang.overdue()))
            .containsExactly(2, 0, 2, 0);
        assertThat(line(bulletinId, green, BulletinScope.KEY_GROUP, TestRounds.KEY_GROUP).colour())
            .isEqualTo(Light.GREEN);

        Line tongan = line(bulletinId, amber, BulletinScope.UNIT, "tongan");
        assertThat(tongan.colour()).as("a closed measure past its deadline is not overdue").isEqualTo(Light.AMBER);
        assertThat(List.of(tongan.total(), tongan.closed(), tongan.openCount(), tongan.overdue()))
            .containsExactly(3, 1, 2, 0);
        assertThat(line(bulletinId, amber, BulletinScope.KEY_GROUP, TestRounds.KEY_GROUP).colour())
            .isEqualTo(Light.AMBER);

        assertThat(bulletinNotifications(bulletinId, "chief")).isNotEmpty().allSatisfy(n -> assertThat(n.body())
            .contains("黄色（10日内到期）单位：").contains("同安分局（测试巡察：未办结2项）"));
        assertThat(bulletins.require(bulletinId).measuresRectified()).as("the signed-off measure, rectified")
            .isPositive();
    }
}
