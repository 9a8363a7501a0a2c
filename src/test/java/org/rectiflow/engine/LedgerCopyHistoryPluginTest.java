package org.rectiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureExecutionProcess.Elements;
import org.rectiflow.measure.MeasureExecutionProcess.Variables;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The measure's ledger copies keep their value in history but no variable-update details; form values are never
 * variables (guard/TaskForms) and stay in the history of the form's submission.
 */
class LedgerCopyHistoryPluginTest extends ProcessTest {

    @Autowired HistoryService historyService;
    @Autowired FormService formService;

    @Test
    void ledgerCopiesHaveNoDetailsAndFormValuesStayInTheSubmissionsHistoryOnly() {
        String round = registerRound(MeasureKind.IMMEDIATE, 40);
        String measureCode = RoundRegistration.measureCode(round, 1, 1);
        ProcessInstance instance = start(MeasureExecutionProcess.KEY, measureCode,
            Map.of(Variables.MEASURE_CODE.name(), measureCode, Variables.ROUND_CODE.name(), round));
        fire(instance, Elements.GREEN_REMINDER);
        // as the Tasklist submits a form
        formService.submitTaskForm(task(instance, Elements.UNIT_RECTIFIES).getId(), Map.of(
            Variables.PROGRESS.key(), "已制定方案并组织实施", Variables.COMPLETION_SUMMARY.key(), "印发制度1项",
            Variables.EVIDENCE.key(), "〔2026〕12号文件", Variables.REPORT_STATUS.key(), "COMPLETED"));

        List<String> detailed = historyService.createHistoricDetailQuery().processInstanceId(instance.getId())
            .variableUpdates().list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
        assertThat(detailed).doesNotContain(Variables.MEASURE_CODE.name(), Variables.ROUND_CODE.name(),
            Variables.UNIT_GROUP.name(), Variables.DEADLINE.name(), Variables.MEASURE_CONTENT.name(),
            Variables.PROBLEM_TITLE.name(), Variables.ESCALATION_RECORDED.name(), Variables.REPORTED_PROGRESS.name(),
            Variables.REPORTED_SUMMARY.name(), Variables.REPORTED_STATUS.name());
        assertThat(detailed).doesNotContain(Variables.PROGRESS.key(), Variables.COMPLETION_SUMMARY.key(),
            Variables.EVIDENCE.key(), Variables.REPORT_STATUS.key());

        Map<String, Object> submitted = historyService.createHistoricDetailQuery().processInstanceId(instance.getId())
            .formFields().list().stream().map(d -> (HistoricFormField) d)
            .collect(Collectors.toMap(HistoricFormField::getFieldId, f -> String.valueOf(f.getFieldValue())));
        assertThat(submitted).containsEntry(Variables.PROGRESS.key(), "已制定方案并组织实施")
            .containsEntry(Variables.REPORT_STATUS.key(), "COMPLETED").hasSize(4);

        Map<String, Object> kept = historyService.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(instance.getId()).list().stream()
            .collect(Collectors.toMap(HistoricVariableInstance::getName,
                v -> String.valueOf(v.getValue()), (a, b) -> a));
        assertThat(kept).containsEntry(Variables.MEASURE_CODE.name(), measureCode)
            .containsEntry(Variables.REPORTED_STATUS.name(), "COMPLETED")
            .as("the escalation's outcome is transient: no history row at all")
            .doesNotContainKeys(Variables.ESCALATION_RECORDED.name(), Variables.PROGRESS.key(), Variables.COMPLETION_SUMMARY.key(),
                Variables.EVIDENCE.key(), Variables.REPORT_STATUS.key());
    }

    @Test
    void theSettingTurnsThePluginOff() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(LedgerCopies.class, () -> new LedgerCopies("p", Set.of("v")))
            .withUserConfiguration(LedgerCopyHistoryPlugin.class);
        runner.run(context -> assertThat(context).hasSingleBean(LedgerCopyHistoryPlugin.class));
        runner.withPropertyValues("rectiflow.history.detail-for-ledger-copies=true")
            .run(context -> assertThat(context).doesNotHaveBean(LedgerCopyHistoryPlugin.class));
    }

    @Test
    void otherDiagramsKeepEveryDetail() {
        String round = registerRound(MeasureKind.IMMEDIATE, 40);
        String roundInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(round).singleResult().getId();
        List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(roundInstance)
            .variableUpdates().list();
        assertThat(details).extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
            .contains(InspectionRoundProcess.Variables.ROUND_CODE.name());
    }
}
