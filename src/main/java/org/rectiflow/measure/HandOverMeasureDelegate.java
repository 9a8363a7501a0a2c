package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEWED_BY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_OPINION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_OPINION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 移交常态化管理: a long-term measure leaves the centralised rectification for normal management. */
@Component
public class HandOverMeasureDelegate implements JavaDelegate {

    private final MeasureService measures;

    public HandOverMeasureDelegate(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        measures.handOver(MeasureExecutionProcess.measureCode(execution), REVIEWED_BY.get(execution),
            REVIEW_OPINION.get(execution), SIGN_OFF_OPINION.get(execution));
    }
}
