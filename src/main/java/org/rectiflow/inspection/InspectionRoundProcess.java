package org.rectiflow.inspection;

import java.util.Date;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

/**
 * processes/inspection-round.bpmn: one instance per inspection round, business key = the round's code.
 * After the leading-group meeting, three branches: the plan and then each unit's rectification (its
 * implementation plan, then its measures), the clues, and the report to the inspection office; beside them the
 * office's standing 登记工作记录 task, which the round's completion closes.
 */
public final class InspectionRoundProcess {

    public static final String KEY = "inspection-round";

    public static final class Elements {
        public static final String START = "startEvent_feedbackReceived";
        public static final String ACTIVATE_ROUND = "serviceTask_activateRound";
        public static final String LEADING_GROUP_MEETING = "userTask_leadingGroupMeeting";
        public static final String RECORD_MEETING = "serviceTask_recordMeeting";
        public static final String FORK_RECTIFICATION = "gateway_forkRectification";
        /** The standing task: it stands again after each entry until the round is complete. */
        public static final String RECORD_WORK = "userTask_recordWork";
        public static final String RECORD_WORK_ENTRY = "serviceTask_recordWorkEntry";
        /** On the standing task: {@code roundCompleted} closes it. */
        public static final String WORK_RECORDS_CLOSE = "boundaryEvent_roundCompleted";
        public static final String WORK_RECORDS_CLOSED = "endEvent_workRecordsClosed";
        public static final String DRAFT_PLAN = "callActivity_draftPlan";
        public static final String UNIT_RECTIFICATION = "subProcess_unitRectification";
        public static final String DRAFT_UNIT_PLAN = "userTask_draftUnitPlan";
        public static final String RECORD_UNIT_PLAN_DRAFT = "serviceTask_recordUnitPlanDraft";
        public static final String REVIEW_UNIT_PLAN = "userTask_reviewUnitPlan";
        public static final String EXECUTE_MEASURES = "callActivity_executeMeasures";
        public static final String UNIT_RECTIFIED = "endEvent_unitRectified";
        public static final String HANDLE_CLUES = "callActivity_handleClues";
        public static final String REPORT_TRIGGER = "gateway_reportTrigger";
        public static final String REPORT_DUE = "intermediateTimerEvent_reportDue";
        public static final String RECTIFICATION_DONE = "intermediateConditionalEvent_rectificationDone";
        public static final String MARK_RECTIFICATION_DONE = "serviceTask_markRectificationDone";
        public static final String SUBMIT_REPORT = "userTask_submitReport";
        public static final String RECORD_REPORT_SUBMISSION = "serviceTask_recordReportSubmission";
        public static final String CENTRALISED_PERIOD_ENDS = "intermediateTimerEvent_centralisedPeriodEnds";
        public static final String HAND_OVER_LONG_TERM = "serviceTask_handOverLongTermMeasures";
        public static final String DRAFT_PUBLIC_NOTE = "userTask_draftPublicNote";
        public static final String RECORD_PUBLIC_NOTE_DRAFT = "serviceTask_recordPublicNoteDraft";
        public static final String APPROVE_PUBLIC_NOTE = "userTask_approvePublicNote";
        public static final String PUBLISH_PROGRESS = "serviceTask_publishProgress";
        public static final String LOOK_BACK_DUE = "intermediateTimerEvent_lookBackDue";
        public static final String DRAW_LOOK_BACK_SAMPLE = "serviceTask_drawLookBackSample";
        public static final String LOOK_BACK_CHECK = "subProcess_lookBackCheck";
        public static final String CHECK_FOR_RELAPSE = "userTask_checkForRelapse";
        public static final String REOPEN_MEASURE = "serviceTask_reopenMeasure";
        public static final String MEASURE_REOPENED = "endEvent_measureReopened";
        public static final String NO_RELAPSE = "endEvent_noRelapse";
        public static final String JOIN_RECTIFICATION = "gateway_joinRectification";
        public static final String COMPLETE_ROUND = "serviceTask_completeRound";
        public static final String ROUND_COMPLETED = "endEvent_roundCompleted";

        private Elements() {
        }
    }

