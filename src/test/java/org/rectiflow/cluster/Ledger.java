package org.rectiflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.rectiflow.measure.MeasureExecutionProcess;

/**
 * Reads the shared database the nodes write: the ledger's and the engine's tables, with plain SQL. Public for
 * {@code bench/ClusterBenchmark}.
 */
public final class Ledger {

    private final String url;

    public Ledger(String url) {
        this.url = url;
    }

    /** The rows of a query, each read by {@code row}. */
    private <T> List<T> rows(String sql, Object[] params, RowReader<T> row) {
        List<T> result = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return result;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public long count(String sql, Object... params) {
        return rows(sql, params, rs -> rs.getLong(1)).get(0);
    }

    /** A key (first column) → count (second column) query. */
    public Map<String, Long> grouped(String sql, Object... params) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Map.Entry<String, Long> row : rows(sql, params,
            rs -> new AbstractMap.SimpleEntry<>(rs.getString(1), rs.getLong(2)))) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    /** A key (first column) → instant (second column, a {@code timestamptz}) query. */
    Map<String, Instant> instants(String sql, Object... params) {
        Map<String, Instant> result = new LinkedHashMap<>();
        for (Map.Entry<String, Instant> row : rows(sql, params, rs -> new AbstractMap.SimpleEntry<>(rs.getString(1),
            rs.getObject(2, OffsetDateTime.class).toInstant()))) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    /** The first column of every row. */
    List<String> ids(String sql, Object... params) {
        return rows(sql, params, rs -> rs.getString(1));
    }

    /** Polls a count until it satisfies the condition; returns the last count. */
    public long await(Duration timeout, LongPredicate done, String sql, Object... params) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        long value = count(sql, params);
        while (!done.test(value) && Instant.now().isBefore(until)) {
            Thread.sleep(50); // watching other processes work, not waiting for engine time
            value = count(sql, params);
        }
        return value;
    }

