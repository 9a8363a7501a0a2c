package org.rectiflow.supervision;

import java.time.LocalDate;
import java.util.Date;

import org.rectiflow.common.EngineClock;
import org.rectiflow.common.RepeatingDeadline;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * When each step of the ladder falls due, for the timers of measure-execution.bpmn
 * ({@code ${escalationLadder.greenAt(deadline)}} …). Timer expressions are evaluated when the unit's
 * task is created, so after a rework the ladder is laid anew from the same deadline.
 */
@Component("escalationLadder")
@DiagramFunctions
public class EscalationLadder {

    private final EscalationProperties properties;
    private final EngineClock clock;

    public EscalationLadder(EscalationProperties properties, EngineClock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Date greenAt(Date deadline) {
        return shift(deadline, -properties.greenDaysBefore());
    }

    public Date amberAt(Date deadline) {
        return shift(deadline, -properties.amberDaysBefore());
    }

    public Date interviewAt(Date deadline) {
        return shift(deadline, properties.interviewDaysAfter());
    }

    /**
     * A step of its own, some days before the deadline, for a reminder added in the Modeler:
     * {@code ${escalationLadder.daysBefore(deadline, 5)}}, with the step's {@code offsetDays} field set to -5.
     */
    public Date daysBefore(Date deadline, int days) {
        return shift(deadline, -days);
    }

    /** A step of its own, some days after the deadline: {@code ${escalationLadder.daysAfter(deadline, 45)}}. */
    public Date daysAfter(Date deadline, int days) {
        return shift(deadline, days);
    }

    /**
     * The repeating red notice: at the deadline, then every interval. A deadline already past starts the
     * cycle now, so the current period's notice goes out at once (its key keeps it from being written twice).
     */
    public String overdueCycle(Date deadline) {
        return RepeatingDeadline.cycle(deadline, properties.overdueInterval(), clock);
    }

    /** The day the current red period began. */
    public LocalDate overduePeriodStart(LocalDate deadline, LocalDate today) {
        return RepeatingDeadline.periodStart(deadline, today, properties.overdueInterval());
    }

    public LocalDate greenDate(LocalDate deadline) {
        return deadline.minusDays(properties.greenDaysBefore());
    }

    public LocalDate amberDate(LocalDate deadline) {
        return deadline.minusDays(properties.amberDaysBefore());
    }

    public LocalDate interviewDate(LocalDate deadline) {
        return deadline.plusDays(properties.interviewDaysAfter());
    }

    private Date shift(Date date, int days) {
        return clock.plusDays(date, days);
    }
}
