package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_CONTACT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_ISSUER;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_NEXT_STEPS;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.WORK_DATE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.WORK_ENTRY;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.WORK_PARTICIPANTS;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.WORK_SUMMARY;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.WORK_TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/**
 * 记录工作: the standing 登记工作记录 task's entry, a work record of the round (a meeting, a training, a talk…)
 * or the office's own text for the public report. The task then stands again for the next entry.
 */
@Component
public class RecordWorkDelegate implements JavaDelegate {

    private final WorkRecordService records;
    private final EngineClock clock;

    public RecordWorkDelegate(WorkRecordService records, EngineClock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String round = InspectionRoundProcess.roundCode(execution);
        WorkEntry entry = form.requiredChoice(WORK_ENTRY, WorkEntry.class);
        if (entry == WorkEntry.REPORT_TEXT) {
            String nextSteps = form.optionalText(REPORT_NEXT_STEPS);
            String contact = form.optionalText(REPORT_CONTACT);
            String issuer = form.optionalText(REPORT_ISSUER);
            records.saveReportText(round, nextSteps, contact, issuer);
        } else {
            records.record(round, entry.kind(), form.requiredDate(WORK_DATE, clock.zone()),
                form.requiredText(WORK_TITLE), form.optionalText(WORK_PARTICIPANTS), form.optionalText(WORK_SUMMARY));
        }
    }
}
