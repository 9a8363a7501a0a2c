package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.COMPLETION_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.NOT_DONE_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PLANNED_DATE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_COUNT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 单位整改并报告, when the task is created: a measure sent back for rework, or back with the unit after it reported
 * 未完成, opens with its last report filled in, from the ledger, as the task's own values (they go with the task;
 * what the unit submits replaces them).
 */
@Component
public class PrefillReportListener implements TaskListener {

    private final MeasureRepository measures;

    public PrefillReportListener(MeasureRepository measures) {
        this.measures = measures;
    }

    @Override
    public void notify(DelegateTask task) {
        if (REWORK_COUNT.get(task, 0) == 0 && !ReportStatus.NOT_DONE.name().equals(REPORTED_STATUS.get(task, null))) {
            return; // a first report: nothing to fill in, and no look-up at every measure's start
        }
        Measure measure = measures.require(MeasureExecutionProcess.measureCode(task.getExecution()));
        if (measure.progress() == null) {
            return;
        }
        PROGRESS.prefill(task, measure.progress());
        if (measure.completionSummary() != null) {
            COMPLETION_SUMMARY.prefill(task, measure.completionSummary());
        }
        if (measure.notDoneReason() != null) {
            NOT_DONE_REASON.prefill(task, measure.notDoneReason());
            PLANNED_DATE.prefill(task, measure.plannedDate().toString());
        }
        measures.latestEvidence(measure.code()).ifPresent(evidence -> EVIDENCE.prefill(task, evidence));
        if (measure.reportStatus() != null) {
            REPORT_STATUS.prefill(task, measure.reportStatus().name());
        }
    }
}
