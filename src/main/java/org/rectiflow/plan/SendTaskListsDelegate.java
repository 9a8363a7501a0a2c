package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.ROUND_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.TypedVariables;
import org.springframework.stereotype.Component;

/** 下发任务清单: every unit gets the list of its measures from the approved plan. */
@Component
public class SendTaskListsDelegate implements JavaDelegate {

    private final PlanService plans;

    public SendTaskListsDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.sendTaskLists(TypedVariables.string(execution, ROUND_CODE));
    }
}
