package org.rectiflow.identity;

/**
 * What the organisation asks of a unit's work before it retires or merges the unit: its open measures, and moving
 * them (and the reviews of the key groups it leads) to another unit. Answered by the measures
 * (measure/MeasureTransfer), which depend on the organisation, not the other way round.
 */
public interface UnitWork {

    /** The unit's measures not closed yet, in every round. */
    int openMeasures(String unitCode);

    /** Transfers (转办) every open measure of a unit to another, for the reason given, their tasks with them. */
    void transferOpenMeasures(String fromUnit, String toUnit, String reason);

    /**
     * After the key groups a unit led were given another lead unit: the open measures of those groups that the old
     * unit was to review go to the new one (their review task, if open, included).
     */
    void moveLeadUnit(String fromUnit, String toUnit);
}
