package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_DRAFT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 党务公开整改进展情况: the approved note is published and the round records the date. */
@Component
public class PublishProgressDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;

    public PublishProgressDelegate(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rounds.publish(InspectionRoundProcess.roundCode(execution), PUBLIC_NOTE_DRAFT.get(execution));
    }
}
