package org.rectiflow.plan;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

/** The variables of a unit's implementation plan in inspection-round.bpmn (local to the unit's instance). */
public final class UnitPlanVariables {

    /** The element variable of the per-unit rectification. */
    public static final Variable<String> UNIT_CODE = Variable.string("unitCode");
    public static final Variable<String> UNIT_NAME = Variable.string("unitName");
    public static final Variable<String> UNIT_TASK_LIST = Variable.string("unitTaskList");
    // unit-plan.form
    public static final FormField UNIT_PLAN = FormField.text("unit-plan", "unitPlan", "本单位整改实施方案", 4000);
    /** The unit's plan as it submitted it (for the office's decision) and as the review form shows it. */
    public static final Variable<String> UNIT_PLAN_DRAFT = Variable.string("unitPlanDraft");
    public static final Variable<String> UNIT_PLAN_TEXT = Variable.string("unitPlanText");
    /** The evidence files bound to the submission (name, size, description), one line each (the review form). */
    public static final Variable<String> UNIT_PLAN_EVIDENCE_FILES = Variable.string("unitPlanEvidenceFiles");
    // unit-plan-review.form
    public static final FormField UNIT_PLAN_DECISION = FormField.choice("unit-plan-review", "unitPlanDecision", "审核意见");
    public static final FormField UNIT_PLAN_COMMENT =
        FormField.text("unit-plan-review", "unitPlanComment", "意见说明（退回时必填）", 2000);
    public static final Variable<Boolean> UNIT_PLAN_APPROVED = Variable.bool("unitPlanApproved");
    public static final Variable<String> LAST_RETURN_REASON = RectificationPlanProcess.Variables.LAST_RETURN_REASON;

    /** The values of the review form's decision. */
    public enum Decision { APPROVE, RETURN }

    private UnitPlanVariables() {
    }
}
