package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.TRIAGE;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.TRIAGED_AS;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.TRIAGE_REASON;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_DUE_AT;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_DUE_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 登记处置方式: return, archive, conclude, transfer, or preliminary verification with its 3-month deadline. */
@Component
public class RecordTriageDelegate implements JavaDelegate {

    private final ClueService clues;
    private final EngineClock clock;

    public RecordTriageDelegate(ClueService clues, EngineClock clock) {
        this.clues = clues;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        Triage triage = form.requiredChoice(TRIAGE, "处置方式", Triage.class);
        String reason = form.requiredText(TRIAGE_REASON, "处置理由", 2000);
        execution.setVariable(TRIAGED_AS, triage.name());
        clues.triage(ClueHandlingProcess.clueCode(execution), triage, reason).ifPresent(due -> {
            execution.setVariable(VERIFICATION_DUE_AT, clock.deadlineInstant(due));
            execution.setVariable(VERIFICATION_DUE_TEXT, EngineClock.chinese(due));
        });
    }
}
