package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.FEEDBACK_DATE_TEXT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.REPORT_DUE_AT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.ROUND_TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.inspection.RoundRepository.Round;
import org.rectiflow.common.FormText;
import org.springframework.stereotype.Component;

/**
 * 登记巡察整改: marks the round as in rectification and sets the dates its diagram waits for: the report,
 * the end of the centralised period and the look-back.
 */
@Component
public class ActivateRoundDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;

    public ActivateRoundDelegate(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Round round = rounds.activate(InspectionRoundProcess.roundCode(execution));
        ROUND_TITLE.set(execution, FormText.plain(round.title()));
        FEEDBACK_DATE_TEXT.set(execution, EngineClock.chinese(round.feedbackDate()));
        REPORT_DUE_AT.set(execution, rounds.reportDueAt(round));
        InspectionRoundProcess.Variables.RECTIFICATION_DONE.set(execution, false);
        InspectionRoundProcess.Variables.CENTRALISED_PERIOD_ENDS_AT.set(execution,
            rounds.centralisedPeriodEndsAt(round));
        InspectionRoundProcess.Variables.LOOK_BACK_AT.set(execution, rounds.lookBackAt(round));
    }
}
