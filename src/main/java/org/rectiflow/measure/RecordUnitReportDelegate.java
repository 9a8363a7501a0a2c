package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.COMPLETION_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.NOT_DONE_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PLANNED_DATE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_EVIDENCE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_PROGRESS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_SUMMARY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORT_STATUS_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_HISTORY_TEXT;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISMS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_DOC_NUMBER;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_FIELDS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_ISSUED_ON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_ISSUER;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_REVISION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MECHANISM_TITLE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_MECHANISMS;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REPORTED_EVIDENCE_FILES;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.rectiflow.mechanism.MechanismDraft;
import org.springframework.stereotype.Component;

/**
 * 登记整改报告: checks the unit's report (an error names the field and, as this runs in the task's
 * transaction, leaves the task open with nothing written), writes it and its evidence to the ledger, and
 * keeps what the review forms show and the status the gateways route by (未完成 back to the unit; 长期坚持 to
 * normal management after sign-off). The evidence files uploaded as drafts until now are bound to the report
 * (evidence/EvidenceService), and their list is what the review forms show. A 未完成 report needs its reason and planned date, not the completion
 * summary and evidence (the form hides those then). The mechanisms (制度机制) of the form's list are recorded with the
 * report, replacing those of an earlier report of the measure; a bad row refuses the whole report. The measure's
 * rework history (each earlier report's return) is read from the ledger for the review forms.
 */
@Component
public class RecordUnitReportDelegate implements JavaDelegate {

    private final MeasureService measures;
    private final EngineClock clock;

    public RecordUnitReportDelegate(MeasureService measures, EngineClock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        ReportStatus status = form.requiredChoice(REPORT_STATUS, ReportStatus.class);
        MeasureService.Report report = status == ReportStatus.NOT_DONE
            ? new MeasureService.Report(
                form.requiredText(PROGRESS),
                form.optionalText(COMPLETION_SUMMARY),
                form.optionalText(EVIDENCE),
                status,
                form.requiredText(NOT_DONE_REASON),
                form.requiredDate(PLANNED_DATE, clock.zone()))
            : new MeasureService.Report(
                form.requiredText(PROGRESS),
                form.requiredText(COMPLETION_SUMMARY),
                form.requiredText(EVIDENCE),
                status);
        List<MechanismDraft> mechanisms = form.rows(MECHANISMS, MECHANISM_FIELDS).stream()
            .map(row -> new MechanismDraft(row.get(MECHANISM_TITLE.itemKey()), row.get(MECHANISM_DOC_NUMBER.itemKey()),
                row.get(MECHANISM_ISSUER.itemKey()), row.get(MECHANISM_ISSUED_ON.itemKey()),
                row.get(MECHANISM_REVISION.itemKey()), null, List.of()))
            .toList();
        String code = MeasureExecutionProcess.measureCode(execution);
        MeasureService.Recorded recorded = measures.recordReport(code, report, mechanisms);
        REPORTED_STATUS.set(execution, report.status().name());
        REPORT_STATUS_TEXT.set(execution, report.status().label());
        REPORTED_PROGRESS.set(execution, FormText.plain(report.progress()));
        REPORTED_SUMMARY.set(execution, FormText.plain(report.completionSummary()));
        REPORTED_EVIDENCE.set(execution, FormText.plain(report.evidence()));
        REPORTED_MECHANISMS.set(execution, FormText.plain(recorded.mechanisms()));
        REPORTED_EVIDENCE_FILES.set(execution, FormText.plain(recorded.evidenceFiles()));
        REWORK_HISTORY_TEXT.set(execution, FormText.plain(measures.reworkHistoryText(code)));
    }
}
