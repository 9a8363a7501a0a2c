package org.rectiflow.lookback;

import static org.rectiflow.lookback.LookBackVariables.COMPLETION_SUMMARY;
import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_FINDINGS;
import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_MEASURE;
import static org.rectiflow.lookback.LookBackVariables.MEASURE_CONTENT;
import static org.rectiflow.lookback.LookBackVariables.RELAPSED;
import static org.rectiflow.lookback.LookBackVariables.RELAPSE_FINDING;
import static org.rectiflow.lookback.LookBackVariables.SIGNED_OFF_TEXT;
import static org.rectiflow.lookback.LookBackVariables.UNIT_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureRepository.Measure;
import org.springframework.stereotype.Component;

/**
 * On the start of each sampled measure's check: what the form shows of the measure, and the form's
 * fields made local, so that checks completed at the same time never collide.
 */
@Component
public class PrepareLookBackCheckListener implements ExecutionListener {

    private final MeasureRepository measures;

    public PrepareLookBackCheckListener(MeasureRepository measures) {
        this.measures = measures;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Measure m = measures.require(TypedVariables.string(execution, LOOK_BACK_MEASURE));
        execution.setVariableLocal(MEASURE_CONTENT, m.content());
        execution.setVariableLocal(UNIT_NAME, m.unitName());
        execution.setVariableLocal(COMPLETION_SUMMARY, m.completionSummary());
        execution.setVariableLocal(SIGNED_OFF_TEXT, measures.archive(m.code())
            .map(a -> "已销号").orElse(""));
        for (String field : new String[] {RELAPSE_FINDING, LOOK_BACK_FINDINGS, RELAPSED}) {
            execution.setVariableLocal(field, null);
        }
    }
}
