package org.rectiflow.lookback;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 回头看, from {@code rectiflow.look-back.*}.
 *
 * @param after        how long after the centralised period the look-back comes
 * @param share        the share of each unit's signed-off measures checked, 0 &lt; share &lt;= 1; at least one per unit
 * @param reopenPeriod a relapsed measure's new deadline, from the day it is reopened
 */
@ConfigurationProperties("rectiflow.look-back")
public record LookBackProperties(Period after, double share, Period reopenPeriod) {

    public LookBackProperties {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("rectiflow.look-back.share must lie in (0, 1], not " + share);
        }
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("rectiflow.look-back.after must be a period of 0 or more");
        }
        if (reopenPeriod == null || reopenPeriod.isZero() || reopenPeriod.isNegative()) {
            throw new IllegalArgumentException("rectiflow.look-back.reopen-period must be a positive period");
        }
    }
}
