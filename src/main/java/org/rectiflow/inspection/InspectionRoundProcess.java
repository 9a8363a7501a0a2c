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
        public static final String REVIEW_UNIT_PLAN = "userTask_reviewUnitPlan";
        public static final String EXECUTE_MEASURES = "callActivity_executeMeasures";
        public static final String UNIT_RECTIFIED = "endEvent_unitRectified";
        public static final String HANDLE_CLUES = "callActivity_handleClues";
        public static final String REPORT_DUE = "intermediateTimerEvent_reportDue";
        public static final String SUBMIT_REPORT = "userTask_submitReport";
        public static final String RECORD_REPORT_SUBMISSION = "serviceTask_recordReportSubmission";
        public static final String JOIN_RECTIFICATION = "gateway_joinRectification";
        public static final String COMPLETE_ROUND = "serviceTask_completeRound";
        public static final String ROUND_COMPLETED = "endEvent_roundCompleted";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final String ROUND_CODE = "roundCode";
        public static final String ROUND_TITLE = "roundTitle";
        public static final String FEEDBACK_DATE_TEXT = "feedbackDateText";
        public static final String REPORT_DUE_AT = "reportDueAt";
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
