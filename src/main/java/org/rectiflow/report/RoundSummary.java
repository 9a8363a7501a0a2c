package org.rectiflow.report;

import java.util.List;
import java.util.Map;

import org.rectiflow.common.deadline.Outcomes;

/**
 * The figures of a round that the report and the dashboard use. The outcome figures (problems fed back,
 * rectified, basically done and continuing, not done, the completion rate) are defined once, in {@link Outcomes};
 * docs/processes.md says what each divides by what.
 *
 * @param problems  the problems fed back (with a measure in the scope), by outcome
 * @param units     one line per responsible unit (a unit's own user sees only its unit's)
 * @param keyGroups one line per key group (empty for a unit's user)
 * @param clues     the clue figures (null for a unit's user)
 * @param mechanisms the mechanisms (制度机制) recorded in the ledger for the units counted
 */
public record RoundSummary(String code, String title, String status, Measures measures, List<Scope> units,
                           List<Scope> keyGroups, Map<String, Long> noticesByStep, Clues clues,
                           List<BurnDown> burnDown, Figures problems, long mechanisms) {

    /** How many measures were open at the end of a day (a day on which one closed, and today). */
    public record BurnDown(String date, long open) {
    }

    /**
     * The round's measures.
     *
     * @param closed                signed off or handed to normal management
     * @param completionRate        (rectified + basically done) / total as a fraction to three decimals (kept for
     *                              its readers; the same ratio as {@code completionRatePercent})
     * @param completionRatePercent (rectified + basically done) / total in percent to two decimals, "87.50"
     */
    public record Measures(long total, long closed, double completionRate, long overdue, Map<String, Long> byStatus,
                           long rectified, long basicallyDone, long notDone, long inProgress,
                           String completionRatePercent) {
    }

    /**
     * Problems or measures by outcome: 已完成整改, 基本完成、持续推进, 未完成, 正在推进, and (rectified + basically
     * done) / total in percent to two decimals.
     */
    public record Figures(long total, long rectified, long basicallyDone, long notDone, long inProgress,
                          String completionRatePercent) {

        static Figures of(Outcomes.Counts counts) {
            return new Figures(counts.total(), counts.rectified(), counts.basicallyDone(), counts.notDone(),
                counts.inProgress(), counts.completionRatePercent());
        }
    }

    /**
     * A unit's or a key group's measures and their light (RED overdue, AMBER due soon, GREEN), with its figures:
     * its measures by outcome ({@code rectified} … {@code completionRatePercent}) and its problems (for a unit: the
     * problems it has a measure of, each by the outcome of its own measures of it), and its mechanisms (制度机制:
     * a unit's those it recorded, a key group's those answering a measure of one of its problems).
     */
    public record Scope(String code, String name, int total, int closed, int open, int overdue, String colour,
                        int rectified, int basicallyDone, int notDone, int inProgress, String completionRatePercent,
                        Figures problems, long mechanisms) {
    }

    /** Part 三 of the report: the transferred clues and what became of them. */
    public record Clues(long petitions, long petitionDuplicates, Map<String, Long> triage, long substantiated,
                        Map<String, Long> accountability, long persons, long lawRelated, long lawRelatedDuplicates,
                        Map<String, Long> lawOutcomes) {
    }
}
