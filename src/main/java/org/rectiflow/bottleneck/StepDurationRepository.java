package org.rectiflow.bottleneck;

import org.rectiflow.ledger.LedgerDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the ledger's histogram of finished steps ({@code step_duration}, {@link StepDurations}): one more in a
 * step's class as it finishes, in the engine's transaction (both commit or neither), its unit and key group read
 * from the ledger's measure of the instance. PostgreSQL adds with {@code INSERT … ON CONFLICT DO UPDATE}, which two
 * nodes finishing the same class at once settle without an error; H2 with {@code MERGE}.
 */
@Repository
public class StepDurationRepository {

    private static final String COLUMNS = "process_key, activity_id, unit_code, key_group_code, bucket_seconds, finished";

    /** The row a finished step adds to: its diagram, step, unit and key group (of the instance's measure, or ''). */
    private static final String ROW = """
            SELECT CAST(:key AS VARCHAR(255)) AS process_key, CAST(:activity AS VARCHAR(255)) AS activity_id,
                   COALESCE(m.unit_code, '') AS unit_code, COALESCE(p.key_group_code, '') AS key_group_code,
                   CAST(:bucket AS BIGINT) AS bucket_seconds, CAST(1 AS BIGINT) AS finished
            FROM (SELECT 1 AS one) x
            LEFT JOIN measure m ON m.process_instance_id = :instance
            LEFT JOIN problem p ON p.id = m.problem_id""";

    private static final String POSTGRES_ADD = "INSERT INTO step_duration (" + COLUMNS + ") " + ROW + """

            ON CONFLICT (process_key, activity_id, unit_code, key_group_code, bucket_seconds)
            DO UPDATE SET finished = step_duration.finished + 1""";

    private static final String H2_ADD = "MERGE INTO step_duration t USING (" + ROW + """
            ) s
            ON (t.process_key = s.process_key AND t.activity_id = s.activity_id AND t.unit_code = s.unit_code
                AND t.key_group_code = s.key_group_code AND t.bucket_seconds = s.bucket_seconds)
            WHEN MATCHED THEN UPDATE SET finished = t.finished + 1
            WHEN NOT MATCHED THEN INSERT (""" + COLUMNS + """
            ) VALUES (s.process_key, s.activity_id, s.unit_code, s.key_group_code, s.bucket_seconds, 1)""";

    /**
     * The histogram of every step the engine's history holds as finished: completed tasks and ended call
     * activities (V22 on an existing database; the benchmark after copying history in bulk).
     */
    static final String REBUILD = "INSERT INTO step_duration (" + COLUMNS + ") "
        + "SELECT process_key, activity_id, unit_code, key_group_code, bucket_seconds, COUNT(*) FROM ("
        + " SELECT process_key, activity_id, unit_code, key_group_code, " + StepDurations.BUCKET_SQL
        + " AS bucket_seconds FROM ("
        + "  SELECT h.PROC_DEF_KEY_ AS process_key, h.TASK_DEF_KEY_ AS activity_id,"
        + "   COALESCE(m.unit_code, '') AS unit_code, COALESCE(p.key_group_code, '') AS key_group_code,"
        + "   h.DURATION_ / 1000 AS s"
        + "  FROM ACT_HI_TASKINST h LEFT JOIN measure m ON m.process_instance_id = h.PROC_INST_ID_"
        + "  LEFT JOIN problem p ON p.id = m.problem_id"
        + "  WHERE h.DELETE_REASON_ = 'completed' AND h.DURATION_ IS NOT NULL AND h.PROC_DEF_KEY_ IS NOT NULL"
        + "   AND h.TASK_DEF_KEY_ IS NOT NULL"
        + "  UNION ALL"
        + "  SELECT a.PROC_DEF_KEY_, a.ACT_ID_, COALESCE(m.unit_code, ''), COALESCE(p.key_group_code, ''),"
        + "   a.DURATION_ / 1000"
        + "  FROM ACT_HI_ACTINST a LEFT JOIN measure m ON m.process_instance_id = a.PROC_INST_ID_"
        + "  LEFT JOIN problem p ON p.id = m.problem_id"
        + "  WHERE a.ACT_TYPE_ = 'callActivity' AND a.END_TIME_ IS NOT NULL AND a.DURATION_ IS NOT NULL"
        + "   AND a.PROC_DEF_KEY_ IS NOT NULL"
        + " ) d"
        + ") b GROUP BY process_key, activity_id, unit_code, key_group_code, bucket_seconds";

    private final JdbcClient jdbc;
    private final String add;

    public StepDurationRepository(JdbcClient jdbc, LedgerDatabase database) {
        this.jdbc = jdbc;
        this.add = database.isPostgres() ? POSTGRES_ADD : H2_ADD;
    }

    /** One more finished step of a diagram's instance, which took {@code millis}. */
    public void add(String processKey, String activityId, String processInstanceId, long millis) {
        jdbc.sql(add).param("key", processKey).param("activity", activityId).param("instance", processInstanceId)
            .param("bucket", StepDurations.bucket(millis / 1000)).update();
    }

    /** The histogram again from the engine's history (the benchmark, after it copied history in bulk). */
    public int rebuild() {
        jdbc.sql("DELETE FROM step_duration").update();
        return jdbc.sql(REBUILD).update();
    }
}
