package org.rectiflow.measure;

/**
 * What a transfer (转办) asks of a round before a measure starts: whether the round's units are drafting and
 * reviewing their implementation plans now (各单位整改, the per-unit stage of inspection-round.bpmn). Each unit's
 * stage started with the units and the measures the ledger held then, and starts its measures from the ledger
 * when its plan is approved. Answered by the rounds ({@code inspection/RoundUnitPlanStage}), which depend on the
 * measures, not the other way round.
 */
public interface UnitPlanStage {

    /** Whether the round's per-unit stage (implementation plans, then measures) is running. */
    boolean underway(String roundCode);
}
