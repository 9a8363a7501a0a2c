package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.RECTIFICATION_DONE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 整改和线索处置全部完成: every measure and every clue is done. Setting {@code rectificationDone} lets a
 * report to the inspection office still waiting for its 2-month timer come at once.
 */
@Component
public class MarkRectificationDoneDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RECTIFICATION_DONE.set(execution.getProcessInstance(), true);
    }
}
