package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.COMPLETION_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MEASURE_CODE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_COMMENT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_DECISION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_COMMENT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_DECISION;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.common.TypedVariables;
import org.springframework.stereotype.Component;

/**
 * 登记整改报告: checks the unit's report (an error names the field and, as this runs in the task's
 * transaction, leaves the task open with nothing written), writes it and its evidence to the ledger,
 * and clears the previous review decisions so the review forms open empty.
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
        measures.recordReport(TypedVariables.string(execution, MEASURE_CODE), report);
        execution.setVariable(REPORT_STATUS_TEXT, report.status().label());
        execution.removeVariables(List.of(REVIEW_DECISION, REVIEW_COMMENT, SIGN_OFF_DECISION, SIGN_OFF_COMMENT));
    }
}
