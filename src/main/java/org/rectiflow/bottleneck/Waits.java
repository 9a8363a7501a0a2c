package org.rectiflow.bottleneck;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.rectiflow.common.deadline.Light;

/** How the plugin words a duration and a light. */
final class Waits {

    static final String NOTHING_WAITS = "无待办";

    private Waits() {
    }

    /**
     * A duration as the office reads it, rounded down: 不足1小时, 5小时, 2.5天 (tenths under ten days), 12天.
     * Null for null.
     */
    static String text(Long seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 3600) {
            return "不足1小时";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "小时";
        }
        if (seconds < 10 * 86_400) {
            BigDecimal days = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 1, RoundingMode.DOWN);
            return days.stripTrailingZeros().toPlainString() + "天";
        }
        return seconds / 86_400 + "天";
    }

    /** The light of a group of open items ({@link Light#worstOf}); none (null) when nothing is open. */
    static Light light(long open, long overdue, long amber) {
        return open == 0 ? null : Light.worstOf(overdue, amber);
    }

    static String name(Light light) {
        return light == null ? "NONE" : light.name();
    }

    static String label(Light light) {
        return light == null ? NOTHING_WAITS : light.label();
    }
}
