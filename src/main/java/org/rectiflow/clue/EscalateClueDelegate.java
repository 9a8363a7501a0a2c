package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_CODE;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_DUE_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.TypedVariables;
import org.springframework.stereotype.Component;

/**
 * A verification's deadline: the reminder before it (field {@code step} REMINDER, the discipline
 * inspectors) or the escalation after it (OVERDUE, also the leading group).
 */
@Component
public class EscalateClueDelegate implements JavaDelegate {

    private final ClueService clues;
    private final EngineClock clock;

    /** Injected per service task from its {@code camunda:field name="step"}. */
    private Expression step;

    public EscalateClueDelegate(ClueService clues, EngineClock clock) {
        this.clues = clues;
        this.clock = clock;
    }

    public void setStep(Expression step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clues.escalate(TypedVariables.string(execution, CLUE_CODE),
            ClueService.Step.valueOf(String.valueOf(step.getValue(execution))),
            clock.toDate(TypedVariables.date(execution, VERIFICATION_DUE_AT)));
    }
}
