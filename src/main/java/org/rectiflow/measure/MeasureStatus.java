package org.rectiflow.measure;

import java.util.Set;

/** Where a measure stands in the ledger. */
public enum MeasureStatus {
    /** In the ledger, its execution not started yet. */
    REGISTERED,
    /** The unit is working on it. */
    IN_PROGRESS,
    /** The unit reported it done (or to be continued); the key group's lead unit reviews. */
    REPORTED,
    /** The lead unit approved; the supervision group signs off. */
    REVIEWED,
    /** Rejected at review or sign-off; back with the unit. */
    REWORK,
    /** 销号: closed after review. */
    SIGNED_OFF,
    /** 转常态: a long-term measure handed to normal management. */
    NORMAL_MANAGEMENT;

    public static final Set<MeasureStatus> CLOSED = Set.of(SIGNED_OFF, NORMAL_MANAGEMENT);

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
