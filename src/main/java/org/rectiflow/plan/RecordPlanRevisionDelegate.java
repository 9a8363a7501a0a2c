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
            form.requiredText(REVISION_NOTES), form.optionalText(MEASURE_CHANGES));
        PLAN_VERSION.set(execution, version);
        MEASURE_CHANGES.discard(execution);
    }
}
