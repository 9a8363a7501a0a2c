package org.rectiflow.common.deadline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures published reports print, and how a set of measures stands, defined once: the bulletin's totals and
 * lines, the round summary, the dashboard and the ledger workbook count with this, so that "closed", "overdue",
 * "rectified" and the completion rate mean the same everywhere (docs/processes.md, "The figures").
 *
 * <ul>
 *   <li>problems fed back ({@code problems.total}): the problems with a measure in the set;</li>
 *   <li>measures ({@code measures.total}); rectified (已完成整改), basically done and continuing (基本完成、持续推进),
 *       not done (未完成), in progress (正在推进): each measure by its {@link Outcome}, each problem by
 *       {@link Outcome#ofProblem} of its measures in the set (for a unit's line: the unit's own measures of it);</li>
 *   <li>the completion rate: {@link Counts#completionRatePercent()} of the measures, (rectified + basically done)
 *       / measures, in percent to two decimals;</li>
 *   <li>closed, overdue, amber: from the measures' {@linkplain Ladder#light lights}.</li>
 * </ul>
 *
 * @param problems the problems fed back, by outcome
 * @param measures the measures, by outcome
 * @param closed   the CLOSED ones (signed off or handed to normal management)
 * @param overdue  the RED ones: open and past their deadline
 * @param amber    the AMBER ones: open, their amber date come, their deadline not passed
 */
public record Outcomes(Counts problems, Counts measures, int closed, int overdue, int amber) {

    public static final Outcomes NONE = new Outcomes(Counts.NONE, Counts.NONE, 0, 0, 0);

    /**
     * One measure as the figures count it: the problem it answers (any key that tells problems apart), its light on
     * the day counted, and its outcome.
     */
    public record Counted(Object problem, Light light, Outcome outcome) {
    }

    /**
     * How many there are, and of them how many are rectified, basically done and continuing, not done; the rest
     * are in progress.
     */
    public record Counts(int total, int rectified, int basicallyDone, int notDone) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public static Counts of(Collection<Outcome> outcomes) {
            int rectified = 0;
            int basicallyDone = 0;
            int notDone = 0;
            for (Outcome outcome : outcomes) {
                switch (outcome) {
                    case RECTIFIED -> rectified++;
                    case BASICALLY_DONE -> basicallyDone++;
                    case NOT_DONE -> notDone++;
                    case IN_PROGRESS -> { }
                }
            }
            return new Counts(outcomes.size(), rectified, basicallyDone, notDone);
        }

        /** Neither done nor reported not done: 正在推进. */
        public int inProgress() {
            return total - rectified - basicallyDone - notDone;
        }

        /** Rectified plus basically done and continuing: what the completion rate counts as completed. */
        public int completed() {
            return rectified + basicallyDone;
        }

        /**
         * The completion rate: (rectified + basically done) / total, in percent, to two decimals rounded half up,
         * as published reports print it ("87.50"); "0.00" when there is none.
         */
        public String completionRatePercent() {
            return percent(completed(), total);
        }
    }

    /** The figures of these measures. */
    public static Outcomes of(Collection<Counted> measures) {
        Map<Object, List<Outcome>> byProblem = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(measures.size());
        int closed = 0;
        int overdue = 0;
        int amber = 0;
        for (Counted m : measures) {
            outcomes.add(m.outcome());
            byProblem.computeIfAbsent(m.problem(), p -> new ArrayList<>()).add(m.outcome());
            closed += m.light() == Light.CLOSED ? 1 : 0;
            overdue += m.light() == Light.RED ? 1 : 0;
            amber += m.light() == Light.AMBER ? 1 : 0;
        }
        Counts problems = Counts.of(byProblem.values().stream().map(Outcome::ofProblem).toList());
        return new Outcomes(problems, Counts.of(outcomes), closed, overdue, amber);
    }

    /** All measures. */
    public int total() {
        return measures.total();
    }

    /** Measures not closed. */
    public int open() {
        return total() - closed;
    }

    /**
     * The completion rate as a fraction rounded to three decimals (the summary's {@code completionRate}, kept for
     * its readers): (rectified + basically done) / measures, 0 when there is no measure. Reports print
     * {@link #completionRatePercent()}.
     */
    public double completionRate() {
        return total() == 0 ? 0 : Math.round(1000.0 * measures.completed() / total()) / 1000.0;
    }

    /** The completion rate as reports print it: (rectified + basically done) / measures, in percent, "87.50". */
    public String completionRatePercent() {
        return measures.completionRatePercent();
    }

    /** The light of a line: the worst of its open measures' (GREEN when none is open). */
    public Light light() {
        return Light.worstOf(overdue, amber);
    }

    /** {@code part} over {@code whole} in percent to two decimals rounded half up; "0.00" for a whole of 0. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
