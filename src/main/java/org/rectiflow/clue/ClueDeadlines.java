package org.rectiflow.clue;

import java.time.LocalDate;
import java.util.Date;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.RepeatingDeadline;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/** The timers of a verification: {@code ${clueDeadlines.reminderAt(verificationDueAt)}} and its overdue cycle. */
@Component("clueDeadlines")
@DiagramFunctions
public class ClueDeadlines {

    private final ClueProperties properties;
    private final EngineClock clock;

    public ClueDeadlines(ClueProperties properties, EngineClock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The verification's due day when it starts today. */
    public LocalDate verificationDue(LocalDate start) {
        return start.plus(properties.verificationPeriod());
    }

    public Date reminderAt(Date due) {
        return clock.plusDays(due, -properties.reminderDaysBefore());
    }

    /**
     * A reminder of its own, some days before the due day, added in the Modeler:
     * {@code ${clueDeadlines.daysBefore(verificationDueAt, 5)}}, with the step's {@code offsetDays} field set to -5.
     */
    public Date daysBefore(Date due, int days) {
        return clock.plusDays(due, -days);
    }

    /** At the due date, then every interval; a due date already past starts the cycle now. */
    public String overdueCycle(Date due) {
        return RepeatingDeadline.cycle(due, properties.overdueInterval(), clock);
    }

    /** The day the current overdue period began. */
    public LocalDate overduePeriodStart(LocalDate due, LocalDate today) {
        return RepeatingDeadline.periodStart(due, today, properties.overdueInterval());
    }

    public LocalDate reminderDate(LocalDate due) {
        return due.minusDays(properties.reminderDaysBefore());
    }
}
