package org.rectiflow.identity;

/**
 * What the organisation asks of a unit's work before it retires the unit: its open measures. Answered by the
 * measures (measure/MeasureTransfer), which depend on the organisation, not the other way round.
 */
public interface UnitWork {

    /** The unit's measures not closed yet, in every round. */
    int openMeasures(String unitCode);
}
