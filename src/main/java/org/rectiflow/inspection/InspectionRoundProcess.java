package org.rectiflow.inspection;

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
        public static final String ROUND_CODE = "roundCode";
        public static final String ROUND_TITLE = "roundTitle";
        public static final String FEEDBACK_DATE_TEXT = "feedbackDateText";
        public static final String REPORT_DUE_AT = "reportDueAt";
        /** Set when every measure and clue is done: the report then comes early. */
        public static final String RECTIFICATION_DONE = "rectificationDone";
        public static final String CENTRALISED_PERIOD_ENDS_AT = "centralisedPeriodEndsAt";
        public static final String LOOK_BACK_AT = "lookBackAt";
        // public-note-draft.form and public-note-approval.form
        public static final String PUBLIC_NOTE = "publicNote";
        /** The draft as the office submitted it (for the decision and the publication) and as the approval form shows it. */
        public static final String PUBLIC_NOTE_DRAFT = "publicNoteDraft";
        public static final String PUBLIC_NOTE_TEXT = "publicNoteText";
        public static final String PUBLIC_NOTE_DECISION = "publicNoteDecision";
        public static final String PUBLIC_NOTE_COMMENT = "publicNoteComment";
        public static final String PUBLIC_NOTE_APPROVED = "publicNoteApproved";
        public static final String LAST_RETURN_REASON = "lastReturnReason";
        /** The element variables of the multi-instance call activities. */
        public static final String MEASURE_CODE = "measureCode";
        public static final String CLUE_CODE = "clueCode";
        // leading-group-meeting.form
        public static final String MEETING_DATE = "meetingDate";
        public static final String MEETING_TITLE = "meetingTitle";
        public static final String ATTENDEES = "attendees";
        public static final String MEETING_DECISIONS = "meetingDecisions";
        // inspection-report.form
        public static final String REPORT_DATE = "reportDate";
        public static final String REPORT_REFERENCE = "reportReference";
        public static final String REPORT_SUMMARY = "reportSummary";

        private Variables() {
        }
    }

    private InspectionRoundProcess() {
    }
}
