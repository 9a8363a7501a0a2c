package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_DUE_AT;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.common.EngineClock;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.NotifyingDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * A verification's deadline (element template {@code rectiflow.escalateClue}): the reminder before it (field
 * {@code step} REMINDER) or the escalation after it (OVERDUE), told to the groups of {@code notifyGroups} in the
 * words of {@code subject} and {@code body}; {@code offsetDays} places an added reminder.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class EscalateClueDelegate extends NotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = ClueService.ESCALATION_PLACEHOLDERS;

    private final ClueService clues;
    private final EngineClock clock;

    private Expression step;
    private Expression offsetDays;

    public EscalateClueDelegate(ClueService clues, EngineClock clock) {
        this.clues = clues;
        this.clock = clock;
    }

    public void setStep(Expression step) {
        this.step = step;
    }

    public void setOffsetDays(Expression offsetDays) {
        this.offsetDays = offsetDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClueService.Step current = DelegateFields.choice(step, "step", ClueService.Step.class, execution);
        MessageSettings message = message(execution, current.legacyMessage());
        clues.escalate(ClueHandlingProcess.clueCode(execution), current,
            clock.toDate(VERIFICATION_DUE_AT.get(execution)), message,
            DelegateFields.days(offsetDays, "offsetDays", execution));
    }
}
