package org.rectiflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.rectiflow.measure.MeasureExecutionProcess;

/** Reads the shared database the nodes write: the ledger's and the engine's tables, with plain SQL. */
final class Ledger {

    private final String url;

    Ledger(String url) {
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

    long count(String sql, Object... params) {
        return rows(sql, params, rs -> rs.getLong(1)).get(0);
    }

    /** A key (first column) → count (second column) query. */
    Map<String, Long> grouped(String sql, Object... params) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Map.Entry<String, Long> row : rows(sql, params,
            rs -> new AbstractMap.SimpleEntry<>(rs.getString(1), rs.getLong(2)))) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    /** The first column of every row. */
    List<String> ids(String sql, Object... params) {
        return rows(sql, params, rs -> rs.getString(1));
    }

    /** Polls a count until it satisfies the condition; returns the last count. */
    long await(Duration timeout, LongPredicate done, String sql, Object... params) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        long value = count(sql, params);
        while (!done.test(value) && Instant.now().isBefore(until)) {
            Thread.sleep(50); // watching other processes work, not waiting for engine time
            value = count(sql, params);
        }
        return value;
    }

    // ---------------------------------------------------------------------------------- the figures

    static final String MEASURES = "SELECT COUNT(*) FROM measure WHERE round_code = ?";
    static final String GREEN_NOTICES = """
        SELECT COUNT(*) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
        WHERE m.round_code = ? AND n.step = 'GREEN'""";
    static final String MEASURES_WITH_GREEN_NOTICE = """
        SELECT COUNT(DISTINCT n.measure_code) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
        WHERE m.round_code = ? AND n.step = 'GREEN'""";
    static final String NOTIFICATIONS = """
        SELECT COUNT(*) FROM notification o JOIN measure m ON m.code = o.measure_code WHERE m.round_code = ?""";
    static final String NOTIFICATIONS_SENT = NOTIFICATIONS + " AND o.status = 'SENT'";
    static final String SENT_BY_NODE = """
        SELECT o.claimed_by, COUNT(*) FROM notification o JOIN measure m ON m.code = o.measure_code
        WHERE m.round_code = ? AND o.status = 'SENT' GROUP BY o.claimed_by ORDER BY 1""";
    static final String NOTIFICATION_KEYS = """
        SELECT COUNT(DISTINCT o.notification_key) FROM notification o JOIN measure m ON m.code = o.measure_code
        WHERE m.round_code = ?""";
    /** Successful runs of the green reminder's timer job of the round's measures (job state 2 = successful). */
    static final String GREEN_TIMER_SUCCESSES = """
        SELECT COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String GREEN_TIMER_JOBS_SUCCEEDED = GREEN_TIMER_SUCCESSES.replace("COUNT(*)",
        "COUNT(DISTINCT l.job_id_)");
    static final String GREEN_TIMERS_BY_NODE = """
        SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2 GROUP BY l.hostname_ ORDER BY 1"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String GREEN_TIMERS_BY_ONE_NODE = """
        SELECT COUNT(*) FROM act_hi_job_log l JOIN measure m ON m.process_instance_id = l.process_instance_id_
        WHERE m.round_code = ? AND l.act_id_ = '%s' AND l.job_state_ = 2 AND l.hostname_ = ?"""
        .formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String LOCKED_JOBS = "SELECT id_ FROM act_ru_job WHERE lock_exp_time_ > LOCALTIMESTAMP";
    static final String JOB_SUCCEEDED_ON =
        "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2 AND hostname_ = ?";
    static final String GREEN_TIMERS_WAITING = """
        SELECT COUNT(*) FROM act_ru_job j JOIN measure m ON m.process_instance_id = j.process_instance_id_
        JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE m.round_code = ? AND d.act_id_ = '%s'""".formatted(MeasureExecutionProcess.Elements.GREEN_REMINDER);
    static final String RUNNING_MEASURE_INSTANCES = """
        SELECT COUNT(*) FROM act_ru_execution e JOIN measure m ON m.process_instance_id = e.proc_inst_id_
        WHERE m.round_code = ? AND e.parent_id_ IS NULL AND e.business_key_ = m.code""";
    static final String UNIT_TASKS = """
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
    /** A round is half-registered when its measure count is not its problems' (every problem has measures). */
    static final String ROUNDS_WITHOUT_MEASURES = """
        SELECT COUNT(*) FROM inspection_round r WHERE NOT EXISTS (SELECT 1 FROM measure m WHERE m.round_code = r.code)""";
    static final String ROUND_ROWS = """
        SELECT (SELECT COUNT(*) FROM inspection_round WHERE code = ?) + (SELECT COUNT(*) FROM measure WHERE round_code = ?)
             + (SELECT COUNT(*) FROM problem WHERE round_code = ?)
             + (SELECT COUNT(*) FROM status_history WHERE entity_ref = ? OR entity_ref LIKE ?)
             + (SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?)""";
    static final String FAILED_JOBS = "SELECT COUNT(*) FROM act_ru_job WHERE retries_ < 3 OR exception_msg_ IS NOT NULL";
}
