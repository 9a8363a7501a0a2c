package org.rectiflow.lookback;

import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_FINDINGS;
import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_MEASURE;
import static org.rectiflow.lookback.LookBackVariables.RELAPSED;
import static org.rectiflow.lookback.LookBackVariables.RELAPSE_FINDING;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/**
 * 登记核查结果: whether the sampled measure's rectification held, with the findings; binds the check's evidence drafts
 * (evidence/EvidenceService) in the completion's transaction.
 */
@Component
public class RecordLookBackCheckDelegate implements JavaDelegate {

    private final LookBackService lookBacks;
    private final EvidenceService evidence;

    public RecordLookBackCheckDelegate(LookBackService lookBacks, EvidenceService evidence) {
        this.lookBacks = lookBacks;
        this.evidence = evidence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        LookBackService.Finding finding = form.requiredChoice(RELAPSE_FINDING, LookBackService.Finding.class);
        String round = InspectionRoundProcess.roundCode(execution);
        String measure = LOOK_BACK_MEASURE.get(execution);
        lookBacks.recordCheck(round, measure, finding, form.requiredText(LOOK_BACK_FINDINGS));
        evidence.bindLookBack(round, measure);
        RELAPSED.set(execution, finding == LookBackService.Finding.RELAPSED);
    }
}