    /**
     * Every row in the database, ledger or engine, that names the round: a column holding a code (the round's,
     * one of its measures' {@code <code>-pp-mm} or clues' {@code <code>-Cnn}, a key {@code <code>:…}), a business
     * key or a variable's text. "table.column" → rows, for the columns that have any; the tables are found in
     * the catalogue, so a table added later is searched too.
     */
    Map<String, Long> tracesOf(String code) {
        List<Map.Entry<String, String>> columns = rows(NAMING_COLUMNS, new Object[0],
            rs -> new AbstractMap.SimpleEntry<>(rs.getString(1), rs.getString(2)));
        if (columns.stream().map(Map.Entry::getKey).distinct().count() < 20) {
            throw new IllegalStateException("the catalogue lists too few tables to search: " + columns);
        }
        Map<String, Long> traces = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns) {
            String name = column.getValue();
            long rows = count("SELECT COUNT(*) FROM " + column.getKey() + " WHERE " + name + " = ? OR " + name
                + " LIKE ? OR " + name + " LIKE ?", code, code + "-%", code + ":%");
            if (rows > 0) {
                traces.put(column.getKey() + "." + name, rows);
            }
        }
        return traces;
    }

    /** Each way a round can be half there (see {@link #HALF_REGISTERED}) that some round is, with how many. */
    Map<String, Long> halfRegisteredRounds() {
        Map<String, Long> found = new LinkedHashMap<>();
        HALF_REGISTERED.forEach((what, sql) -> {
            long n = count(sql);
            if (n > 0) {
                found.put(what, n);
            }
        });
        return found;
    }

    // ---------------------------------------------------------------------------------- the figures

    static final String MEASURES = "SELECT COUNT(*) FROM measure WHERE round_code = ?";
    static final String CATEGORIES = "SELECT COUNT(*) FROM problem_category WHERE round_code = ?";
    static final String PROBLEMS = "SELECT COUNT(*) FROM problem WHERE round_code = ?";
    public static final String GREEN_NOTICES = """
        SELECT COUNT(*) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
        WHERE m.round_code = ? AND n.step = 'GREEN'""";
    public static final String MEASURES_WITH_GREEN_NOTICE = """
        SELECT COUNT(DISTINCT n.measure_code) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
        WHERE m.round_code = ? AND n.step = 'GREEN'""";
    public static final String NOTIFICATIONS = """
        SELECT COUNT(*) FROM notification o JOIN measure m ON m.code = o.measure_code WHERE m.round_code = ?""";
    public static final String NOTIFICATIONS_SENT = NOTIFICATIONS + " AND o.status = 'SENT'";
    public static final String SENT_BY_NODE = """
        SELECT o.claimed_by, COUNT(*) FROM notification o JOIN measure m ON m.code = o.measure_code
        WHERE m.round_code = ? AND o.status = 'SENT' GROUP BY o.claimed_by ORDER BY 1""";
    /**
     * Outbox rows that say what another row says to the same person on the same channel about the same measure:
     * a notification written twice, whatever keys the two rows carry (the key's UNIQUE constraint cannot tell).
     */
    static final String NOTIFICATIONS_WRITTEN_TWICE = """
        SELECT COUNT(*) FROM (SELECT 1 FROM notification o JOIN measure m ON m.code = o.measure_code
            WHERE m.round_code = ? GROUP BY o.measure_code, o.recipient, o.channel, o.subject HAVING COUNT(*) > 1) twice""";
    /**
     * The e-mail each green reminder of the round must bring, as "recipient subject": to the liaison of the
     * measure's unit, titled 【绿色提醒】 and the measure's code (the diagram's subject).
     */
    static final String GREEN_REMINDER_MAILS = """
        SELECT u.email || ' 【绿色提醒】' || m.code FROM measure m
        JOIN org_user u ON u.unit_code = m.unit_code AND u.unit_role = 'LIAISON'
        WHERE m.round_code = ? ORDER BY 1""";
    /**
     * The e-mails a node was delivering when it died, as "recipient subject": rows it had claimed and not yet
     * marked sent or failed (both clear the lease). The SMTP server may have accepted them already: they may
     * arrive twice, once from the dead node and once from the node that takes them over when the lease runs out.
     */
    static final String DELIVERIES_UNDER_WAY = """
        SELECT u.email || ' ' || o.subject FROM notification o JOIN measure m ON m.code = o.measure_code
        JOIN org_user u ON u.user_id = o.recipient
        WHERE m.round_code = ? AND o.channel = 'EMAIL' AND o.status = 'PENDING' AND o.claimed_by = ?
          AND o.claimed_until IS NOT NULL""";
    /** Successful runs of the green reminder's timer job of the round's measures (job state 2 = successful). */
    public static final String GREEN_TIMER_SUCCESSES = """
        SELECT COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    public static final String GREEN_TIMER_JOBS_SUCCEEDED = GREEN_TIMER_SUCCESSES.replace("COUNT(*)",
        "COUNT(DISTINCT l.job_id_)");
    public static final String GREEN_TIMERS_BY_NODE = """
        SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2 GROUP BY l.hostname_ ORDER BY 1"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String GREEN_TIMERS_BY_ONE_NODE = """
        SELECT COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2 AND l.hostname_ = ?"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    /**
     * The jobs a job executor holds (by its lock owner id) whose lock has not expired, with the instant it
     * expires. The nodes write their lock times as local times of their zone ({@link ClusterSettings#ZONE}); read
     * as instants in that zone, they are compared with the database's own clock.
     */
    static final String JOBS_LOCKED_BY = """
        SELECT id_, lock_exp_time_ AT TIME ZONE '%1$s' FROM act_ru_job
        WHERE lock_owner_ = ? AND lock_exp_time_ AT TIME ZONE '%1$s' > now() ORDER BY id_""".formatted(ClusterSettings.ZONE);
    /** The instants (in the nodes' zone) a job's runs succeeded on a node. */
    static final String JOB_SUCCESSES_ON = """
        SELECT id_, timestamp_ AT TIME ZONE '%s' FROM act_hi_job_log
        WHERE job_id_ = ? AND job_state_ = 2 AND hostname_ = ? ORDER BY timestamp_""".formatted(ClusterSettings.ZONE);
    static final String JOB_SUCCESSES = "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2";
    public static final String GREEN_TIMERS_WAITING = """
        SELECT COUNT(*) FROM act_ru_job j JOIN measure m ON m.process_instance_id = j.process_instance_id_
        JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE m.round_code = ? AND d.act_id_ = '%s'""".formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String RUNNING_MEASURE_INSTANCES = """
        SELECT COUNT(*) FROM act_ru_execution e JOIN measure m ON m.process_instance_id = e.proc_inst_id_
        WHERE m.round_code = ? AND e.parent_id_ IS NULL AND e.business_key_ = m.code""";
    public static final String UNIT_TASKS = """
        SELECT COUNT(*) FROM act_ru_task t JOIN measure m ON m.process_instance_id = t.proc_inst_id_
        WHERE m.round_code = ? AND t.task_def_key_ = '%s'""".formatted(MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
    /** Measures whose status is not the last one their history records. */
    static final String MEASURES_DISAGREEING_WITH_HISTORY = """
        SELECT COUNT(*) FROM measure m WHERE m.round_code = ? AND m.status IS DISTINCT FROM (
            SELECT h.to_status FROM status_history h WHERE h.entity_type = 'MEASURE' AND h.entity_ref = m.code
            ORDER BY h.id DESC LIMIT 1)""";
    static final String ROUNDS = "SELECT COUNT(*) FROM inspection_round";
    /** Open transactions holding the lock of writers on the measure table: an import under way. */
    static final String MEASURE_WRITERS = """
        SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'measure' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()""";
    /** Rounds of the ledger with their inspection-round instance (running or finished) and vice versa. */
    static final String ROUNDS_WITH_INSTANCE = """
        SELECT COUNT(*) FROM inspection_round r WHERE EXISTS (SELECT 1 FROM act_hi_procinst p
            WHERE p.business_key_ = r.code AND p.proc_def_key_ = 'inspection-round')""";
    static final String ROUND_INSTANCES = """
        SELECT COUNT(DISTINCT business_key_) FROM act_hi_procinst WHERE proc_def_key_ = 'inspection-round'""";
    /** Each way a round can be half-registered, and the query that counts what is so. */
    static final Map<String, String> HALF_REGISTERED = Map.of(
        "rounds without the history of their registration", """
            SELECT COUNT(*) FROM inspection_round r WHERE NOT EXISTS (SELECT 1 FROM status_history h
                WHERE h.entity_type = 'ROUND' AND h.entity_ref = r.code AND h.to_status = 'REGISTERED')""",
        "rounds without categories", """
            SELECT COUNT(*) FROM inspection_round r
            WHERE NOT EXISTS (SELECT 1 FROM problem_category c WHERE c.round_code = r.code)""",
        "categories without problems", """
            SELECT COUNT(*) FROM problem_category c WHERE NOT EXISTS (SELECT 1 FROM problem p WHERE p.category_id = c.id)""",
        "problems without measures", """
            SELECT COUNT(*) FROM problem p WHERE NOT EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id)""",
        "rounds without their inspection-round instance", """
            SELECT COUNT(*) FROM inspection_round r WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p
                WHERE p.id_ = r.process_instance_id AND p.business_key_ = r.code AND p.proc_def_key_ = 'inspection-round')""",
        "inspection-round instances without their round", """
            SELECT COUNT(*) FROM act_hi_procinst p WHERE p.proc_def_key_ = 'inspection-round' AND NOT EXISTS (
                SELECT 1 FROM inspection_round r WHERE r.code = p.business_key_ AND r.process_instance_id = p.id_)""");
    /** The tables' columns that may name a round, one of its measures or clues, or hold a business key or a variable's text. */
    private static final String NAMING_COLUMNS = """
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.column_name IN ('code', 'round_code', 'measure_code', 'clue_code', 'entity_ref', 'notice_key',
                                'notification_key', 'business_key_', 'text_', 'root_business_key_')
        ORDER BY 1, 2""";
    public static final String FAILED_JOBS = "SELECT COUNT(*) FROM act_ru_job WHERE retries_ < 3 OR exception_msg_ IS NOT NULL";
}
