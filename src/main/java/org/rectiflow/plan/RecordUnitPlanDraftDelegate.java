package org.rectiflow.plan;

import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_DRAFT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/**
 * 登记单位整改方案: checks the unit's implementation plan and keeps it, in the unit's own instance of the
 * per-unit rectification, for the office's review form and its decision.
 */
@Component
public class RecordUnitPlanDraftDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String plan = FormValues.of(execution).requiredText(UNIT_PLAN);
        UNIT_PLAN_DRAFT.set(execution, plan);
        UNIT_PLAN_TEXT.set(execution, FormText.plain(plan));
    }
}
