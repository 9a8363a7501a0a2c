package org.rectiflow.clue;

import java.time.LocalDate;
import java.util.Date;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * The timers of a verification: {@code ${clueDeadlines.reminderAt(verificationDueAt)}} and its overdue cycle,
 * names deployed diagrams call. The rules are the shared {@link Ladder}'s: the reminder is its amber step
 * ({@code rectiflow.clue.reminder-days-before}), the overdue escalation its repeating red period.
 */
@Component("clueDeadlines")
@DiagramFunctions
public class ClueDeadlines {

    private final ClueProperties properties;
    private final Ladder ladder;
    private final EngineClock clock;

    public ClueDeadlines(ClueProperties properties, EngineClock clock) {
        this.properties = properties;
        this.ladder = Ladder.reminderAndOverdue(properties.reminderDaysBefore(), properties.overdueInterval());
        this.clock = clock;
    }

    /** The verification's due day when it starts today. */
    public LocalDate verificationDue(LocalDate start) {
        return start.plus(properties.verificationPeriod());
    }

    public Date reminderAt(Date due) {
        return Ladder.on(due, ladder.amberDate(Ladder.day(due, clock.zone())), clock.zone());
    }

    /**
     * A reminder of its own, some days before the due day, added in the Modeler:
     * {@code ${clueDeadlines.daysBefore(verificationDueAt, 5)}}, with the step's {@code offsetDays} field set to -5.
     */
    public Date daysBefore(Date due, int days) {
        return Ladder.on(due, Ladder.offset(Ladder.day(due, clock.zone()), -days), clock.zone());
    }

    /** At the due date, then every interval; a due date already past starts the cycle now. */
    public String overdueCycle(Date due) {
        return ladder.overdueCycle(due, clock.now(), clock.zone());
    }

    /** The day the current overdue period began. */
    public LocalDate overduePeriodStart(LocalDate due, LocalDate today) {
        return ladder.overduePeriodStart(due, today);
    }

    public LocalDate reminderDate(LocalDate due) {
        return ladder.amberDate(due);
    }
}
