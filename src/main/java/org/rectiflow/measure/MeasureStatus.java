package org.rectiflow.measure;

import java.util.Set;

/** Where a measure stands in the ledger. */
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

    public static final Set<MeasureStatus> CLOSED = Set.of(SIGNED_OFF, NORMAL_MANAGEMENT);

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
}
