package org.rectiflow.plan;

/** The variables of a unit's implementation plan in inspection-round.bpmn (local to the unit's instance). */
public final class UnitPlanVariables {

    /** The element variable of the per-unit rectification. */
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_NAME = "unitName";
    public static final String UNIT_TASK_LIST = "unitTaskList";
    // unit-plan.form
    public static final String UNIT_PLAN = "unitPlan";
    /** The unit's plan as it submitted it (for the office's decision) and as the review form shows it. */
    public static final String UNIT_PLAN_DRAFT = "unitPlanDraft";
    public static final String UNIT_PLAN_TEXT = "unitPlanText";
    // unit-plan-review.form
    public static final String UNIT_PLAN_DECISION = "unitPlanDecision";
    public static final String UNIT_PLAN_COMMENT = "unitPlanComment";
    public static final String UNIT_PLAN_APPROVED = "unitPlanApproved";
    public static final String LAST_RETURN_REASON = RectificationPlanProcess.Variables.LAST_RETURN_REASON;

    /** The values of the review form's decision. */
    public enum Decision { APPROVE, RETURN }

    private UnitPlanVariables() {
    }
}
