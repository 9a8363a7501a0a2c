package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.APPROVE_PUBLIC_NOTE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.CENTRALISED_PERIOD_ENDS;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.CHECK_FOR_RELAPSE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.DRAFT_PLAN;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.DRAFT_PUBLIC_NOTE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.HAND_OVER_LONG_TERM;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.LOOK_BACK_DUE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.MEASURE_REOPENED;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.NO_RELAPSE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.PUBLISH_PROGRESS;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.RECORD_WORK;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.RECORD_WORK_ENTRY;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.WORK_RECORDS_CLOSED;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.RECTIFICATION_DONE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REOPEN_MEASURE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.EXECUTE_MEASURES;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.HANDLE_CLUES;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.LEADING_GROUP_MEETING;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REPORT_DUE;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REPORT_TRIGGER;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.ROUND_COMPLETED;
import static org.rectiflow.inspection.InspectionRoundProcess.Elements.SUBMIT_REPORT;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.lookback.LookBackVariables;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.plan.RectificationPlanProcess;
import org.rectiflow.plan.UnitPlanVariables;
import org.rectiflow.support.ForgedCompletions;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/inspection-round.bpmn: the meeting, then side by side the plan and each unit's
 * rectification (its implementation plan, then its measures), the clues, and the 2-month report followed
 * by the end of the centralised period (hand-over to normal management, publication) and the look-back.
 */
class InspectionRoundProcessTest extends ProcessTest {

    private static final Map<String, Object> MEETING = Map.of("meetingDate", "2026-03-03",
        "meetingTitle", "党委（扩大）会暨巡察整改工作领导小组第一次会议", "attendees", "党委班子成员",
        "meetingDecisions", "专题研究巡察整改工作，将反馈意见印发全局");

    @Autowired RoundRepository roundRepository;
    @Autowired RoundWalkthrough walkthrough;

    private ProcessInstance instanceOf(String roundCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(roundCode).singleResult();
    }

