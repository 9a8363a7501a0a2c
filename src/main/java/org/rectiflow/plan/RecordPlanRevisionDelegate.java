package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.MEASURE_CHANGES;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVISION_NOTES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 形成新版本: the office's revision becomes the next version, with what it changed. */
@Component
public class RecordPlanRevisionDelegate implements JavaDelegate {

    private final PlanService plans;

    public RecordPlanRevisionDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        int version = plans.revise(RectificationPlanProcess.roundCode(execution),
            form.requiredText(REVISION_NOTES, "修改说明", 4000), form.optionalText(MEASURE_CHANGES, "措施修改", 100_000));
        execution.setVariable(PLAN_VERSION, version);
        execution.removeVariable(MEASURE_CHANGES);
    }
}
