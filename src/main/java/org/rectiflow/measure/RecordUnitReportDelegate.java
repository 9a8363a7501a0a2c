package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.COMPLETION_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/**
 * 登记整改报告: checks the unit's report (an error names the field and, as this runs in the task's
 * transaction, leaves the task open with nothing written), writes it and its evidence to the ledger, and
 * keeps what the review forms show and the status the gateway after sign-off routes by.
 */
@Component
public class RecordUnitReportDelegate implements JavaDelegate {

    private final MeasureService measures;

    public RecordUnitReportDelegate(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        MeasureService.Report report = new MeasureService.Report(
            form.requiredText(PROGRESS, "整改进展", 4000),
            form.requiredText(COMPLETION_SUMMARY, "整改完成情况", 4000),
            form.requiredText(EVIDENCE, "佐证材料", 4000),
            form.requiredChoice(REPORT_STATUS, "办理状态", ReportStatus.class));
        measures.recordReport(MeasureExecutionProcess.measureCode(execution), report);
        execution.setVariable(REPORTED_STATUS, report.status().name());
        execution.setVariable(REPORT_STATUS_TEXT, report.status().label());
        execution.setVariable(REPORTED_PROGRESS, FormText.plain(report.progress()));
        execution.setVariable(REPORTED_SUMMARY, FormText.plain(report.completionSummary()));
        execution.setVariable(REPORTED_EVIDENCE, FormText.plain(report.evidence()));
    }
}
