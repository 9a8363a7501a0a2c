package org.rectiflow.report;

import java.util.List;
import java.util.Map;

/**
 * The figures of a round that the report and the dashboard use.
 *
 * @param units     one line per responsible unit (a unit's own user sees only its unit's)
 * @param keyGroups one line per key group (empty for a unit's user)
 * @param clues     the clue figures (null for a unit's user)
 */
public record RoundSummary(String code, String title, String status, Measures measures, List<Scope> units,
                           List<Scope> keyGroups, Map<String, Long> noticesByStep, Clues clues,
                           List<BurnDown> burnDown) {

    /** How many measures were open at the end of a day (a day on which one closed, and today). */
    public record BurnDown(String date, long open) {
    }

    public record Measures(long total, long closed, double completionRate, long overdue, Map<String, Long> byStatus) {
    }

    /** A unit's or a key group's measures and their light (RED overdue, AMBER due soon, GREEN). */
    public record Scope(String code, String name, int total, int closed, int open, int overdue, String colour) {
    }

    /** Part 三 of the report: the transferred clues and what became of them. */
    public record Clues(long petitions, long petitionDuplicates, Map<String, Long> triage, long substantiated,
                        Map<String, Long> accountability, long persons, long lawRelated, long lawRelatedDuplicates,
                        Map<String, Long> lawOutcomes) {
    }
}
