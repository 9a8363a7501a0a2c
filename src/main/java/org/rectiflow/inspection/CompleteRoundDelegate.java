package org.rectiflow.inspection;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 集中整改完成: every measure is signed off or handed to normal management. Setting {@code roundCompleted} closes
 * the office's standing 登记工作记录 task, so that the instance ends.
 */
@Component
public class CompleteRoundDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;

    public CompleteRoundDelegate(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rounds.complete(InspectionRoundProcess.roundCode(execution));
        InspectionRoundProcess.Variables.ROUND_COMPLETED.set(execution.getProcessInstance(), true);
    }
}
