package org.rectiflow.plan;

import java.util.Date;

import org.rectiflow.common.EngineClock;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/** The comment rounds' timers: {@code ${planDeadlines.commentReminderAt(commentDueAt)}}. */
@Component("planDeadlines")
@DiagramFunctions
public class PlanDeadlines {

    private final PlanProperties properties;
    private final EngineClock clock;

    public PlanDeadlines(PlanProperties properties, EngineClock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A round opened today closes at the deadline time of this day. */
    public Date commentDueAt() {
        return clock.deadlineInstant(clock.today().plus(properties.commentPeriod()));
    }

    public Date commentReminderAt(Date due) {
        return clock.plusDays(due, -properties.reminderDaysBefore());
    }
}
