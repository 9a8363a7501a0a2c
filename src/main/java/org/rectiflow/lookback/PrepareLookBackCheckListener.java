package org.rectiflow.lookback;

import static org.rectiflow.lookback.LookBackVariables.LOOK_BACK_MEASURE;
import static org.rectiflow.lookback.LookBackVariables.MEASURE_CONTENT;
import static org.rectiflow.lookback.LookBackVariables.RELAPSED;
import static org.rectiflow.lookback.LookBackVariables.SIGNED_OFF_SUMMARY;
import static org.rectiflow.lookback.LookBackVariables.SIGNED_OFF_TEXT;
import static org.rectiflow.lookback.LookBackVariables.UNIT_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rectiflow.common.FormText;
import org.rectiflow.measure.Measure;
import org.rectiflow.measure.MeasureRepository;
import org.springframework.stereotype.Component;

/**
 * On the start of each sampled measure's check: what the form shows of the measure, and the check's outcome
 * made local, so that checks completed at the same time never collide.
 */
@Component
public class PrepareLookBackCheckListener implements ExecutionListener {

    private final MeasureRepository measures;

    public PrepareLookBackCheckListener(MeasureRepository measures) {
        this.measures = measures;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Measure m = measures.require(LOOK_BACK_MEASURE.get(execution));
        MEASURE_CONTENT.setLocal(execution, FormText.plain(m.content()));
        UNIT_NAME.setLocal(execution, m.unitName());
        SIGNED_OFF_SUMMARY.setLocal(execution, FormText.plain(m.completionSummary()));
        SIGNED_OFF_TEXT.setLocal(execution, measures.archive(m.code())
            .map(a -> "已销号").orElse(""));
        RELAPSED.clearLocal(execution);
    }
}
