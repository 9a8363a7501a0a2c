package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.INTERVIEWEE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.INTERVIEW_DATE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.INTERVIEW_RECORD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 记录约谈: the leading group's interview of an overdue unit, from its form. */
@Component
public class RecordInterviewDelegate implements JavaDelegate {

    private final MeasureService measures;
    private final EngineClock clock;

    public RecordInterviewDelegate(MeasureService measures, EngineClock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        measures.recordInterview(MeasureExecutionProcess.measureCode(execution),
            form.requiredDate(INTERVIEW_DATE, clock.zone()),
            form.requiredText(INTERVIEWEE),
            form.requiredText(INTERVIEW_RECORD));
    }
}
