package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEWED_BY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_OPINION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_OPINION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 销号归档: closes the measure, writes its archive record and closes its problem if it was the last. */
@Component
public class SignOffMeasureDelegate implements JavaDelegate {

    private final MeasureService measures;

    public SignOffMeasureDelegate(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        measures.signOff(MeasureExecutionProcess.measureCode(execution), REVIEWED_BY.get(execution),
            REVIEW_OPINION.get(execution), SIGN_OFF_OPINION.get(execution));
    }
}
