package org.rectiflow.supervision;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.UnaryOperator;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * The measure's ladder as the diagrams call it ({@code ${escalationLadder.greenAt(deadline)}} …, names that
 * deployed diagrams use and that must stay): each function asks the configured {@link Ladder} for the day and
 * keeps the deadline's time of day. Timer expressions are evaluated when the unit's task is created, so after a
 * rework the ladder is laid anew from the same deadline.
 */
@Component("escalationLadder")
@DiagramFunctions
public class EscalationLadder {

    private final Ladder ladder;
    private final EngineClock clock;

    public EscalationLadder(EscalationProperties properties, EngineClock clock) {
        this.ladder = properties.ladder();
        this.clock = clock;
    }

    public Date greenAt(Date deadline) {
        return at(deadline, ladder::greenDate);
    }

    public Date amberAt(Date deadline) {
        return at(deadline, ladder::amberDate);
    }

    public Date interviewAt(Date deadline) {
        return at(deadline, ladder::interviewDate);
    }

    /**
     * A step of its own, some days before the deadline, for a reminder added in the Modeler:
     * {@code ${escalationLadder.daysBefore(deadline, 5)}}, with the step's {@code offsetDays} field set to -5.
     */
    public Date daysBefore(Date deadline, int days) {
        return at(deadline, d -> Ladder.offset(d, -days));
    }

    /** A step of its own, some days after the deadline: {@code ${escalationLadder.daysAfter(deadline, 45)}}. */
    public Date daysAfter(Date deadline, int days) {
        return at(deadline, d -> Ladder.offset(d, days));
    }

    /**
     * The repeating red notice: at the deadline, then every interval. A deadline already past starts the
     * cycle now, so the current period's notice goes out at once (its key keeps it from being written twice).
     */
    public String overdueCycle(Date deadline) {
        return ladder.overdueCycle(deadline, clock.now(), clock.zone());
    }

    /**
     * For the Tasklist's 已超期 filter ({@code dueBefore ${escalationLadder.overdueFrom()}}): a task is due at its
     * deadline's day at the deadline time, so its due date is before today's deadline time exactly when its
     * deadline's day is over ({@link Ladder#overdue}).
     */
    public Date overdueFrom() {
        return clock.deadlineInstant(clock.today());
    }

    /**
     * For the Tasklist's 临近时限 filter ({@code dueAfter ${escalationLadder.notOverdueAfter()}}): a task due after
     * yesterday's deadline time is due today or later, so not overdue ({@link Ladder#overdue}); with its follow-up
     * date (the amber date) come, it is amber.
     */
    public Date notOverdueAfter() {
        return clock.deadlineInstant(clock.today().minusDays(1));
    }

    private Date at(Date deadline, UnaryOperator<LocalDate> step) {
        return Ladder.on(deadline, step.apply(Ladder.day(deadline, clock.zone())), clock.zone());
    }
}
