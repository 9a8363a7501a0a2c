package org.rectiflow.bottleneck;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bottleneck figures' SQL: the engine's runtime tasks (ACT_RU_TASK), its history of tasks and activity instances
 * (ACT_HI_TASKINST, ACT_HI_ACTINST) and the ledger's measures, joined by process instance
 * ({@code idx_measure_process_instance}). Percentiles are nearest-rank ({@code PERCENTILE_DISC}, the same on H2 and
 * PostgreSQL): the median of 1, 2, 3 and 4 days is 2 days. A waiting time is measured from the task's creation; its
 * percentiles are taken over the creation times, latest first, so that they come out as the waits' own.
 *
 * <p>A task of a measure's instance is overdue or amber by the measure's deadline (the ledger's); any other task by
 * its due date, read as a day in the office's zone. {@link Deadlines} carries the days that rule needs.
 */
@Repository
public class BottleneckRepository {

    /** The task's state when it was completed (the engine's own delete reason for a completion). */
    private static final String COMPLETED = "completed";

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

    /** What finished at one activity: how many, median and 90th percentile of their durations in milliseconds. */
    public record Finished(String activityId, long finished, Long medianMillis, Long p90Millis) {
    }

    /** A unit's or a key group's open measures in the ledger. */
    public record GroupLedger(String code, String name, String leadUnitCode, String leadUnitName, long open,
                              long overdue, long amber, long reworks) {
    }

    /** One step's finished tasks of a unit or a key group: how many, and their median duration in milliseconds. */
    public record GroupStep(String code, String activityId, long finished, Long medianMillis) {
    }

    /** An open measure and, when one waits, one of its open tasks. */
    public record OpenMeasure(String code, String content, String unitCode, String unitName, String keyGroupName,
                              String processInstanceId, LocalDate deadline, String activityId, String activityName,
                              Timestamp since) {
    }

    /** One measure's readers: its unit and its key group's lead unit. */
    public record MeasureReaders(String code, String unitCode, String leadUnitCode) {
    }

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

    /** The open tasks of every version of a definition key, per task definition. */
    public List<Open> openTasks(String key, Deadlines d, Readers readers) {
        return jdbc.sql("""
                SELECT t.TASK_DEF_KEY_, COUNT(*),
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.CREATE_TIME_ DESC),
                       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY t.CREATE_TIME_ DESC),
                """ + lights("t.DUE_DATE_") + """
                FROM ACT_RU_TASK t
                LEFT JOIN measure m ON m.process_instance_id = t.PROC_INST_ID_
                WHERE t.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = :key)
                """ + readable(readers) + """
                GROUP BY t.TASK_DEF_KEY_""")
            .params(deadlineParams(d)).param("key", key).params(readerParams(readers))
            .query((rs, n) -> new Open(rs.getString(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
                rs.getLong(5), rs.getLong(6)))
            .list();
    }

    /** The completed tasks of every version of a definition key, per task definition. */
    public List<Finished> finishedTasks(String key, Readers readers) {
        return jdbc.sql("""
                SELECT h.TASK_DEF_KEY_, COUNT(*),
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY h.DURATION_),
                       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY h.DURATION_)
                FROM ACT_HI_TASKINST h
                """ + (readers.all() ? "" : "LEFT JOIN measure m ON m.process_instance_id = h.PROC_INST_ID_\n") + """
                WHERE h.PROC_DEF_KEY_ = :key AND h.END_TIME_ IS NOT NULL AND h.DELETE_REASON_ = :completed
                """ + readable(readers) + """
                GROUP BY h.TASK_DEF_KEY_""")
            .param("key", key).param("completed", COMPLETED).params(readerParams(readers))
            .query((rs, n) -> new Finished(rs.getString(1), rs.getLong(2), longOrNull(rs.getObject(3)),
                longOrNull(rs.getObject(4))))
            .list();
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
            .query((rs, n) -> new Open(rs.getString(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
                rs.getLong(5), rs.getLong(6)))
            .list();
    }

    /** The finished call activities of every version of a definition key. */
    public List<Finished> finishedCalls(String key) {
        return jdbc.sql("""
                SELECT a.ACT_ID_, COUNT(*),
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY a.DURATION_),
                       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY a.DURATION_)
                FROM ACT_HI_ACTINST a
                WHERE a.PROC_DEF_KEY_ = :key AND a.ACT_TYPE_ = 'callActivity' AND a.END_TIME_ IS NOT NULL
                GROUP BY a.ACT_ID_""")
            .param("key", key)
            .query((rs, n) -> new Finished(rs.getString(1), rs.getLong(2), longOrNull(rs.getObject(3)),
                longOrNull(rs.getObject(4))))
            .list();
    }

    // ---- units and key groups (the measures' instances)

    /** Each unit's measures that have an instance: open, overdue and amber ones, and the reworks they had. */
    public List<GroupLedger> unitLedger(Deadlines d, Readers readers) {
        return jdbc.sql("""
                SELECT u.code, u.name, CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(100)),
                """ + ledgerCounts() + """
                FROM measure m
                JOIN org_unit u ON u.code = m.unit_code
                WHERE m.process_instance_id IS NOT NULL
                """ + readable(readers) + """
                GROUP BY u.code, u.name""")
            .params(deadlineParams(d)).param("open", OPEN_STATUSES).params(readerParams(readers))
            .query((rs, n) -> new GroupLedger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
            .list();
    }

    /** The same per key group, with the key group's lead unit. */
    public List<GroupLedger> keyGroupLedger(Deadlines d, Readers readers) {
        return jdbc.sql("""
                SELECT g.code, g.name, lu.code, lu.name,
                """ + ledgerCounts() + """
                FROM measure m
                JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group g ON g.code = p.key_group_code
                JOIN org_unit lu ON lu.code = g.lead_unit_code
                WHERE m.process_instance_id IS NOT NULL
                """ + readable(readers) + """
                GROUP BY g.code, g.name, lu.code, lu.name""")
            .params(deadlineParams(d)).param("open", OPEN_STATUSES).params(readerParams(readers))
            .query((rs, n) -> new GroupLedger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
            .list();
    }

    /** The completed tasks of these steps of a measure, per unit: how many and their median duration. */
    public List<GroupStep> unitSteps(String key, Collection<String> steps, Readers readers) {
        return groupSteps("m.unit_code", "", key, steps, readers);
    }

    /** The same per key group. */
    public List<GroupStep> keyGroupSteps(String key, Collection<String> steps, Readers readers) {
        return groupSteps("p.key_group_code", "JOIN problem p ON p.id = m.problem_id", key, steps, readers);
    }

    private List<GroupStep> groupSteps(String group, String join, String key, Collection<String> steps,
                                       Readers readers) {
        return jdbc.sql("SELECT " + group + ", h.TASK_DEF_KEY_, COUNT(*),"
                + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY h.DURATION_)"
                + " FROM ACT_HI_TASKINST h JOIN measure m ON m.process_instance_id = h.PROC_INST_ID_ " + join
                + " WHERE h.PROC_DEF_KEY_ = :key AND h.END_TIME_ IS NOT NULL AND h.DELETE_REASON_ = :completed"
                + " AND h.TASK_DEF_KEY_ IN (:steps) " + readable(readers)
                + " GROUP BY " + group + ", h.TASK_DEF_KEY_")
            .param("key", key).param("completed", COMPLETED).param("steps", steps).params(readerParams(readers))
            .query((rs, n) -> new GroupStep(rs.getString(1), rs.getString(2), rs.getLong(3),
                longOrNull(rs.getObject(4))))
            .list();
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
            .query((rs, n) -> new Open(rs.getString(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
                rs.getLong(5), rs.getLong(6)))
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
            .query((rs, n) -> new Open(rs.getString(1), rs.getLong(2), rs.getTimestamp(3), rs.getTimestamp(4),
                rs.getLong(5), rs.getLong(6)))
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

    /** Four columns of a measure group: open, overdue, amber (open ones) and the reworks of all. */
    private static String ledgerCounts() {
        return """
                SUM(CASE WHEN m.status IN (:open) THEN 1 ELSE 0 END),
                SUM(CASE WHEN m.status IN (:open) AND m.deadline < :today THEN 1 ELSE 0 END),
                SUM(CASE WHEN m.status IN (:open) AND m.deadline >= :today AND m.deadline <= :amberLast THEN 1
                         ELSE 0 END),
                SUM(m.rework_count)
                """;
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

    private static java.util.Map<String, Object> readerParams(Readers readers) {
        return readers.all() ? java.util.Map.of()
            : java.util.Map.of("groups", readers.groups().isEmpty() ? List.of("") : List.copyOf(readers.groups()));
    }

    private static java.util.Map<String, Object> deadlineParams(Deadlines d) {
        return java.util.Map.of("today", java.sql.Date.valueOf(d.today()), "amberLast",
            java.sql.Date.valueOf(d.amberLast()), "todayStart", d.todayStart(), "amberEnd", d.amberEnd());
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
