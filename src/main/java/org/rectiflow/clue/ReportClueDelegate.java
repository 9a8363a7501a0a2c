package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.TypedVariables;
import org.springframework.stereotype.Component;

/** 向巡察办反馈办理情况: the clue is handled and its outcome goes to the office for the report. */
@Component
public class ReportClueDelegate implements JavaDelegate {

    private final ClueService clues;

    public ReportClueDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clues.report(TypedVariables.string(execution, CLUE_CODE));
    }
}
