package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期记为无意见: the round's deadline passed; the reviewer's silence goes on the record as "no comment". */
@Component
public class RecordNoCommentDelegate implements JavaDelegate {

    private final PlanService plans;

    public RecordNoCommentDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.recordNoComment(RectificationPlanProcess.roundCode(execution),
            COMMENT_ROUND.get(execution, 0), PLAN_VERSION.get(execution, 1),
            REVIEWER.get(execution));
    }
}
