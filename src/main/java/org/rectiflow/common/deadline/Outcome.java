package org.rectiflow.common.deadline;

import java.util.Collection;

/**
 * What became of a measure, and from its measures of a problem, as published reports count it: beside the
 * workflow's own statuses (a measure's {@code MeasureStatus}), the word a report prints. A measure's outcome is
 * owned by {@code measure.Measure} and stored in the ledger; a problem's is {@link #ofProblem} of its measures'.
 */
public enum Outcome {
    /** 已完成整改: signed off as done (销号). */
    RECTIFIED("已完成整改"),
    /**
     * 基本完成、持续推进: done in substance with work continuing, and the reviewers accepted that; for a measure,
     * the 长期坚持 → 转常态 path (docs/adr/0013).
     */
    BASICALLY_DONE("基本完成、持续推进"),
    /** 未完成: the unit reported it not done, with the reason and a new planned date. */
    NOT_DONE("未完成"),
    /** 正在推进: none of the above yet (in the unit's hands, or waiting for review or sign-off). */
    IN_PROGRESS("正在推进");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a report counts it as completed: rectified, or basically done and continuing. */
    public boolean isCompleted() {
        return this == RECTIFIED || this == BASICALLY_DONE;
    }

    /**
     * A problem's outcome from its measures' (the one rule): any measure 未完成 → 未完成; else every measure
     * rectified → 已完成整改; else every measure rectified or basically done (at least one basically done) →
     * 基本完成、持续推进; else (some measure still in progress, or no measure at all) → 正在推进.
     */
    public static Outcome ofProblem(Collection<Outcome> measures) {
        if (measures.contains(NOT_DONE)) {
            return NOT_DONE;
        }
        if (measures.isEmpty() || !measures.stream().allMatch(Outcome::isCompleted)) {
            return IN_PROGRESS;
        }
        return measures.contains(BASICALLY_DONE) ? BASICALLY_DONE : RECTIFIED;
    }
}
