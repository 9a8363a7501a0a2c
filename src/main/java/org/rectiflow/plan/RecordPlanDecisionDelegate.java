package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.APPROVED_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.LAST_RETURN_REASON;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_APPROVED;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_DECISION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_DECISION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.plan.RectificationPlanProcess.Decision;
import org.rectiflow.common.FormText;
import org.springframework.stereotype.Component;

/** 登记审定意见: the Party committee approves the newest version, or sends the plan back with a reason. */
@Component
public class RecordPlanDecisionDelegate implements JavaDelegate {

    private final PlanService plans;

    public RecordPlanDecisionDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String reason = form.optionalText(PLAN_DECISION_REASON);
        boolean approved = plans.decide(RectificationPlanProcess.roundCode(execution),
            form.requiredInteger(APPROVED_VERSION),
            form.requiredChoice(PLAN_DECISION, Decision.class), reason);
        PLAN_APPROVED.set(execution, approved);
        LAST_RETURN_REASON.set(execution, approved ? null : FormText.plain(reason));
    }
}
