package org.rectiflow.inspection;

import java.util.Date;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

/**
 * processes/inspection-round.bpmn: one instance per inspection round, business key = the round's code.
 * After the leading-group meeting, three branches: the plan and then each unit's rectification (its
 * implementation plan, then its measures), the clues, and the report to the inspection office.
 */
public final class InspectionRoundProcess {

    public static final String KEY = "inspection-round";

    public static final class Elements {
        public static final String START = "startEvent_feedbackReceived";
        public static final String ACTIVATE_ROUND = "serviceTask_activateRound";
        public static final String LEADING_GROUP_MEETING = "userTask_leadingGroupMeeting";
        public static final String RECORD_MEETING = "serviceTask_recordMeeting";
        public static final String FORK_RECTIFICATION = "gateway_forkRectification";
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
        // inspection-report.form
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
