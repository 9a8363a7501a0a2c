package org.rectiflow.measure;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a measure stands in the ledger, and where it may go from there. The table of {@link #canBecome} is the
 * one statement of the measure's life: {@link Measure}'s transitions check it, so a diagram the process owner
 * rewires cannot move a measure along a path the ledger does not know.
 *
 * <ul>
 *   <li>REGISTERED → IN_PROGRESS: the unit's work starts;</li>
 *   <li>IN_PROGRESS, REWORK → REPORTED: the unit reports;</li>
 *   <li>REPORTED → REVIEWED: the key group's lead unit approves;</li>
 *   <li>REPORTED, REVIEWED → REWORK: rejected at review or at sign-off;</li>
 *   <li>REPORTED, REVIEWED → SIGNED_OFF or NORMAL_MANAGEMENT: signed off, or handed over (from REPORTED when a
 *       diagram has no separate review);</li>
 *   <li>SIGNED_OFF, NORMAL_MANAGEMENT → IN_PROGRESS: the look-back found a relapse and reopens the measure.</li>
 * </ul>
 */
public enum MeasureStatus {
    /** In the ledger, its execution not started yet. */
    REGISTERED("待启动"),
    /** The unit is working on it. */
    IN_PROGRESS("整改中"),
    /** The unit reported it done (or to be continued); the key group's lead unit reviews. */
    REPORTED("待审核"),
    /** The lead unit approved; the supervision group signs off. */
    REVIEWED("待销号"),
    /** Rejected at review or sign-off; back with the unit. */
    REWORK("返工中"),
    /** 销号: closed after review. */
    SIGNED_OFF("已销号"),
    /** 转常态: a long-term measure handed to normal management. */
    NORMAL_MANAGEMENT("转常态");

    /** The statuses in which a measure is closed: the ledger is cleared (清零) when every measure is in one. */
    public static final Set<MeasureStatus> CLOSED = Set.of(SIGNED_OFF, NORMAL_MANAGEMENT);

    /** The statuses in which the unit's work is open: every status but the closed ones. */
    public static final Set<MeasureStatus> OPEN = Set.copyOf(EnumSet.complementOf(EnumSet.copyOf(CLOSED)));

    private final String label;

    MeasureStatus(String label) {
        this.label = label;
    }

    /** The status as the ledger's readers call it. */
    public String label() {
        return label;
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    public boolean isOpen() {
        return !isClosed();
    }

    /** Whether a measure in this status may move to {@code next} (the table in the class comment). */
    public boolean canBecome(MeasureStatus next) {
        return switch (this) {
            case REGISTERED -> next == IN_PROGRESS;
            case IN_PROGRESS, REWORK -> next == REPORTED;
            case REPORTED -> next == REVIEWED || next == REWORK || next.isClosed();
            case REVIEWED -> next == REWORK || next.isClosed();
            case SIGNED_OFF, NORMAL_MANAGEMENT -> next == IN_PROGRESS;
        };
    }
}
