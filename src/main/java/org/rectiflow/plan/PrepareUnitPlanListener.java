package org.rectiflow.plan;

import static org.rectiflow.plan.UnitPlanVariables.LAST_RETURN_REASON;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_CODE;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_NAME;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_DRAFT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_EVIDENCE_FILES;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_TEXT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_APPROVED;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_TASK_LIST;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rectiflow.common.FormText;
import org.rectiflow.common.Variable;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/**
 * On the start of each unit's rectification: the unit's name and task list for its forms, and the variables its
 * steps keep (the plan as submitted, the decision, the return reason) made local, so that units answering at the
 * same time never collide. (The form values themselves are never stored: see guard/TaskForms.)
 */
@Component
public class PrepareUnitPlanListener implements ExecutionListener {

    private final PlanService plans;

    public PrepareUnitPlanListener(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String unit = UNIT_CODE.get(execution);
        String round = InspectionRoundProcess.roundCode(execution);
        UNIT_NAME.setLocal(execution, plans.unitName(unit).orElse(unit));
        UNIT_TASK_LIST.setLocal(execution, FormText.plain(plans.taskList(round, unit)));
        for (Variable<?> kept : List.of(UNIT_PLAN_DRAFT, UNIT_PLAN_TEXT, UNIT_PLAN_EVIDENCE_FILES,
            UNIT_PLAN_APPROVED, LAST_RETURN_REASON)) {
            kept.clearLocal(execution);
        }
    }
}
