package org.rectiflow.lookback;

import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_FINDINGS;
import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_MEASURE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.springframework.stereotype.Component;

/** 重新整改: a relapsed measure opens again in a new measure-execution instance; its history says why. */
@Component
public class ReopenMeasureDelegate implements JavaDelegate {

    private final LookBackService lookBacks;

    public ReopenMeasureDelegate(LookBackService lookBacks) {
        this.lookBacks = lookBacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lookBacks.reopen(InspectionRoundProcess.roundCode(execution),
            LOOK_BACK_MEASURE.get(execution), FormValues.of(execution).asSubmitted(LOOK_BACK_FINDINGS));
    }
}
