package org.rectiflow.plan;

import java.util.Date;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * The comment rounds' timers: {@code ${planDeadlines.commentReminderAt(commentDueAt)}}, a name deployed diagrams
 * call. The reminder is the shared {@link Ladder}'s amber step ({@code rectiflow.plan.reminder-days-before}).
 */
@Component("planDeadlines")
@DiagramFunctions
public class PlanDeadlines {

    private final PlanProperties properties;
    private final Ladder ladder;
    private final EngineClock clock;

    public PlanDeadlines(PlanProperties properties, EngineClock clock) {
        this.properties = properties;
        this.ladder = Ladder.reminder(properties.reminderDaysBefore());
        this.clock = clock;
    }

    /** A round opened today closes at the deadline time of this day. */
    public Date commentDueAt() {
        return clock.deadlineInstant(clock.today().plus(properties.commentPeriod()));
    }

    public Date commentReminderAt(Date due) {
        return Ladder.on(due, ladder.amberDate(Ladder.day(due, clock.zone())), clock.zone());
    }
}
