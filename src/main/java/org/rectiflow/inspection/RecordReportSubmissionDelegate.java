package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_DATE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_REFERENCE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 登记报送: records that the rectification report went to the inspection office. */
@Component
public class RecordReportSubmissionDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;
    private final EngineClock clock;

    public RecordReportSubmissionDelegate(InspectionRoundService rounds, EngineClock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        rounds.recordReport(InspectionRoundProcess.roundCode(execution),
            form.requiredDate(REPORT_DATE, clock.zone()),
            form.requiredText(REPORT_REFERENCE),
            form.requiredText(REPORT_SUMMARY));
    }
}
