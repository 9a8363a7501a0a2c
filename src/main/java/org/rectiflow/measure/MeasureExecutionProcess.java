package org.rectiflow.measure;

import java.util.Date;
import java.util.List;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;
import org.rectiflow.mechanism.MechanismColumn;

/** processes/measure-execution.bpmn: one instance per measure, business key = the measure's code. */
public final class MeasureExecutionProcess {

    public static final String KEY = "measure-execution";

    /** The unit's report form (forms/measure-report.form). */
    static final String REPORT_FORM = "measure-report";

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
        /** 未完成？ after the unit's report: a 未完成 report goes back to the unit, any other to review. */
        public static final String REPORTED_NOT_DONE = "gateway_reportedNotDone";
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

    /**
     * The measure's variables. The ledger copies (codes, groups, deadline, the texts the forms show, the rework
     * count, what the unit reported, whether an escalation step wrote a notice) get no variable-update details in
     * history (see {@link MeasureHistory}); what the unit and the reviewers enter keeps its details.
     */
    public static final class Variables {
        public static final Variable<String> MEASURE_CODE = Variable.string("measureCode").ledgerCopy();
        public static final Variable<String> ROUND_CODE = Variable.string("roundCode").ledgerCopy();
        // set when the measure starts
        public static final Variable<String> UNIT_GROUP = Variable.string("unitGroup").ledgerCopy();
        public static final Variable<String> LEAD_UNIT_GROUP = Variable.string("leadUnitGroup").ledgerCopy();
        public static final Variable<Date> DEADLINE = Variable.date("deadline").ledgerCopy();
        public static final Variable<String> DEADLINE_TEXT = Variable.string("deadlineText").ledgerCopy();
        public static final Variable<String> PROBLEM_TITLE = Variable.string("problemTitle").ledgerCopy();
        public static final Variable<String> MEASURE_CONTENT = Variable.string("measureContent").ledgerCopy();
        public static final Variable<String> UNIT_NAME = Variable.string("unitName").ledgerCopy();
        public static final Variable<String> LEADER_NAME = Variable.string("leaderName").ledgerCopy();
        public static final Variable<String> KIND_TEXT = Variable.string("kindText").ledgerCopy();
        // measure-report.form (prefilled on a task sent back for rework)
        public static final FormField PROGRESS = FormField.text(REPORT_FORM, "progress", "整改进展", 4000);
        public static final FormField COMPLETION_SUMMARY =
            FormField.text(REPORT_FORM, "completionSummary", "整改完成情况", 4000);
        public static final FormField EVIDENCE =
            FormField.text(REPORT_FORM, "evidence", "佐证材料（文件名称、文号或存放位置）", 4000);
        public static final FormField REPORT_STATUS = FormField.choice(REPORT_FORM, "reportStatus", "办理状态");
        /** With a 未完成 report (shown only then): why, and by when the unit now plans to complete it. */
        public static final FormField NOT_DONE_REASON =
            FormField.text(REPORT_FORM, "notDoneReason", "未完成原因", 2000);
        public static final FormField PLANNED_DATE = FormField.date(REPORT_FORM, "plannedDate", "计划完成时间");
        /**
         * The mechanisms (制度机制) the unit built or revised for the measure: a dynamic list, each row recorded in
         * the ledger with the report (mechanism/MechanismService); prefilled from the ledger on a rework.
         */
        public static final FormField MECHANISMS =
            FormField.list(REPORT_FORM, "mechanisms", "制度机制（本措施建立或修订的制度、机制，没有的不填）", 100_000);
        public static final FormField MECHANISM_TITLE = FormField.item(MECHANISMS, "title",
            MechanismColumn.TITLE.label(), MechanismColumn.TITLE.maxLength());
        public static final FormField MECHANISM_DOC_NUMBER = FormField.item(MECHANISMS, "docNumber",
            MechanismColumn.DOC_NUMBER.label(), MechanismColumn.DOC_NUMBER.maxLength());
        public static final FormField MECHANISM_ISSUER = FormField.item(MECHANISMS, "issuer",
            MechanismColumn.ISSUER.label(), MechanismColumn.ISSUER.maxLength());
        public static final FormField MECHANISM_ISSUED_ON = FormField.item(MECHANISMS, "issuedOn",
            MechanismColumn.ISSUED_ON.label(), MechanismColumn.ISSUED_ON.maxLength());
        public static final FormField MECHANISM_REVISION = FormField.item(MECHANISMS, "revision",
            MechanismColumn.REVISION.label(), MechanismColumn.REVISION.maxLength());
        /** The fields of a row of {@link #MECHANISMS}. */
        public static final List<FormField> MECHANISM_FIELDS = List.of(MECHANISM_TITLE, MECHANISM_DOC_NUMBER,
            MECHANISM_ISSUER, MECHANISM_ISSUED_ON, MECHANISM_REVISION);
        // set when the report is recorded: what the unit reported, for the gateway and the review forms
        /** The reported status (a {@link ReportStatus} name), checked by the recording delegate. */
        public static final Variable<String> REPORTED_STATUS = Variable.string("reportedStatus").ledgerCopy();
        public static final Variable<String> REPORT_STATUS_TEXT = Variable.string("reportStatusText").ledgerCopy();
        public static final Variable<String> REPORTED_PROGRESS = Variable.string("reportedProgress").ledgerCopy();
        public static final Variable<String> REPORTED_SUMMARY = Variable.string("reportedSummary").ledgerCopy();
        public static final Variable<String> REPORTED_EVIDENCE = Variable.string("reportedEvidence").ledgerCopy();
        /** The mechanisms the report recorded, one line each, read back from the ledger (the review forms show it). */
        public static final Variable<String> REPORTED_MECHANISMS = Variable.string("reportedMechanisms").ledgerCopy();
        /** The evidence files bound to the report (name, size, description), one line each (the review forms show it). */
        public static final Variable<String> REPORTED_EVIDENCE_FILES =
            Variable.string("reportedEvidenceFiles").ledgerCopy();
        /**
         * The measure's rework history (返工记录: each returned report, when, by whom, why), read from the ledger when
         * a report is recorded (the review forms show it).
         */
        public static final Variable<String> REWORK_HISTORY_TEXT = Variable.string("reworkHistoryText").ledgerCopy();
        /**
         * The lead unit's approval (牵头单位审核意见: decision, who from the ledger, when, comment), set when it approves
         * (the sign-off form shows it).
         */
        public static final Variable<String> LEAD_REVIEW_TEXT = Variable.string("leadReviewText").ledgerCopy();
        // lead-unit-review.form and supervision-sign-off.form
        public static final FormField REVIEW_DECISION = FormField.choice("lead-unit-review", "reviewDecision", "审核意见");
        public static final FormField REVIEW_COMMENT =
            FormField.text("lead-unit-review", "reviewComment", "意见说明（退回时必填）", 2000);
        public static final FormField SIGN_OFF_DECISION =
            FormField.choice("supervision-sign-off", "signOffDecision", "销号意见");
        public static final FormField SIGN_OFF_COMMENT =
            FormField.text("supervision-sign-off", "signOffComment", "意见说明（退回时必填）", 2000);
        // set by the decision-recording service tasks
        public static final Variable<Boolean> APPROVED = Variable.bool("approved");
        public static final Variable<String> REJECTION_REASON = Variable.string("rejectionReason");
        /** The rejection reason as the unit's form shows it (plain text). */
        public static final Variable<String> REJECTION_REASON_TEXT = Variable.string("rejectionReasonText");
        public static final Variable<String> REVIEWED_BY = Variable.string("reviewedBy");
        /** The lead unit's and the supervision group's comments on their approval, for the archive record. */
        public static final Variable<String> REVIEW_OPINION = Variable.string("reviewOpinion");
        public static final Variable<String> SIGN_OFF_OPINION = Variable.string("signOffOpinion");
        public static final Variable<Integer> REWORK_COUNT = Variable.integer("reworkCount").ledgerCopy();
        /**
         * Local to an escalation path, and transient (for the gateway that follows the step; not stored, no history
         * row): whether this step wrote a new notice.
         */
        public static final Variable<Boolean> ESCALATION_RECORDED = Variable.bool("escalationRecorded").ledgerCopy();
        // interview.form
        public static final FormField INTERVIEW_DATE = FormField.date("interview", "interviewDate", "约谈日期");
        public static final FormField INTERVIEWEE = FormField.text("interview", "interviewee", "约谈对象", 200);
        public static final FormField INTERVIEW_RECORD = FormField.text("interview", "interviewRecord", "约谈记录", 4000);

        private Variables() {
        }
    }

    /** The values of the review forms' decision fields. */
    public enum Decision { APPROVE, REJECT }

    private MeasureExecutionProcess() {
    }
}
