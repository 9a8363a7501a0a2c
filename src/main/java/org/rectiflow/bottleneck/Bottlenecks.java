package org.rectiflow.bottleneck;

import java.util.List;

/**
 * The answers of {@code /api/bottlenecks}, as Cockpit's plugin shows them: every text Chinese, every date in the
 * office's zone, a duration both as text ({@code 2.5天}) and in seconds; a figure with nothing to measure is null.
 */
public final class Bottlenecks {

    private Bottlenecks() {
    }

    /**
     * A process definition's figures, over every version of its key. The units and key groups are the ranking's
     * first {@link BottleneckService#RANKED} (those that need attention most); {@code unitCount} and
     * {@code keyGroupCount} say how many there are in all.
     */
    public record DefinitionView(String processDefinitionId, String processKey, String processName, String asOf,
                                 String scope, List<ActivityView> activities, List<GroupView> units, int unitCount,
                                 List<GroupView> keyGroups, int keyGroupCount) {
    }

    /**
     * One user task or call activity: what waits there now (how many, the median and 90th percentile of how long
     * they have waited, how many are overdue or amber) and what finished there (how many, how long they took).
     */
    public record ActivityView(String activityId, String name, String type, long waiting, String waitMedian,
                               String waitP90, Long waitMedianSeconds, Long waitP90Seconds, long finished,
                               String durationMedian, String durationP90, Long durationMedianSeconds,
                               Long durationP90Seconds, long overdue, long amber, String light,
                               String lightLabel) {
    }

    /**
     * A unit or a key group: its open measures (overdue, amber), the reworks its measures had, the median time of
     * each step (report, review, sign-off; every pass of a rework loop counted), and the Cockpit filter that lists
     * its instances.
     */
    public record GroupView(String code, String name, String leadUnitName, long open, long overdue, long amber,
                            long reworks, String light, String lightLabel, List<StepView> steps, Filter filter) {
    }

    /** One step of a measure for a unit or key group: how many finished, their median duration. */
    public record StepView(String activityId, String name, long finished, String median, Long medianSeconds) {
    }

    /** The process variable (and its value) Cockpit's instance list filters by. */
    public record Filter(String variable, String value) {
    }

    /** One process instance: what waits in it now, and the open measures under it (a round's, or its own). */
    public record InstanceView(String processInstanceId, String processKey, String processName, String asOf,
                               String scope, List<OpenActivityView> activities, List<MeasureView> measures) {
    }

    /** An activity of one instance where something waits now: how many, since when (the earliest), lights. */
    public record OpenActivityView(String activityId, String name, String type, long waiting, String since,
                                   String waited, Long waitedSeconds, long overdue, long amber, String light,
                                   String lightLabel) {
    }

    /** An open measure: where it waits, since when, its deadline and light. */
    public record MeasureView(String code, String content, String unitCode, String unitName, String keyGroupName,
                              String processInstanceId, String activityId, String activityName, String since,
                              String waited, Long waitedSeconds, String deadline, String light,
                              String lightLabel) {
    }
}
