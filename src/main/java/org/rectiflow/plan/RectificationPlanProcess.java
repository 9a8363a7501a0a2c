package org.rectiflow.plan;

import java.util.Date;

import org.camunda.spin.json.SpinJsonNode;
import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

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
        public static final Variable<String> ROUND_CODE = Variable.string("roundCode");
        public static final Variable<Integer> PLAN_VERSION = Variable.integer("planVersion");
        public static final Variable<Integer> COMMENT_ROUND = Variable.integer("commentRound");
        /**
         * How many comment rounds the plan gets: the setting, or a whole number (or its text) the caller passes in,
         * which {@link CreatePlanDraftDelegate} checks and stores as an Integer.
         */
        public static final Variable<Integer> COMMENT_ROUNDS = Variable.integer("commentRounds");
        public static final Variable<Date> COMMENT_DUE_AT = Variable.date("commentDueAt");
        public static final Variable<String> COMMENT_DUE_TEXT = Variable.string("commentDueText");
        /** The element variable of the comment round: "user:&lt;id&gt;" or "unit:&lt;code&gt;". */
        public static final Variable<String> REVIEWER = Variable.string("reviewer");
        // plan-draft.form
        public static final FormField PLAN_SUMMARY = FormField.text("plan-draft", "planSummary", "整改方案说明", 4000);
        /** The plan's summary as the office drafted it, and as the comment and approval forms show it. */
        public static final Variable<String> PLAN_SUMMARY_DRAFT = Variable.string("planSummaryDraft");
        public static final Variable<String> PLAN_SUMMARY_TEXT = Variable.string("planSummaryText");
        /** The round the plan is for, as its forms name it: code and title (from the ledger). */
        public static final Variable<String> ROUND_TEXT = Variable.string("roundText").ledgerCopy();
        /**
         * The measures of the version out for comment (code, unit, content: a JSON array the comment form shows as
         * a table), from the ledger's plan version when a comment round opens.
         */
        public static final Variable<SpinJsonNode> PLAN_MEASURES = Variable.json("planMeasures").ledgerCopy();
        // plan-comment.form
        public static final FormField COMMENT_TARGET =
            FormField.text("plan-comment", "commentTarget", "意见针对的措施编号（针对整体方案请留空）", 64);
        public static final FormField COMMENT_TEXT =
            FormField.text("plan-comment", "commentText", "意见建议（无意见请填“无”）", 4000);
        // plan-revision.form
        public static final FormField REVISION_NOTES = FormField.text("plan-revision", "revisionNotes", "修改说明", 4000);
        public static final FormField MEASURE_CHANGES = FormField.text("plan-revision", "measureChanges",
            "措施修改（每行一条：措施编号：修改后的措施内容；无修改请留空）", 100_000);
        // plan-approval.form
        public static final FormField APPROVED_VERSION = FormField.number("plan-approval", "approvedVersion", "审定版本号");
        public static final FormField PLAN_DECISION = FormField.choice("plan-approval", "planDecision", "审定意见");
        public static final FormField PLAN_DECISION_REASON =
            FormField.text("plan-approval", "planDecisionReason", "意见说明（退回时必填）", 2000);
        public static final Variable<Boolean> PLAN_APPROVED = Variable.bool("planApproved");
        public static final Variable<String> LAST_RETURN_REASON = Variable.string("lastReturnReason");

        private Variables() {
        }
    }

    /** The values of the approval form's decision. */
    public enum Decision { APPROVE, SEND_BACK }

    private RectificationPlanProcess() {
    }
}
