package org.rectiflow.lookback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/** 抽取回头看样本: a random sample of the signed-off measures, at least one per unit. */
@Component
public class DrawLookBackSampleDelegate implements JavaDelegate {

    private final LookBackService lookBacks;

    public DrawLookBackSampleDelegate(LookBackService lookBacks) {
        this.lookBacks = lookBacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lookBacks.drawSample(InspectionRoundProcess.roundCode(execution));
    }
}
