package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_OUTCOMES_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rectiflow.common.FormText;
import org.springframework.stereotype.Component;

/**
 * 向巡察办报送整改情况报告, when the task is created: the form's read-only text, from the ledger, with how many of
 * the round's measures are 未完成 and how many still 正在推进, and how to record 未完成 before the report goes
 * ({@link InspectionRoundService#reportOutcomesText}).
 */
@Component
public class PrepareReportListener implements TaskListener {

    private final InspectionRoundService rounds;

    public PrepareReportListener(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        String round = InspectionRoundProcess.roundCode(task.getExecution());
        REPORT_OUTCOMES_TEXT.setLocal(task, FormText.plain(rounds.reportOutcomesText(round)));
    }
}
