package org.rectiflow.inspection;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 集中整改完成: every measure is signed off or handed to normal management. */
@Component
public class CompleteRoundDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;

    public CompleteRoundDelegate(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rounds.complete(InspectionRoundProcess.roundCode(execution));
    }
}
