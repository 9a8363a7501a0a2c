package org.rectiflow.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.measure.MeasureService;
import org.springframework.stereotype.Component;

/**
 * 长久立措施转常态化管理: at the end of the centralised period, the round's open long-term measures keep
 * running under 从严办, which signs them off from now on (the ledger says so; measure-execution asks it when it
 * creates the sign-off task).
 */
@Component
public class HandOverLongTermMeasuresDelegate implements JavaDelegate {

    private final MeasureService measures;

    public HandOverLongTermMeasuresDelegate(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        measures.handOverLongTermMeasures(InspectionRoundProcess.roundCode(execution));
    }
}
