package org.rectiflow.measure;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rectiflow.ledger.LedgerDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's tally of the measures that have a process instance ({@code measure_tally}, V23): per unit, key
 * group and deadline, how many, how many are open, and their reworks. The bottleneck tab ranks units and key groups
 * from it, a few thousand rows where a province has 100,000 measures (docs/bottlenecks.md).
 *
 * <p>{@link MeasureService} and {@link MeasureTransfer}, which write every change of a measure's unit, status,
 * deadline, reworks and instance, tell it each change as the measure before and after. The changes of a
 * transaction are summed and written once, just before it commits, in the order of their rows: one statement per
 * row the transaction changed, whatever the number of measures, each row locked only from then to the commit, and
 * two transactions writing the same rows take them in the same order (no deadlock). Written in the engine's
 * transaction, the tally commits or rolls back with the measures.
 */
@Repository
public class MeasureTally {

    private static final String COLUMNS = "unit_code, key_group_code, deadline, measures, open_measures, reworks";

    private static final String POSTGRES_ADD = "INSERT INTO measure_tally (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (unit_code, key_group_code, deadline) DO UPDATE SET"
        + " measures = measure_tally.measures + EXCLUDED.measures,"
        + " open_measures = measure_tally.open_measures + EXCLUDED.open_measures,"
        + " reworks = measure_tally.reworks + EXCLUDED.reworks";

    private static final String H2_ADD = """
            MERGE INTO measure_tally t
            USING (SELECT CAST(? AS VARCHAR(64)) AS unit_code, CAST(? AS VARCHAR(64)) AS key_group_code,
                          CAST(? AS DATE) AS deadline, CAST(? AS BIGINT) AS measures,
                          CAST(? AS BIGINT) AS open_measures, CAST(? AS BIGINT) AS reworks) s
            ON (t.unit_code = s.unit_code AND t.key_group_code = s.key_group_code AND t.deadline = s.deadline)
            WHEN MATCHED THEN UPDATE SET measures = t.measures + s.measures,
                open_measures = t.open_measures + s.open_measures, reworks = t.reworks + s.reworks
            WHEN NOT MATCHED THEN INSERT (""" + COLUMNS + """
            ) VALUES (s.unit_code, s.key_group_code, s.deadline, s.measures, s.open_measures, s.reworks)""";

    /** The tally of the ledger's measures as they are (the benchmark, after it copied measures in bulk). */
    private static final String REBUILD = "INSERT INTO measure_tally (" + COLUMNS + ")"
        + " SELECT m.unit_code, p.key_group_code, m.deadline, COUNT(*),"
        + " SUM(CASE WHEN m.status IN (%s) THEN 0 ELSE 1 END), SUM(m.rework_count)"
        + " FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.process_instance_id IS NOT NULL"
        + " GROUP BY m.unit_code, p.key_group_code, m.deadline";

    /** A row of the tally. */
    record Key(String unitCode, String keyGroupCode, java.time.LocalDate deadline) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::unitCode).thenComparing(Key::keyGroupCode)
            .thenComparing(Key::deadline);
    }

    /** What measures add to a row: how many, how many open, their reworks. */
    record Count(long measures, long open, long reworks) {

        Count plus(Count other) {
            return new Count(measures + other.measures, open + other.open, reworks + other.reworks);
        }

        Count negated() {
            return new Count(-measures, -open, -reworks);
        }

        boolean isNone() {
            return measures == 0 && open == 0 && reworks == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final String add;

    public MeasureTally(JdbcTemplate jdbc, LedgerDatabase database) {
        this.jdbc = jdbc;
        this.add = database.isPostgres() ? POSTGRES_ADD : H2_ADD;
    }

    /** A measure written anew: {@code before} as the ledger held it, {@code after} as it is written. */
    public void changed(Measure before, Measure after) {
        Map<Key, Count> changes = new LinkedHashMap<>();
        count(changes, before, before.unitCode(), true);
        count(changes, after, after.unitCode(), false);
        add(changes);
    }

    /** A measure moved from another unit ({@link MeasureTransfer}): {@code moved} as it is now, in its new unit. */
    public void moved(Measure moved, String fromUnit) {
        Map<Key, Count> changes = new LinkedHashMap<>();
        count(changes, moved, fromUnit, true);
        count(changes, moved, moved.unitCode(), false);
        add(changes);
    }

    /** The tally again from the ledger's measures; how many rows it has. */
    public int rebuild() {
        jdbc.update("DELETE FROM measure_tally");
        List<String> closed = MeasureStatus.CLOSED.stream().map(Enum::name).sorted().toList();
        return jdbc.update(REBUILD.formatted(String.join(", ", closed.stream().map(s -> "?").toList())),
            closed.toArray());
    }

    private static void count(Map<Key, Count> changes, Measure measure, String unitCode, boolean removed) {
        if (measure.processInstanceId() == null) {
            return; // not started, or reopened and not started again: not in the figures
        }
        Count count = new Count(1, measure.status().isOpen() ? 1 : 0, measure.reworkCount());
        changes.merge(new Key(unitCode, measure.keyGroupCode(), measure.deadline()),
            removed ? count.negated() : count, Count::plus);
    }

    private void add(Map<Key, Count> changes) {
        changes.values().removeIf(Count::isNone);
        if (changes.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(changes);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(changes);
    }

    private void write(Map<Key, Count> changes) {
        List<Object[]> rows = new ArrayList<>();
        changes.forEach((key, count) -> {
            if (!count.isNone()) {
                rows.add(new Object[] {key.unitCode(), key.keyGroupCode(), Date.valueOf(key.deadline()),
                    count.measures(), count.open(), count.reworks()});
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(add, rows);
        }
    }

    /** A transaction's changes, written before it commits; bound to it (and set aside while it is suspended). */
    private final class Pending implements TransactionSynchronization {

        private final Map<Key, Count> changes = new TreeMap<>(Key.ORDER);

        void add(Map<Key, Count> more) {
            more.forEach((key, count) -> changes.merge(key, count, Count::plus));
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(MeasureTally.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(MeasureTally.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write(changes);
            changes.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(MeasureTally.this);
        }
    }
}