    /** The round's code: the instance's business key, set at the start, which no call can change. */
    public static String roundCode(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    public static final class Variables {
        public static final Variable<String> ROUND_CODE = Variable.string("roundCode");
        public static final Variable<String> ROUND_TITLE = Variable.string("roundTitle");
        public static final Variable<String> FEEDBACK_DATE_TEXT = Variable.string("feedbackDateText");
        public static final Variable<Date> REPORT_DUE_AT = Variable.date("reportDueAt");
        /** Set when every measure and clue is done: the report then comes early. */
        public static final Variable<Boolean> RECTIFICATION_DONE = Variable.bool("rectificationDone");
        /** Set when the round is complete: the standing 登记工作记录 task closes. */
        public static final Variable<Boolean> ROUND_COMPLETED = Variable.bool("roundCompleted");
        public static final Variable<Date> CENTRALISED_PERIOD_ENDS_AT = Variable.date("centralisedPeriodEndsAt");
        public static final Variable<Date> LOOK_BACK_AT = Variable.date("lookBackAt");
        // public-note-draft.form and public-note-approval.form
        public static final FormField PUBLIC_NOTE = FormField.text("public-note-draft", "publicNote", "公开稿正文", 4000);
        /** The draft as the office submitted it (for the decision and the publication) and as the approval form shows it. */
        public static final Variable<String> PUBLIC_NOTE_DRAFT = Variable.string("publicNoteDraft");
        public static final Variable<String> PUBLIC_NOTE_TEXT = Variable.string("publicNoteText");
        public static final FormField PUBLIC_NOTE_DECISION =
            FormField.choice("public-note-approval", "publicNoteDecision", "审定意见");
        public static final FormField PUBLIC_NOTE_COMMENT =
            FormField.text("public-note-approval", "publicNoteComment", "意见说明（退回时必填）", 2000);
        public static final Variable<Boolean> PUBLIC_NOTE_APPROVED = Variable.bool("publicNoteApproved");
        public static final Variable<String> LAST_RETURN_REASON = Variable.string("lastReturnReason");
        /** The element variables of the multi-instance call activities. */
        public static final Variable<String> MEASURE_CODE = Variable.string("measureCode");
        public static final Variable<String> CLUE_CODE = Variable.string("clueCode");
        // leading-group-meeting.form
        public static final FormField MEETING_DATE = FormField.date("leading-group-meeting", "meetingDate", "会议日期");
        public static final FormField MEETING_TITLE =
            FormField.text("leading-group-meeting", "meetingTitle", "会议名称", 200);
        public static final FormField ATTENDEES = FormField.text("leading-group-meeting", "attendees", "参会人员", 1000);
        public static final FormField MEETING_DECISIONS =
            FormField.text("leading-group-meeting", "meetingDecisions", "会议议定事项", 4000);
        // work-record.form: a work record, or (登记事项 REPORT_TEXT) the office's own text for the public report
        public static final FormField WORK_ENTRY = FormField.choice("work-record", "workEntry", "登记事项");
        public static final FormField WORK_DATE = FormField.date("work-record", "workDate", "日期");
        public static final FormField WORK_TITLE = FormField.text("work-record", "workTitle", "名称", 200);
        public static final FormField WORK_PARTICIPANTS =
            FormField.text("work-record", "workParticipants", "参加人员", 1000);
        public static final FormField WORK_SUMMARY = FormField.text("work-record", "workSummary", "主要内容", 4000);
        public static final FormField REPORT_NEXT_STEPS =
            FormField.text("work-record", "reportNextSteps", "需要进一步整改的事项及措施（每段一行，留空则自动生成）", 8000);
        public static final FormField REPORT_CONTACT =
            FormField.text("work-record", "reportContact", "联系方式（每项一行，留空则用默认设置）", 1000);
        public static final FormField REPORT_ISSUER =
            FormField.text("work-record", "reportIssuer", "发布单位（留空则为被巡察党组织）", 200);
        // inspection-report.form
        /** The read-only text of the report's form: the measures by outcome and how to record 未完成. */
        public static final Variable<String> REPORT_OUTCOMES_TEXT = Variable.string("reportOutcomesText");
        public static final FormField REPORT_DATE = FormField.date("inspection-report", "reportDate", "报送日期");
        public static final FormField REPORT_REFERENCE =
            FormField.text("inspection-report", "reportReference", "报告文号", 100);
        public static final FormField REPORT_SUMMARY =
            FormField.text("inspection-report", "reportSummary", "报告摘要", 4000);

        private Variables() {
        }
    }

    private InspectionRoundProcess() {
    }
}
