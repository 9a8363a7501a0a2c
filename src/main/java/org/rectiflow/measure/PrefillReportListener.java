package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.COMPLETION_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.NOT_DONE_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PLANNED_DATE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_COUNT;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISMS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_DOC_NUMBER;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_ISSUED_ON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_ISSUER;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_REVISION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_TITLE;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.rectiflow.mechanism.Mechanism;
import org.rectiflow.mechanism.MechanismService;
import org.springframework.stereotype.Component;

/**
 * 单位整改并报告, when the task is created: a measure sent back for rework, or back with the unit after it reported
 * 未完成, opens with its last report filled in, from the ledger, as the task's own values (they go with the task;
 * what the unit submits replaces them), and the mechanisms its last report recorded as the rows of the form's list.
 */
@Component
public class PrefillReportListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeasureRepository measures;
    private final MechanismService mechanisms;

    public PrefillReportListener(MeasureRepository measures, MechanismService mechanisms) {
        this.measures = measures;
        this.mechanisms = mechanisms;
    }

    /** The rows of the form's list of mechanisms, as the form's fields name them. */
    private static String rows(List<Mechanism> recorded) {
        ArrayNode rows = JSON.createArrayNode();
        for (Mechanism mechanism : recorded) {
            ObjectNode row = rows.addObject();
            row.put(MECHANISM_TITLE.itemKey(), mechanism.title());
            row.put(MECHANISM_DOC_NUMBER.itemKey(), mechanism.docNumber());
            row.put(MECHANISM_ISSUER.itemKey(), mechanism.issuer());
            row.put(MECHANISM_ISSUED_ON.itemKey(), mechanism.issuedOn().toString());
            row.put(MECHANISM_REVISION.itemKey(), mechanism.revision().name());
        }
        return rows.toString();
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
        List<Mechanism> recorded = mechanisms.reportedWith(measure.code());
        if (!recorded.isEmpty()) {
            // a Json value, as the Tasklist reads a dynamic list's rows (and sends them back)
            MECHANISMS.prefill(task, SpinValues.jsonValue(rows(recorded)).create());
        }
    }
}
