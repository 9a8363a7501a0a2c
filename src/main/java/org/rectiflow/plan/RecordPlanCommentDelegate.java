package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TARGET;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.common.TypedVariables;
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
            TypedVariables.integer(execution, COMMENT_ROUND, 0), TypedVariables.integer(execution, PLAN_VERSION, 1),
            TypedVariables.string(execution, REVIEWER),
            form.optionalText(COMMENT_TARGET, "意见针对的措施编号", 64),
            form.requiredText(COMMENT_TEXT, "意见建议", 4000));
    }
}
