package org.rectiflow.plan;

/** processes/rectification-plan.bpmn: the plan of a round, drafted and commented on, then approved. */
public final class RectificationPlanProcess {

    public static final String KEY = "rectification-plan";

    public static final class Elements {
        public static final String CREATE_FIRST_VERSION = "serviceTask_createFirstVersion";
        public static final String DRAFT_PLAN = "userTask_draftPlan";
        public static final String OPEN_COMMENT_ROUND = "serviceTask_openCommentRound";
        public static final String COMMENT_ROUND = "subProcess_commentRound";
        public static final String COMMENT_ON_PLAN = "userTask_commentOnPlan";
        public static final String COMMENT_REMINDER = "boundaryEvent_commentReminder";
        public static final String REMIND_REVIEWER = "serviceTask_remindReviewer";
        public static final String COMMENT_DEADLINE = "boundaryEvent_commentDeadline";
        public static final String RECORD_NO_COMMENT = "serviceTask_recordNoComment";
        public static final String RECORD_COMMENT = "serviceTask_recordComment";
        public static final String REVISE_PLAN = "userTask_revisePlan";
        public static final String APPROVE_PLAN = "userTask_approvePlan";
        public static final String SEND_TASK_LISTS = "serviceTask_sendTaskLists";
        public static final String PLAN_APPROVED = "endEvent_planApproved";

        private Elements() {
        }
    }

    /** The round's code: the instance's business key (the round's, passed by the call activity), which no call can change. */
    public static String roundCode(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    public static final class Variables {
        public static final String ROUND_CODE = "roundCode";
        public static final String PLAN_VERSION = "planVersion";
        public static final String COMMENT_ROUND = "commentRound";
        public static final String COMMENT_ROUNDS = "commentRounds";
        public static final String COMMENT_DUE_AT = "commentDueAt";
        public static final String COMMENT_DUE_TEXT = "commentDueText";
        /** The element variable of the comment round: "user:&lt;id&gt;" or "unit:&lt;code&gt;". */
        public static final String REVIEWER = "reviewer";
        // plan-draft.form
        public static final String PLAN_SUMMARY = "planSummary";
        /** The plan's summary as the office drafted it, and as the comment and approval forms show it. */
        public static final String PLAN_SUMMARY_DRAFT = "planSummaryDraft";
        public static final String PLAN_SUMMARY_TEXT = "planSummaryText";
        // plan-comment.form
        public static final String COMMENT_TARGET = "commentTarget";
        public static final String COMMENT_TEXT = "commentText";
        // plan-revision.form
        public static final String REVISION_NOTES = "revisionNotes";
        public static final String MEASURE_CHANGES = "measureChanges";
        // plan-approval.form
        public static final String APPROVED_VERSION = "approvedVersion";
        public static final String PLAN_DECISION = "planDecision";
        public static final String PLAN_DECISION_REASON = "planDecisionReason";
        public static final String PLAN_APPROVED = "planApproved";
        public static final String LAST_RETURN_REASON = "lastReturnReason";

        private Variables() {
        }
    }

    /** The values of the approval form's decision. */
    public enum Decision { APPROVE, SEND_BACK }

    private RectificationPlanProcess() {
    }
}
