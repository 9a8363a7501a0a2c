package org.rectiflow.plan;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plan's comment rounds, from {@code rectiflow.plan.*}.
 *
 * @param commentRounds      how many times the plan goes out for comment (at least 1; the seed: 3)
 * @param commentPeriod      each round's deadline after it opens
 * @param reminderDaysBefore reviewers who have not answered are reminded this many days before it
 */
@ConfigurationProperties("rectiflow.plan")
public record PlanProperties(int commentRounds, Period commentPeriod, int reminderDaysBefore) {

    public PlanProperties {
        if (commentRounds < 1) {
            throw new IllegalArgumentException("rectiflow.plan.comment-rounds must be at least 1, not " + commentRounds);
        }
        if (commentPeriod == null || commentPeriod.isZero() || commentPeriod.isNegative()) {
            throw new IllegalArgumentException("rectiflow.plan.comment-period must be a positive period");
        }
        if (reminderDaysBefore < 0) {
            throw new IllegalArgumentException("rectiflow.plan.reminder-days-before must be 0 or more");
        }
    }
}
