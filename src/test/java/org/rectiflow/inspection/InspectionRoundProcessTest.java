package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.EXECUTE_MEASURES;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.HANDLE_CLUES;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.LEADING_GROUP_MEETING;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REPORT_DUE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REPORT_SUBMITTED;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.ROUND_COMPLETED;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.SUBMIT_REPORT;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/inspection-round.bpmn: meeting, one measure execution per measure and one clue handling per
 * clue side by side, the 2-month report, the end.
 */
class InspectionRoundProcessTest extends ProcessTest {

    private static final Map<String, Object> MEETING = Map.of("meetingDate", "2026-03-03",
        "meetingTitle", "党委（扩大）会暨巡察整改工作领导小组第一次会议", "attendees", "党委班子成员",
        "meetingDecisions", "专题研究巡察整改工作，将反馈意见印发全局");

    @Autowired RoundRepository roundRepository;

    private ProcessInstance instanceOf(String roundCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(roundCode).singleResult();
    }

    @Test
    void afterTheLeadingGroupMeetingEveryMeasureStartsItsOwnExecution() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30, 40, 50);
        ProcessInstance instance = instanceOf(round);

        assertThat(instance).isWaitingAt(LEADING_GROUP_MEETING);
        assertThat(task(instance, LEADING_GROUP_MEETING)).hasCandidateGroup("leadinggroup").hasCandidateGroup("office");
        assertThat(roundRepository.requireRound(round).status()).isEqualTo(RoundStatus.IN_RECTIFICATION);
        assertThat(roundRepository.requireRound(round).processInstanceId()).isEqualTo(instance.getId());

        complete(instance, LEADING_GROUP_MEETING, MEETING);

        assertThat(instance).isWaitingAt(EXECUTE_MEASURES);
        assertThat(roundRepository.meetingCount(round)).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MeasureExecutionProcess.KEY)
            .superProcessInstanceId(instance.getId()).list())
            .extracting(ProcessInstance::getBusinessKey)
            .containsExactlyInAnyOrder(round + "-01-01", round + "-01-02", round + "-01-03");
        assertThat(measures.countByStatus(round)).containsEntry(MeasureStatus.IN_PROGRESS, 3L);
    }

    @Test
    void aMeetingRecordWithoutDecisionsIsRefused() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        Task meeting = task(instance, LEADING_GROUP_MEETING);

        assertThatThrownBy(() -> taskService.complete(meeting.getId(), Map.of("meetingDate", "2026-03-03",
            "meetingTitle", "领导小组会议")))
            .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("meetingDecisions");

        assertThat(instance).isWaitingAt(LEADING_GROUP_MEETING);
        assertThat(roundRepository.meetingCount(round)).isZero();
        assertThat(measures.countByStatus(round)).containsOnlyKeys(MeasureStatus.REGISTERED);
    }

    @Test
    void twoMonthsAfterTheFeedbackTheOfficeReportsToTheInspectionOffice() {
        String round = registerRound(MeasureKind.IMMEDIATE, 90);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);

        assertThat(timer(instance, REPORT_DUE).getDuedate())
            .isEqualTo(Date.from(TODAY.plusMonths(2).atTime(18, 0).atZone(ZONE).toInstant()));
        fire(instance, REPORT_DUE);

        Task report = task(instance, SUBMIT_REPORT);
        assertThat(report).hasCandidateGroup("office");
        taskService.complete(report.getId(), Map.of("reportDate", "2026-05-03", "reportReference", "厦公党〔2026〕5号",
            "reportSummary", "已完成集中整改阶段任务"));

        assertThat(instance).hasPassed(REPORT_SUBMITTED).isWaitingAt(EXECUTE_MEASURES);
        assertThat(roundRepository.requireRound(round).reportSubmittedOn()).isEqualTo(TODAY.plusMonths(2).plusDays(1));
    }

    @Test
    void theRoundEndsWhenEveryMeasureIsSignedOffOrHandedOver() {
        String round = registerRound(MeasureKind.LONG_TERM, 30, 60);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);

        finishMeasure(round + "-01-01", "COMPLETED");
        assertThat(instance).isWaitingAt(EXECUTE_MEASURES);
        finishMeasure(round + "-01-02", "LONG_TERM_CONTINUING");

        assertThat(instance).isEnded().hasPassed(ROUND_COMPLETED).hasNotPassed(REPORT_SUBMITTED);
        assertThat(roundRepository.requireRound(round).status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(roundRepository.countProblems(round, RoundRepository.ProblemStatus.CLOSED)).isEqualTo(1);
        assertThat(measures.countByStatus(round)).containsEntry(MeasureStatus.SIGNED_OFF, 1L)
            .containsEntry(MeasureStatus.NORMAL_MANAGEMENT, 1L);
    }

    @Test
    void theTransferredCluesAreHandledBesideTheMeasuresAndTheRoundWaitsForBoth() {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.roundWithClues(round, TODAY,
            new RoundRegistration.Clue("XF-1", ClueKind.PETITION, "反映民警违规收费", TODAY.minusDays(3))));
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);

        assertThat(instance).isWaitingAt(EXECUTE_MEASURES, HANDLE_CLUES);
        ProcessInstance clue = runtimeService.createProcessInstanceQuery().processDefinitionKey(ClueHandlingProcess.KEY)
            .superProcessInstanceId(instance.getId()).singleResult();
        assertThat(clue.getBusinessKey()).isEqualTo(round + "-C01");

        finishMeasure(round + "-01-01", "COMPLETED");
        assertThat(instance).isWaitingAt(HANDLE_CLUES).isNotEnded();
        complete(clue, ClueHandlingProcess.Elements.TRIAGE_CLUE, Map.of("triage", "CONCLUDE", "triageReason", "已办结"));

        assertThat(instance).isEnded().hasPassed(ROUND_COMPLETED);
    }

    private void finishMeasure(String measureCode, String reportStatus) {
        ProcessInstance measure = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(MeasureExecutionProcess.KEY).processInstanceBusinessKey(measureCode).singleResult();
        complete(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES, Map.of("progress", "已完成",
            "completionSummary", "已完成整改", "evidence", "会议纪要", "reportStatus", reportStatus));
        complete(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, Map.of("reviewDecision", "APPROVE"));
        complete(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF, Map.of("signOffDecision", "APPROVE"));
        assertThat(measure).isEnded();
    }
}
