package org.rectiflow.plan;

import static org.rectiflow.plan.UnitPlanVariables.LAST_RETURN_REASON;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_CODE;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_DRAFT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_APPROVED;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_COMMENT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/**
 * 登记审核意见 (单位整改方案): the office approves a unit's implementation plan, and the unit's measures
 * start, or returns it with a reason.
 */
@Component
public class RecordUnitPlanDecisionDelegate implements JavaDelegate {

    private final PlanService plans;

    public RecordUnitPlanDecisionDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String planText = UNIT_PLAN_DRAFT.get(execution);
        UnitPlanVariables.Decision decision = form.requiredChoice(UNIT_PLAN_DECISION,
            UnitPlanVariables.Decision.class);
        String comment = form.optionalText(UNIT_PLAN_COMMENT);
        boolean approved = decision == UnitPlanVariables.Decision.APPROVE;
        if (!approved && comment == null) {
            throw UNIT_PLAN_COMMENT.requiredWhen("退回修改时");
        }
        plans.recordUnitPlan(InspectionRoundProcess.roundCode(execution),
            UNIT_CODE.get(execution), planText, approved, comment);
        UNIT_PLAN_APPROVED.set(execution, approved);
        LAST_RETURN_REASON.set(execution, approved ? null : FormText.plain(comment));
    }
}
