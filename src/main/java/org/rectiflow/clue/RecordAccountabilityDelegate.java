package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.ACCOUNTABILITY_ENTRIES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 登记问责情况: one record per person held accountable, each with a person and a form. */
@Component
public class RecordAccountabilityDelegate implements JavaDelegate {

    private final ClueService clues;

    public RecordAccountabilityDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = FormValues.of(execution).requiredText(ACCOUNTABILITY_ENTRIES);
        clues.recordAccountability(ClueHandlingProcess.clueCode(execution),
            ClueService.parseAccountability(ACCOUNTABILITY_ENTRIES, text));
    }
}
