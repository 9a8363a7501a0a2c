package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TARGET;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 登记意见: a reviewer's comment in this round, on one measure or on the whole plan. */
@Component
public class RecordPlanCommentDelegate implements JavaDelegate {

    private final PlanService plans;

    public RecordPlanCommentDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        plans.recordComment(RectificationPlanProcess.roundCode(execution),
            COMMENT_ROUND.get(execution, 0), PLAN_VERSION.get(execution, 1),
            REVIEWER.get(execution),
            form.optionalText(COMMENT_TARGET),
            form.requiredText(COMMENT_TEXT));
    }
}
