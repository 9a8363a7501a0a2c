package org.rectiflow.plan;

import static org.rectiflow.plan.UnitPlanVariables.UNIT_CODE;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_DRAFT;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_EVIDENCE_FILES;
import static org.rectiflow.plan.UnitPlanVariables.UNIT_PLAN_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/**
 * 登记单位整改方案: checks the unit's implementation plan and keeps it, in the unit's own instance of the
 * per-unit rectification, for the office's review form and its decision; binds the unit's evidence drafts to this
 * submission (evidence/EvidenceService, in the completion's transaction) and lists them for the review form.
 */
@Component
public class RecordUnitPlanDraftDelegate implements JavaDelegate {

    private final EvidenceService evidence;

    public RecordUnitPlanDraftDelegate(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String plan = FormValues.of(execution).requiredText(UNIT_PLAN);
        UNIT_PLAN_DRAFT.set(execution, plan);
        UNIT_PLAN_TEXT.set(execution, FormText.plain(plan));
        String files = evidence.bindUnitPlan(InspectionRoundProcess.roundCode(execution), UNIT_CODE.get(execution));
        UNIT_PLAN_EVIDENCE_FILES.set(execution, FormText.plain(files));
    }
}
