package org.rectiflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks at this application's scale, created in the engine's schema command right
 * after it has created or checked its tables (the ledger's Flyway migrations run before that, on a new database, so
 * they cannot), under the start-up lock of {@link ClusterStartupLock}. Each is {@code CREATE INDEX IF NOT EXISTS}
 * (H2 and PostgreSQL), so every start after the first finds it there. The schema command runs before the engine
 * writes its first rows (its history cleanup job): on a new PostgreSQL database the tables are still empty, and their
 * statistics stay "never analyzed" instead of recording one row, which had kept the pool's plans for
 * {@code ACT_RU_JOB} on sequential scans where autovacuum does not run (docs/benchmarks.md, tuning log 20).
 *
 * <ul>
 *   <li>{@code rf_idx_task_parent}: the engine looks for a task's subtasks
 *       ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}) whenever a task is completed or deleted, and
 *       without an index that reads every open task: 6.4 ms at 18,000 open tasks on PostgreSQL, growing with
 *       them (docs/benchmarks.md, tuning log).</li>
 *   <li>{@code rf_idx_job_duedate} and {@code rf_idx_job_lock_exp}: the job executor's acquisition looks for jobs
 *       due ({@code DUEDATE_ is null or DUEDATE_ <= now}) whose instance has no exclusive job locked
 *       ({@code LOCK_OWNER_ is not null and LOCK_EXP_TIME_ >= now}). Without them PostgreSQL read the whole job
 *       table at every acquisition, once for the locked jobs and again when none was due: 67 ms during a storm and
 *       385 ms when idle with 300,000 waiting timers (a measure keeps three or four), 0.1 ms with them.</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    static final List<String> INDEXES = List.of(
        "CREATE INDEX IF NOT EXISTS rf_idx_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_)",
        "CREATE INDEX IF NOT EXISTS rf_idx_job_duedate ON ACT_RU_JOB (DUEDATE_)",
        "CREATE INDEX IF NOT EXISTS rf_idx_job_lock_exp ON ACT_RU_JOB (LOCK_EXP_TIME_)");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setSchemaOperationsCommand(new WithIndexes(configuration.getSchemaOperationsCommand()));
    }

    /** The engine's schema command, then the indexes, in its transaction. */
    record WithIndexes(SchemaOperationsCommand schema) implements SchemaOperationsCommand {

        @Override
        public Void execute(CommandContext context) {
            schema.execute(context);
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (Statement statement = connection.createStatement()) {
                for (String index : INDEXES) {
                    statement.execute(index);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the engine's extra indexes: " + e.getMessage(), e);
            }
            return null;
        }
    }
}
