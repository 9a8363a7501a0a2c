package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.HANDLING;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.LAW_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 登记办理结果: a law-related petition concluded or still in progress, handled according to law. */
@Component
public class RecordLawOutcomeDelegate implements JavaDelegate {

    private final ClueService clues;

    public RecordLawOutcomeDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        clues.recordLawOutcome(ClueHandlingProcess.clueCode(execution),
            form.requiredChoice(LAW_OUTCOME, LawOutcome.class),
            form.requiredText(HANDLING));
    }
}
