package org.rectiflow.supervision;

import java.time.Period;

import org.rectiflow.common.deadline.Ladder;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation ladder's offsets (DESIGN §3), from {@code rectiflow.escalation.*}.
 *
 * @param greenDaysBefore    green reminder to the liaison, days before the deadline
 * @param amberDaysBefore    amber reminder to the liaison and the leader in charge, days before
 * @param overdueInterval    red supervision notice at the deadline and then every this often
 * @param interviewDaysAfter interview task for the leading group, days after the deadline
 */
@ConfigurationProperties("rectiflow.escalation")
public record EscalationProperties(int greenDaysBefore, int amberDaysBefore, Period overdueInterval,
                                   int interviewDaysAfter) {

    public EscalationProperties {
        if (greenDaysBefore <= amberDaysBefore || amberDaysBefore < 0) {
            throw new IllegalArgumentException("rectiflow.escalation: green-days-before (" + greenDaysBefore
                + ") must be greater than amber-days-before (" + amberDaysBefore + "), and both at least 0");
        }
        if (overdueInterval == null || overdueInterval.isZero() || overdueInterval.isNegative()) {
            throw new IllegalArgumentException("rectiflow.escalation.overdue-interval must be a positive period");
        }
        if (interviewDaysAfter <= 0) {
            throw new IllegalArgumentException("rectiflow.escalation.interview-days-after must be positive");
        }
    }

    /** The configured ladder: the value every deadline rule of a measure asks. */
    public Ladder ladder() {
        return new Ladder(greenDaysBefore, amberDaysBefore, overdueInterval, interviewDaysAfter);
    }
}
