package org.rectiflow.clue;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of clue handling, from {@code rectiflow.clue.*}.
 *
 * @param verificationPeriod         how long a preliminary verification may take (3 months)
 * @param reminderDaysBefore         the discipline inspectors are reminded this many days before
 * @param overdueInterval            once overdue, the leading group is told now and then every this often
 */
@ConfigurationProperties("rectiflow.clue")
public record ClueProperties(Period verificationPeriod, int reminderDaysBefore, Period overdueInterval) {

    public ClueProperties {
        if (verificationPeriod == null || verificationPeriod.isZero() || verificationPeriod.isNegative()) {
            throw new IllegalArgumentException("rectiflow.clue.verification-period must be a positive period");
        }
        if (reminderDaysBefore < 0) {
            throw new IllegalArgumentException("rectiflow.clue.reminder-days-before must be 0 or more");
        }
        if (overdueInterval == null || overdueInterval.isZero() || overdueInterval.isNegative()) {
            throw new IllegalArgumentException("rectiflow.clue.overdue-interval must be a positive period");
        }
    }
}
