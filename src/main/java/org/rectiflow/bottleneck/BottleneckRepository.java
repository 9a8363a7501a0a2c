package org.rectiflow.bottleneck;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bottleneck figures' SQL: what waits now from the engine's runtime tasks (ACT_RU_TASK) and running call
 * activities (ACT_HI_ACTINST), joined to the ledger's measures by process instance
 * ({@code idx_measure_process_instance}); what finished from the ledger's histogram of finished steps
 * ({@code step_duration}, {@link StepDurations}), which the engine's history fills as steps finish; the units' and key
 * groups' open measures from the ledger's tally ({@code measure_tally}, {@code measure/MeasureTally}). Percentiles are
 * nearest-rank ({@code PERCENTILE_DISC} on H2 and PostgreSQL, {@link StepDurations#percentile} on the histogram):
 * the median of 1, 2, 3 and 4 days is 2 days. A waiting time is measured from the task's creation; its percentiles
 * are taken over the creation times, latest first, so that they come out as the waits' own.
 *
 * <p>A task of a measure's instance is overdue or amber by the measure's deadline (the ledger's); any other task by
 * its due date, read as a day in the office's zone. {@link Deadlines} carries the days that rule needs.
 */
@Repository
public class BottleneckRepository {

    private static final List<String> OPEN_STATUSES = MeasureStatus.OPEN.stream().map(Enum::name).sorted().toList();

    /**
     * The days the light rule needs, for SQL: before {@code today} a deadline is overdue, up to {@code amberLast}
     * amber; a due date (an instant) before {@code todayStart} is overdue, before {@code amberEnd} amber.
     */
    public record Deadlines(LocalDate today, LocalDate amberLast, Timestamp todayStart, Timestamp amberEnd) {
    }

    /**
     * Whose instances count: every one, or only the measures of these groups' units and of the key groups they
     * lead (the readers {@code AccessPolicy.measureReaders} grants a measure's instance to).
     */
    public record Readers(boolean all, Collection<String> groups) {

        public static Readers everyone() {
            return new Readers(true, List.of());
        }
    }

    /** A process definition as the repository keeps it. */
    public record Definition(String id, String key, String name) {
    }

    /** A process instance, running or finished. */
    public record Instance(String id, String definitionId, String definitionKey) {
    }

    /** What waits now at one activity: how many, since when (median and 90th percentile of the waits), lights. */
    public record Open(String activityId, long waiting, Timestamp medianSince, Timestamp p90Since, long overdue,
                       long amber) {
    }

    /** What finished at one activity: how many, median and 90th percentile of their durations in seconds. */
    public record Finished(String activityId, long finished, Long medianSeconds, Long p90Seconds) {
    }

    /** A unit's or a key group's open measures in the ledger. */
    public record GroupLedger(String code, String name, String leadUnitCode, String leadUnitName, long open,
                              long overdue, long amber, long reworks) {
    }

    /** One step's finished tasks of a unit or a key group: how many, and their median duration in seconds. */
    public record GroupStep(String code, String activityId, long finished, Long medianSeconds) {
    }

    /** An open measure and, when one waits, one of its open tasks. */
    public record OpenMeasure(String code, String content, String unitCode, String unitName, String keyGroupName,
                              String processInstanceId, LocalDate deadline, String activityId, String activityName,
                              Timestamp since) {
    }

    /** One measure's readers: its unit and its key group's lead unit. */
    public record MeasureReaders(String code, String unitCode, String leadUnitCode) {
    }

    /** A row of {@link Open}: activity, count, median and 90th-percentile start, overdue, amber. */
    private static final RowMapper<Open> OPEN = (rs, n) -> new Open(rs.getString(1), rs.getLong(2),
        rs.getTimestamp(3), rs.getTimestamp(4), rs.getLong(5), rs.getLong(6));

    private final JdbcClient jdbc;

    public BottleneckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Definition> definition(String id) {
        return jdbc.sql("SELECT ID_, KEY_, NAME_ FROM ACT_RE_PROCDEF WHERE ID_ = ?").param(id)
            .query((rs, n) -> new Definition(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    public Optional<Instance> instance(String id) {
        return jdbc.sql("SELECT ID_, PROC_DEF_ID_, PROC_DEF_KEY_ FROM ACT_HI_PROCINST WHERE ID_ = ?").param(id)
            .query((rs, n) -> new Instance(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    // ---- a process definition (every version of its key)

    /** How long the open tasks of every version of a definition key have waited, per task definition. */
    public record OpenWaits(String activityId, long waiting, Timestamp medianSince, Timestamp p90Since) {
    }

    /** How many open tasks of a definition key are overdue or amber, per task definition. */
    public record OpenLights(String activityId, long overdue, long amber) {
    }

    /**
     * The waits of the open tasks (the median and 90th percentile of their creation times). Only the tasks and their
     * times are sorted; the lights are counted apart, without a sort ({@link #openTaskLights}): at 100,000 tasks
     * PostgreSQL sorts this one in memory, the two together it wrote to disk.
     */
    public List<OpenWaits> openTaskWaits(String key, Readers readers) {
        return jdbc.sql("""
                SELECT t.TASK_DEF_KEY_, COUNT(*),
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.CREATE_TIME_ DESC),
                       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY t.CREATE_TIME_ DESC)
                FROM ACT_RU_TASK t
                """ + (readers.all() ? "" : "LEFT JOIN measure m ON m.process_instance_id = t.PROC_INST_ID_\n") + """
                WHERE t.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = :key)
                """ + readable(readers) + """
                GROUP BY t.TASK_DEF_KEY_""")
            .param("key", key).params(readerParams(readers))
            .query((rs, n) -> new OpenWaits(rs.getString(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4)))
            .list();
    }

    /** How many of the open tasks are overdue and amber, by their measure's deadline or else their due date. */
    public List<OpenLights> openTaskLights(String key, Deadlines d, Readers readers) {
        return jdbc.sql("""
                SELECT t.TASK_DEF_KEY_,
                """ + lights("t.DUE_DATE_") + """
                FROM ACT_RU_TASK t
                LEFT JOIN measure m ON m.process_instance_id = t.PROC_INST_ID_
                WHERE t.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = :key)
                """ + readable(readers) + """
                GROUP BY t.TASK_DEF_KEY_""")
            .params(deadlineParams(d)).param("key", key).params(readerParams(readers))
            .query((rs, n) -> new OpenLights(rs.getString(1), rs.getLong(2), rs.getLong(3)))
            .list();
    }

    /**
     * The finished steps (completed tasks, ended call activities) of every version of a definition key, per step:
     * how many, their median and 90th percentile, from the ledger's histogram ({@code step_duration}).
     */
    public List<Finished> finishedSteps(String key, Readers readers) {
        List<HistogramRow> rows = jdbc.sql("""
                SELECT d.activity_id, d.bucket_seconds, SUM(d.finished)
                FROM step_duration d
                WHERE d.process_key = :key
                """ + readableSteps(readers) + """
                GROUP BY d.activity_id, d.bucket_seconds
                ORDER BY d.activity_id, d.bucket_seconds""")
            .param("key", key).params(readerParams(readers))
            .query((rs, n) -> new HistogramRow(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3)))
            .list();
        List<Finished> finished = new ArrayList<>();
        histograms(rows).forEach((group, histogram) -> finished.add(new Finished(group.activityId(),
            StepDurations.count(histogram), StepDurations.percentile(histogram, 0.5),
            StepDurations.percentile(histogram, 0.9))));
        return finished;
    }

    /** The running call activities of every version of a definition key (each called instance waits there). */
    public List<Open> openCalls(String key, Deadlines d) {
        return jdbc.sql("""
                SELECT a.ACT_ID_, COUNT(*),
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY a.START_TIME_ DESC),
                       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY a.START_TIME_ DESC),
                """ + lights("CAST(NULL AS TIMESTAMP)") + """
                FROM ACT_HI_ACTINST a
                LEFT JOIN measure m ON m.process_instance_id = a.CALL_PROC_INST_ID_
                WHERE a.PROC_DEF_KEY_ = :key AND a.ACT_TYPE_ = 'callActivity' AND a.END_TIME_ IS NULL
                GROUP BY a.ACT_ID_""")
            .params(deadlineParams(d)).param("key", key)
            .query(OPEN)
            .list();
    }

    // ---- units and key groups (the measures' instances)

    /** The units' and the key groups' figures of the ledger, from one pass over the measures. */
    public record Ledgers(List<GroupLedger> units, List<GroupLedger> keyGroups) {
    }

    private record Counts(long open, long overdue, long amber, long reworks) {

        Counts plus(Counts other) {
            return new Counts(open + other.open, overdue + other.overdue, amber + other.amber,
                reworks + other.reworks);
        }
    }

    private record KeyGroup(String code, String name, String leadUnitCode, String leadUnitName) {
    }

    /**
     * Each unit's and each key group's measures that have an instance: open, overdue and amber ones, and the
     * reworks they had. From the ledger's tally ({@code measure_tally}: per unit, key group and deadline, a few
     * thousand rows at 100,000 measures), summed twice here, then the names (a few hundred rows).
     */
    public Ledgers groupLedgers(Deadlines d, Readers readers) {
        Map<String, Counts> byUnit = new LinkedHashMap<>();
        Map<String, Counts> byKeyGroup = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.unit_code, d.key_group_code, SUM(d.measures), SUM(d.open_measures),
                       SUM(CASE WHEN d.deadline < :today THEN d.open_measures ELSE 0 END),
                       SUM(CASE WHEN d.deadline >= :today AND d.deadline <= :amberLast THEN d.open_measures
                                ELSE 0 END),
                       SUM(d.reworks)
                FROM measure_tally d
                WHERE d.measures > 0
                """ + readableSteps(readers) + """
                GROUP BY d.unit_code, d.key_group_code""")
            .params(deadlineParams(d)).params(readerParams(readers))
            .query((RowCallbackHandler) rs -> {
                Counts counts = new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                byUnit.merge(rs.getString(1), counts, Counts::plus);
                byKeyGroup.merge(rs.getString(2), counts, Counts::plus);
            });
        if (byUnit.isEmpty()) {
            return new Ledgers(List.of(), List.of());
        }
        Map<String, String> unitNames = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM org_unit WHERE code IN (:codes)").param("codes", byUnit.keySet())
            .query((RowCallbackHandler) rs -> unitNames.put(rs.getString(1), rs.getString(2)));
        List<KeyGroup> keyGroups = jdbc.sql("""
                SELECT g.code, g.name, lu.code, lu.name
                FROM org_key_group g JOIN org_unit lu ON lu.code = g.lead_unit_code
                WHERE g.code IN (:codes)""").param("codes", byKeyGroup.keySet())
            .query((rs, n) -> new KeyGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
        List<GroupLedger> units = new ArrayList<>();
        byUnit.forEach((code, c) -> units.add(new GroupLedger(code, unitNames.getOrDefault(code, code), null, null,
            c.open(), c.overdue(), c.amber(), c.reworks())));
        List<GroupLedger> groups = new ArrayList<>();
        for (KeyGroup g : keyGroups) {
            Counts c = byKeyGroup.get(g.code());
            groups.add(new GroupLedger(g.code(), g.name(), g.leadUnitCode(), g.leadUnitName(), c.open(), c.overdue(),
                c.amber(), c.reworks()));
        }
        return new Ledgers(units, groups);
    }

    /** The finished steps of a measure, per unit: how many and their median (the ledger's histogram). */
    public List<GroupStep> unitSteps(String key, Collection<String> steps, Readers readers) {
        return groupSteps("d.unit_code", key, steps, readers);
    }

    /** The same per key group. */
    public List<GroupStep> keyGroupSteps(String key, Collection<String> steps, Readers readers) {
        return groupSteps("d.key_group_code", key, steps, readers);
    }

    private List<GroupStep> groupSteps(String group, String key, Collection<String> steps, Readers readers) {
        List<HistogramRow> rows = jdbc.sql("SELECT " + group + ", d.activity_id, d.bucket_seconds, SUM(d.finished)"
                + " FROM step_duration d WHERE d.process_key = :key AND d.activity_id IN (:steps)"
                + " AND " + group + " <> '' " + readableSteps(readers)
                + " GROUP BY " + group + ", d.activity_id, d.bucket_seconds"
                + " ORDER BY " + group + ", d.activity_id, d.bucket_seconds")
            .param("key", key).param("steps", steps).params(readerParams(readers))
            .query((rs, n) -> new HistogramRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
            .list();
        List<GroupStep> groupSteps = new ArrayList<>();
        histograms(rows).forEach((g, histogram) -> groupSteps.add(new GroupStep(g.group(), g.activityId(),
            StepDurations.count(histogram), StepDurations.percentile(histogram, 0.5))));
        return groupSteps;
    }

    /** One row of the histogram: a group (a step, a unit or a key group), its step, a class and its count. */
    private record HistogramRow(String group, String activityId, long bucketSeconds, long finished) {
    }

    private record HistogramKey(String group, String activityId) {
    }

    /** The rows (ordered by group, step and class) as one ascending histogram per group and step. */
    private static Map<HistogramKey, List<StepDurations.Bucket>> histograms(List<HistogramRow> rows) {
        Map<HistogramKey, List<StepDurations.Bucket>> histograms = new LinkedHashMap<>();
        for (HistogramRow row : rows) {
            histograms.computeIfAbsent(new HistogramKey(row.group(), row.activityId()), k -> new ArrayList<>())
                .add(new StepDurations.Bucket(row.bucketSeconds(), row.finished()));
        }
        return histograms;
    }

    // ---- one process instance

    /** The open tasks of one instance, per task definition (a measure's light when the instance is a measure's). */
    public List<Open> openTasksOf(String processInstanceId, Deadlines d) {
        return jdbc.sql("""
                SELECT t.TASK_DEF_KEY_, COUNT(*), MIN(t.CREATE_TIME_), MIN(t.CREATE_TIME_),
                """ + lights("t.DUE_DATE_") + """
                FROM ACT_RU_TASK t
                LEFT JOIN measure m ON m.process_instance_id = t.PROC_INST_ID_
                WHERE t.PROC_INST_ID_ = :instance
                GROUP BY t.TASK_DEF_KEY_""")
            .params(deadlineParams(d)).param("instance", processInstanceId)
            .query(OPEN)
            .list();
    }

    /** The running call activities of one instance, per activity (the called measures' lights). */
    public List<Open> openCallsOf(String processInstanceId, Deadlines d) {
        return jdbc.sql("""
                SELECT a.ACT_ID_, COUNT(*), MIN(a.START_TIME_), MIN(a.START_TIME_),
                """ + lights("CAST(NULL AS TIMESTAMP)") + """
                FROM ACT_HI_ACTINST a
                LEFT JOIN measure m ON m.process_instance_id = a.CALL_PROC_INST_ID_
                WHERE a.PROC_INST_ID_ = :instance AND a.ACT_TYPE_ = 'callActivity' AND a.END_TIME_ IS NULL
                GROUP BY a.ACT_ID_""")
            .params(deadlineParams(d)).param("instance", processInstanceId)
            .query(OPEN)
            .list();
    }

    /** The round whose instance this is, if it is a round's. */
    public Optional<String> roundOf(String processInstanceId) {
        return jdbc.sql("SELECT code FROM inspection_round WHERE process_instance_id = ?").param(processInstanceId)
            .query(String.class).optional();
    }

    /** The measure whose instance this is, with its readers. */
    public Optional<MeasureReaders> measureOf(String processInstanceId) {
        return jdbc.sql("""
                SELECT m.code, m.unit_code, g.lead_unit_code
                FROM measure m
                JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group g ON g.code = p.key_group_code
                WHERE m.process_instance_id = ?""").param(processInstanceId)
            .query((rs, n) -> new MeasureReaders(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** A round's open measures that have an instance, each with its open tasks (one row per task, or none). */
    public List<OpenMeasure> openMeasuresOfRound(String roundCode) {
        return openMeasures("m.round_code = :ref", roundCode);
    }

    /** The measure of this instance while it is open, with its open tasks. */
    public List<OpenMeasure> openMeasureOfInstance(String processInstanceId) {
        return openMeasures("m.process_instance_id = :ref", processInstanceId);
    }

    private List<OpenMeasure> openMeasures(String where, String ref) {
        return jdbc.sql("""
                SELECT m.code, m.content, u.code, u.name, g.name, m.process_instance_id, m.deadline,
                       t.TASK_DEF_KEY_, t.NAME_, t.CREATE_TIME_
                FROM measure m
                JOIN org_unit u ON u.code = m.unit_code
                JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group g ON g.code = p.key_group_code
                LEFT JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = m.process_instance_id
                WHERE m.process_instance_id IS NOT NULL AND m.status IN (:open) AND\s""" + where + """

                ORDER BY u.sort_order, m.code, t.CREATE_TIME_""")
            .param("open", OPEN_STATUSES).param("ref", ref)
            .query((rs, n) -> new OpenMeasure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10)))
            .list();
    }

    // ---- fragments

    /**
     * Two columns: how many are overdue and how many amber, by the measure's deadline when the row has a measure
     * ({@code m}), else by {@code dueDate} (an instant, or a typed NULL).
     */
    private static String lights(String dueDate) {
        return """
                SUM(CASE WHEN m.code IS NOT NULL AND m.deadline < :today THEN 1
                         WHEN m.code IS NULL AND %1$s < :todayStart THEN 1 ELSE 0 END),
                SUM(CASE WHEN m.code IS NOT NULL AND m.deadline >= :today AND m.deadline <= :amberLast THEN 1
                         WHEN m.code IS NULL AND %1$s >= :todayStart AND %1$s < :amberEnd THEN 1 ELSE 0 END)
                """.formatted(dueDate);
    }

    /** The readers' condition on {@code m} (a measure row): nothing for everyone, else their units' measures. */
    private static String readable(Readers readers) {
        if (readers.all()) {
            return "";
        }
        // The readers' measures first (a unit's by idx_measure_unit, a lead unit's by its key groups), then their
        // tasks: an OR of the two would make the database read every task and test each (docs/benchmarks.md).
        return """
                AND m.code IN (
                    SELECT rm.code FROM measure rm WHERE rm.unit_code IN (:groups)
                    UNION ALL
                    SELECT rm.code FROM measure rm JOIN problem rp ON rp.id = rm.problem_id
                    JOIN org_key_group rg ON rg.code = rp.key_group_code WHERE rg.lead_unit_code IN (:groups))
                """;
    }

    /**
     * The readers' condition on {@code d} (a row of the histogram or of the measures' tally, one unit and key
     * group): nothing for everyone, else the rows of their units and of the key groups their units lead (a step of
     * no measure is no one's).
     */
    private static String readableSteps(Readers readers) {
        if (readers.all()) {
            return "";
        }
        return """
                AND (d.unit_code IN (:groups)
                     OR d.key_group_code IN (SELECT rg.code FROM org_key_group rg WHERE rg.lead_unit_code IN (:groups)))
                """;
    }

    private static Map<String, Object> readerParams(Readers readers) {
        return readers.all() ? Map.of()
            : Map.of("groups", readers.groups().isEmpty() ? List.of("") : List.copyOf(readers.groups()));
    }

    private static Map<String, Object> deadlineParams(Deadlines d) {
        return Map.of("today", java.sql.Date.valueOf(d.today()), "amberLast",
            java.sql.Date.valueOf(d.amberLast()), "todayStart", d.todayStart(), "amberEnd", d.amberEnd());
    }
}
