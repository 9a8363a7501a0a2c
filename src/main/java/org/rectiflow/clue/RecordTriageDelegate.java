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
        Triage triage = form.requiredChoice(TRIAGE, Triage.class);
        String reason = form.requiredText(TRIAGE_REASON);
        TRIAGED_AS.set(execution, triage.name());
        clues.triage(ClueHandlingProcess.clueCode(execution), triage, reason).ifPresent(due -> {
            VERIFICATION_DUE_AT.set(execution, clock.deadlineInstant(due));
            VERIFICATION_DUE_TEXT.set(execution, EngineClock.chinese(due));
        });
    }
}