    private Task unitTask(ProcessInstance instance, String key, String unit) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
            .taskCandidateGroup(unit).singleResult();
    }

    private Task officeTask(ProcessInstance instance, String key, String unitName) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list().stream()
            .filter(t -> unitName.equals(taskService.getVariable(t.getId(), "unitName"))).findFirst().orElseThrow();
    }

    @Test
    void afterTheMeetingThePlanIsDraftedWhileTheReportTimerRuns() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30, 40);
        ProcessInstance instance = instanceOf(round);
        assertThat(instance).isWaitingAt(LEADING_GROUP_MEETING);
        assertThat(task(instance, LEADING_GROUP_MEETING)).hasCandidateGroup("leadinggroup").hasCandidateGroup("office");
        assertThat(roundRepository.requireRound(round).status()).isEqualTo(RoundStatus.IN_RECTIFICATION);

        complete(instance, LEADING_GROUP_MEETING, MEETING);

        // no clues: their multi-instance ends at once
        assertThat(instance).isWaitingAt(DRAFT_PLAN, REPORT_TRIGGER).hasPassed(HANDLE_CLUES + "#multiInstanceBody");
        assertThat(roundRepository.meetingCount(round)).isEqualTo(1);
        ProcessInstance plan = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(RectificationPlanProcess.KEY).superProcessInstanceId(instance.getId()).singleResult();
        assertThat(plan.getBusinessKey()).isEqualTo(round);
        assertThat(measures.countByStatus(round)).containsOnlyKeys(MeasureStatus.REGISTERED);
    }

    @Test
    void theStandingTaskRecordsWorkAndTheReportTextAndStandsAgain() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        assertThat(instance).isWaitingAt(RECORD_WORK);
        assertThat(task(instance, RECORD_WORK)).hasCandidateGroup("office");

        complete(instance, RECORD_WORK, Map.of("workEntry", "SPECIAL_MEETING", "workDate", "2026-03-10",
            "workTitle", "财务项目整改推进会", "workParticipants", "警保部、财务处", "workSummary", "逐项梳理"));
        complete(instance, RECORD_WORK, Map.of("workEntry", "LEADING_GROUP_MEETING", "workDate", "2026-03-20",
            "workTitle", "巡察整改工作领导小组第二次会议"));
        complete(instance, RECORD_WORK, Map.of("workEntry", "REPORT_TEXT", "reportContact", "联系电话：12389\n\n",
            "reportIssuer", " 整改办 "));

        assertThat(instance).isWaitingAt(RECORD_WORK).hasPassed(RECORD_WORK_ENTRY);
        assertThat(roundRepository.meetingCount(round)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT kind, title, participants FROM round_work_record WHERE round_code = ? ORDER BY held_on")
            .param(round).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list())
            .containsExactly("LEADING_GROUP_MEETING/党委（扩大）会暨巡察整改工作领导小组第一次会议/党委班子成员",
                "SPECIAL_MEETING/财务项目整改推进会/警保部、财务处", "LEADING_GROUP_MEETING/巡察整改工作领导小组第二次会议/null");
        assertThat(jdbc.sql("SELECT next_steps, contact, issuer FROM round_report_text WHERE round_code = ?").param(round)
            .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).single())
            .isEqualTo("null/联系电话：12389/整改办");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RECORD_WORK)
            .count()).isEqualTo(1);
    }

    @Test
    void aWorkRecordWithoutItsTitleOrDateIsRefused() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        Task record = task(instance, RECORD_WORK);

        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workEntry", "TRAINING",
            "workDate", "2026-03-10")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "workTitle");
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workEntry", "TRAINING",
            "workTitle", "业务培训")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "workDate");
        assertThatThrownBy(() -> taskService.complete(record.getId(), Map.of("workEntry", "MEETING",
            "workDate", "2026-03-10", "workTitle", "业务培训")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "workEntry");

        assertThat(instance).isWaitingAt(RECORD_WORK);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM round_work_record WHERE round_code = ? AND kind = 'TRAINING'")
            .param(round).query(Integer.class).single()).isZero();
    }

    @Test
    void aMeetingRecordWithoutDecisionsIsRefused() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        Task meeting = task(instance, LEADING_GROUP_MEETING);

        assertThatThrownBy(() -> taskService.complete(meeting.getId(), Map.of("meetingDate", "2026-03-03",
            "meetingTitle", "领导小组会议")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "meetingDecisions");

        assertThat(instance).isWaitingAt(LEADING_GROUP_MEETING);
        assertThat(roundRepository.meetingCount(round)).isZero();
    }

    @Test
    void eachUnitsMeasuresStartOnlyWhenTheOfficeApprovesItsImplementationPlan() {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, TODAY));
        ProcessInstance instance = instanceOf(round);
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");

        Task siming = unitTask(instance, DRAFT_UNIT_PLAN, "siming");
        Task haicang = unitTask(instance, DRAFT_UNIT_PLAN, "haicang");
        // the task list as the form shows it: plain text, each Markdown character escaped (common/FormText)
        assertThat(taskService.getVariable(siming.getId(), "unitTaskList")).asString().startsWith("1\\. " + round
            + "\\-01\\-01 测试整改措施：");
        taskService.complete(siming.getId(), Map.of("unitPlan", "思明分局整改实施方案"));
        taskService.complete(haicang.getId(), Map.of("unitPlan", "海沧分局整改实施方案"));

        Task simingReview = officeTask(instance, REVIEW_UNIT_PLAN, "思明分局");
        assertThat(simingReview).hasCandidateGroup("office");
        assertThatThrownBy(() -> taskService.complete(simingReview.getId(), Map.of("unitPlanDecision", "RETURN")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "unitPlanComment");
        taskService.complete(simingReview.getId(), Map.of("unitPlanDecision", "RETURN",
            "unitPlanComment", "时间节点不明确"));
        taskService.complete(officeTask(instance, REVIEW_UNIT_PLAN, "海沧分局").getId(),
            Map.of("unitPlanDecision", "APPROVE"));

        assertThat(measures.require(round + "-01-01").status()).isEqualTo(MeasureStatus.REGISTERED);
        assertThat(measures.require(round + "-01-02").status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        Task again = unitTask(instance, DRAFT_UNIT_PLAN, "siming");
        assertThat(taskService.getVariable(again.getId(), "lastReturnReason")).isEqualTo("时间节点不明确");

        taskService.complete(again.getId(), Map.of("unitPlan", "思明分局整改实施方案（修改稿）"));
        taskService.complete(officeTask(instance, REVIEW_UNIT_PLAN, "思明分局").getId(),
            Map.of("unitPlanDecision", "APPROVE"));
        assertThat(measures.require(round + "-01-01").status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(jdbc.sql("SELECT decision FROM unit_plan WHERE round_code = ? AND unit_code = 'siming' ORDER BY submission")
            .param(round).query(String.class).list()).containsExactly("RETURNED", "APPROVED");
    }

    @Test
    void twoMonthsAfterTheFeedbackTheOfficeReportsToTheInspectionOffice() {
        String round = registerRound(MeasureKind.IMMEDIATE, 90);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);

        // feedback on Monday 2 March 2026: the report is due two months later, at 18:00
        assertThat(due(timer(instance, REPORT_DUE))).isEqualTo("2026-05-02T18:00+08:00");
        fire(instance, REPORT_DUE);

        Task report = task(instance, SUBMIT_REPORT);
        assertThat(report).hasCandidateGroup("office");
        taskService.complete(report.getId(), Map.of("reportDate", "2026-05-03", "reportReference", "厦公党〔2026〕5号",
            "reportSummary", "已完成集中整改阶段任务"));

        assertThat(instance).isWaitingAt(DRAFT_PLAN).isNotEnded();
        assertThat(roundRepository.requireRound(round).reportSubmittedOn()).isEqualTo(LocalDate.of(2026, 5, 3));
    }

    @Test
    void theRoundEndsWhenMeasuresCluesReportPublicationAndLookBackAreAllDone() {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.roundWithClues(round, TODAY,
            new RoundRegistration.Clue("XF-1", ClueKind.PETITION, "反映民警违规收费", TODAY.minusDays(3))));
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        assertThat(instance).isWaitingAt(DRAFT_PLAN, HANDLE_CLUES, REPORT_TRIGGER);
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        assertThat(instance).isWaitingAt(EXECUTE_MEASURES);

        finishMeasure(round + "-01-01", "COMPLETED");
        ProcessInstance clue = runtimeService.createProcessInstanceQuery().processDefinitionKey(ClueHandlingProcess.KEY)
            .superProcessInstanceId(instance.getId()).singleResult();
        complete(clue, ClueHandlingProcess.Elements.TRIAGE_CLUE, Map.of("triage", "CONCLUDE", "triageReason", "已办结"));
        // all done before the 2 months: the report comes at once, its timer is gone
        assertThat(instance).isWaitingAt(SUBMIT_REPORT).hasPassed(RECTIFICATION_DONE).isNotEnded();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(REPORT_DUE).count())
            .isZero();

        reportAndPublish(instance);
        lookBack(instance, "NO_RELAPSE");

        // the office's standing task closes with the round
        assertThat(instance).isEnded().hasPassed(ROUND_COMPLETED, NO_RELAPSE, WORK_RECORDS_CLOSED)
            .hasNotPassed(REOPEN_MEASURE);
        assertThat(roundRepository.requireRound(round).status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(roundRepository.countProblems(round, RoundRepository.ProblemStatus.CLOSED)).isEqualTo(1);
    }

    @Test
    void thePublicNoteReturnedByTheLeadingGroupIsRedraftedThenPublished() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        fire(instance, REPORT_DUE);
        complete(instance, SUBMIT_REPORT, REPORT);
        fire(instance, CENTRALISED_PERIOD_ENDS);

        assertThat(task(instance, DRAFT_PUBLIC_NOTE)).hasCandidateGroup("office");
        complete(instance, DRAFT_PUBLIC_NOTE, Map.of("publicNote", "整改进展情况（初稿）"));
        Task approval = task(instance, APPROVE_PUBLIC_NOTE);
        assertThat(approval).hasCandidateGroup("leadinggroup");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("publicNoteDecision", "RETURN")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "publicNoteComment");
        taskService.complete(approval.getId(), Map.of("publicNoteDecision", "RETURN", "publicNoteComment", "请补充线索情况"));

        Task redraft = task(instance, DRAFT_PUBLIC_NOTE);
        assertThat(taskService.getVariable(redraft.getId(), "lastReturnReason")).isEqualTo("请补充线索情况");
        assertThat(roundRepository.publishedOn(round)).isEmpty();
        taskService.complete(redraft.getId(), Map.of("publicNote", "整改进展情况（修改稿）"));
        complete(instance, APPROVE_PUBLIC_NOTE, Map.of("publicNoteDecision", "APPROVE"));

        assertThat(instance).hasPassed(PUBLISH_PROGRESS).isWaitingAt(LOOK_BACK_DUE);
        assertThat(roundRepository.publishedOn(round)).contains(LocalDate.of(2026, 9, 2));
        assertThat(jdbc.sql("SELECT decision FROM public_note_decision WHERE round_code = ? ORDER BY id").param(round)
            .query(String.class).list()).containsExactly("RETURN", "APPROVE");
    }

    @Test
    void atTheEndOfTheCentralisedPeriodOpenLongTermMeasuresGoToNormalManagement() {
        String round = registerRound(MeasureKind.LONG_TERM, 300);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        fire(instance, REPORT_DUE);
        complete(instance, SUBMIT_REPORT, REPORT);
        // the centralised period: six months after the feedback of Monday 2 March 2026
        assertThat(due(timer(instance, CENTRALISED_PERIOD_ENDS))).isEqualTo("2026-09-02T18:00+08:00");

        fire(instance, CENTRALISED_PERIOD_ENDS);

        assertThat(instance).hasPassed(HAND_OVER_LONG_TERM).isWaitingAt(DRAFT_PUBLIC_NOTE, EXECUTE_MEASURES);
        String code = round + "-01-01";
        assertThat(jdbc.sql("SELECT managed_by FROM measure WHERE code = ?").param(code).query(String.class).single())
            .isEqualTo("NORMAL_MANAGEMENT");
        ProcessInstance measure = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(MeasureExecutionProcess.KEY).processInstanceBusinessKey(code).singleResult();
        complete(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES, Map.of("progress", "制度已建立",
            "completionSummary", "建立长效机制", "evidence", "制度文件", "reportStatus", "COMPLETED"));
        complete(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, Map.of("reviewDecision", "APPROVE"));
        assertThat(task(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF)).hasCandidateGroup("normalmanagement");
    }

    @Test
    void aRelapseFoundByTheLookBackReopensTheMeasureWithItsReason() {
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        finishMeasure(round + "-01-01", "COMPLETED");
        reportAndPublish(instance);
        // six months after the centralised period's end (2 September 2026)
        assertThat(due(timer(instance, LOOK_BACK_DUE))).isEqualTo("2027-03-02T18:00+08:00");

        lookBack(instance, "RELAPSED");

        String code = round + "-01-01";
        assertThat(instance).isEnded().hasPassed(REOPEN_MEASURE, MEASURE_REOPENED);
        assertThat(measures.require(code).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measures.require(code).deadline()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(roundRepository.countProblems(round, RoundRepository.ProblemStatus.OPEN)).isEqualTo(1);
        ProcessInstance reopened = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(MeasureExecutionProcess.KEY).processInstanceBusinessKey(code).active().singleResult();
        assertThat(reopened).isWaitingAt(MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        assertThat(jdbc.sql("SELECT reason FROM status_history WHERE entity_type = 'MEASURE' AND entity_ref = ? "
            + "ORDER BY id DESC").param(code).query(String.class).list().get(0))
            .contains("回头看发现问题反弹").contains("整改后又出现同类问题");
    }

    private static final Map<String, Object> REPORT = Map.of("reportDate", "2026-05-03",
        "reportReference", "厦公党〔2026〕5号", "reportSummary", "已完成集中整改阶段任务");

    /** The report (at 2 months unless it came early), the end of the centralised period, the note published. */
    private void reportAndPublish(ProcessInstance instance) {
        if (task(instance, SUBMIT_REPORT) == null) {
            fire(instance, REPORT_DUE);
        }
        complete(instance, SUBMIT_REPORT, REPORT);
        fire(instance, CENTRALISED_PERIOD_ENDS);
        complete(instance, DRAFT_PUBLIC_NOTE, Map.of("publicNote", "整改进展情况"));
        complete(instance, APPROVE_PUBLIC_NOTE, Map.of("publicNoteDecision", "APPROVE"));
    }

    /** The look-back: every sampled measure checked with the given finding. */
    private void lookBack(ProcessInstance instance, String finding) {
        assertThat(instance).isWaitingAt(LOOK_BACK_DUE);
        fire(instance, LOOK_BACK_DUE);
        List<Task> checks = taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(CHECK_FOR_RELAPSE).list();
        assertThat(checks).hasSize(1).allSatisfy(t -> assertThat(t).hasCandidateGroup("supervision"));
        for (Task check : checks) {
            taskService.complete(check.getId(), Map.of("relapseFinding", finding, "lookBackFindings",
                "RELAPSED".equals(finding) ? "整改后又出现同类问题" : "整改成效巩固"));
        }
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

    // --- a task accepts its own form and nothing else (issue 13) ---

    @Test
    void everyTaskOfTheRoundAcceptsOnlyItsOwnFormFields() {
        ForgedCompletions forged = new ForgedCompletions(processEngine, jdbc);
        Set<String> candidates = ForgedCompletions.declaredVariables(InspectionRoundProcess.Variables.class,
            UnitPlanVariables.class, LookBackVariables.class);
        List<String> routing = List.of("roundCode", "unitCode", "measureCode", "lookBackMeasure", "reportDueAt",
            "centralisedPeriodEndsAt", "lookBackAt", "rectificationDone", "unitPlanApproved", "publicNoteApproved",
            "relapsed", "publicNoteDraft", "unitPlanDraft", ForgedCompletions.UNKNOWN);
        String round = registerRound(MeasureKind.IMMEDIATE, 30);
        ProcessInstance instance = instanceOf(round);

        assertThat(forged.assertEachRefused(task(instance, LEADING_GROUP_MEETING), MEETING, candidates))
            .containsAll(routing);
        complete(instance, LEADING_GROUP_MEETING, MEETING);
        walkthrough.approvePlan(round, "整改方案", "无");

        Map<String, Object> unitPlan = Map.of("unitPlan", "思明分局整改实施方案");
        assertThat(forged.assertEachRefused(unitTask(instance, DRAFT_UNIT_PLAN, "siming"), unitPlan, candidates))
            .containsAll(routing);
        complete(instance, DRAFT_UNIT_PLAN, unitPlan);
        Map<String, Object> unitPlanDecision = new HashMap<>(Map.of("unitPlanDecision", "APPROVE"));
        unitPlanDecision.put("unitPlanComment", null);
        assertThat(forged.assertEachRefused(task(instance, REVIEW_UNIT_PLAN), unitPlanDecision, candidates))
            .containsAll(routing);
        complete(instance, REVIEW_UNIT_PLAN, unitPlanDecision);
        finishMeasure(round + "-01-01", "COMPLETED");

        if (task(instance, SUBMIT_REPORT) == null) {
            fire(instance, REPORT_DUE);
        }
        assertThat(forged.assertEachRefused(task(instance, SUBMIT_REPORT), REPORT, candidates)).containsAll(routing);
        complete(instance, SUBMIT_REPORT, REPORT);
        fire(instance, CENTRALISED_PERIOD_ENDS);
        Map<String, Object> note = Map.of("publicNote", "整改进展情况");
        assertThat(forged.assertEachRefused(task(instance, DRAFT_PUBLIC_NOTE), note, candidates)).containsAll(routing);
        complete(instance, DRAFT_PUBLIC_NOTE, note);
        Map<String, Object> noteDecision = new HashMap<>(Map.of("publicNoteDecision", "APPROVE"));
        noteDecision.put("publicNoteComment", null);
        assertThat(forged.assertEachRefused(task(instance, APPROVE_PUBLIC_NOTE), noteDecision, candidates))
            .containsAll(routing);
        complete(instance, APPROVE_PUBLIC_NOTE, noteDecision);

        fire(instance, LOOK_BACK_DUE);
        Map<String, Object> check = Map.of("relapseFinding", "NO_RELAPSE", "lookBackFindings", "整改成效巩固");
        assertThat(forged.assertEachRefused(task(instance, CHECK_FOR_RELAPSE), check, candidates)).containsAll(routing);
        complete(instance, CHECK_FOR_RELAPSE, check);
        assertThat(instance).isEnded();
        assertThat(jdbc.sql("SELECT public_note FROM inspection_round WHERE code = ?").param(round).query(String.class)
            .single()).isEqualTo("整改进展情况");
    }
}
