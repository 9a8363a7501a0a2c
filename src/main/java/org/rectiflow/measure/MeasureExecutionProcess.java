package org.rectiflow.measure;

/** processes/measure-execution.bpmn: one instance per measure, business key = the measure's code. */
public final class MeasureExecutionProcess {

    public static final String KEY = "measure-execution";

    public static final class Elements {
        public static final String START = "startEvent_measureStarted";
        public static final String START_MEASURE = "serviceTask_startMeasure";
        public static final String UNIT_RECTIFIES = "userTask_unitRectifies";
        public static final String GREEN_REMINDER = "boundaryEvent_greenReminder";
        public static final String SEND_GREEN_REMINDER = "serviceTask_sendGreenReminder";
        public static final String AMBER_REMINDER = "boundaryEvent_amberReminder";
        public static final String SEND_AMBER_REMINDER = "serviceTask_sendAmberReminder";
        public static final String OVERDUE_NOTICE = "boundaryEvent_overdueNotice";
        public static final String ISSUE_OVERDUE_NOTICE = "serviceTask_issueOverdueNotice";
        public static final String INTERVIEW_DUE = "boundaryEvent_interviewDue";
        public static final String REQUEST_INTERVIEW = "serviceTask_requestInterview";
        public static final String LEADING_GROUP_INTERVIEW = "userTask_leadingGroupInterview";
        public static final String RECORD_INTERVIEW = "serviceTask_recordInterview";
        public static final String INTERVIEW_HELD = "endEvent_interviewHeld";
        public static final String INTERVIEW_ALREADY_REQUESTED = "endEvent_interviewAlreadyRequested";
        public static final String RECORD_UNIT_REPORT = "serviceTask_recordUnitReport";
        public static final String LEAD_UNIT_REVIEW = "userTask_leadUnitReview";
        public static final String RECORD_REVIEW_DECISION = "serviceTask_recordReviewDecision";
        public static final String SUPERVISION_SIGN_OFF = "userTask_supervisionSignOff";
        public static final String RECORD_SIGN_OFF_DECISION = "serviceTask_recordSignOffDecision";
        public static final String ISSUE_REWORK_NOTICE = "serviceTask_issueReworkNotice";
        public static final String SEND_RED_CARD = "serviceTask_sendRedCard";
        public static final String HAND_OVER_MEASURE = "serviceTask_handOverMeasure";
        public static final String HANDED_OVER = "endEvent_handedOver";
        public static final String SIGN_OFF_MEASURE = "serviceTask_signOffMeasure";
        public static final String SIGNED_OFF = "endEvent_signedOff";

        private Elements() {
        }
    }

    /**
     * The measure's code: the instance's business key, which the engine sets at the start and no call can change
     * (the {@code measureCode} variable is only the call activity's input and a column of the Tasklist).
     */
    public static String measureCode(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    public static final class Variables {
        public static final String MEASURE_CODE = "measureCode";
        public static final String ROUND_CODE = "roundCode";
        // set when the measure starts
        public static final String UNIT_GROUP = "unitGroup";
        public static final String LEAD_UNIT_GROUP = "leadUnitGroup";
        public static final String DEADLINE = "deadline";
        public static final String DEADLINE_TEXT = "deadlineText";
        public static final String PROBLEM_TITLE = "problemTitle";
        public static final String MEASURE_CONTENT = "measureContent";
        public static final String UNIT_NAME = "unitName";
        public static final String LEADER_NAME = "leaderName";
        public static final String KIND_TEXT = "kindText";
        // measure-report.form
        public static final String PROGRESS = "progress";
        public static final String COMPLETION_SUMMARY = "completionSummary";
        public static final String EVIDENCE = "evidence";
        public static final String REPORT_STATUS = "reportStatus";
        // set when the report is recorded: what the unit reported, for the gateway and the review forms
        /** The reported status (a {@link ReportStatus} name), checked by the recording delegate. */
        public static final String REPORTED_STATUS = "reportedStatus";
        public static final String REPORT_STATUS_TEXT = "reportStatusText";
        public static final String REPORTED_PROGRESS = "reportedProgress";
        public static final String REPORTED_SUMMARY = "reportedSummary";
        public static final String REPORTED_EVIDENCE = "reportedEvidence";
        // lead-unit-review.form and supervision-sign-off.form
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String SIGN_OFF_DECISION = "signOffDecision";
        public static final String SIGN_OFF_COMMENT = "signOffComment";
        // set by the decision-recording service tasks
        public static final String APPROVED = "approved";
        public static final String REJECTION_REASON = "rejectionReason";
        /** The rejection reason as the unit's form shows it (plain text). */
        public static final String REJECTION_REASON_TEXT = "rejectionReasonText";
        public static final String REVIEWED_BY = "reviewedBy";
        /** The lead unit's and the supervision group's comments on their approval, for the archive record. */
        public static final String REVIEW_OPINION = "reviewOpinion";
        public static final String SIGN_OFF_OPINION = "signOffOpinion";
        public static final String REWORK_COUNT = "reworkCount";
        /** Local to an escalation path: whether this step wrote a new notice. */
        public static final String ESCALATION_RECORDED = "escalationRecorded";
        // interview.form
        public static final String INTERVIEW_DATE = "interviewDate";
        public static final String INTERVIEWEE = "interviewee";
        public static final String INTERVIEW_RECORD = "interviewRecord";

        private Variables() {
        }
    }

    /** The values of the review forms' decision fields. */
    public enum Decision { APPROVE, REJECT }

    private MeasureExecutionProcess() {
    }
}
