package org.rectiflow.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the engine did during a timed piece of the product's work, counted from its history: the process instances
 * started (of which measures' instances), the user tasks created and completed, and the transactions the measures
 * started in (one per unit: its plan's approval starts its measures). The bare engine's counterpart
 * ({@link BareWork}) does the same, so that a ratio measures what the product adds to the same engine work, not
 * work the bare engine was spared.
 *
 * @param instances            process instances started, measures' included
 * @param measures             measures' instances started (measure-execution, or the bare engine's {@link BareShape})
 * @param tasksCreated         user tasks created
 * @param tasksCompleted       user tasks completed
 * @param measureTransactions  the transactions the measures started in
 */
record EngineWork(long instances, long measures, long tasksCreated, long tasksCompleted, int measureTransactions) {

    /** The engine's history counts at one moment. */
    record Counts(long instances, long measures, long tasksCreated, long tasksCompleted) {

        /** The counts now; {@code measureKey}: the diagram of the measures' instances (the product's or the bare one). */
        static Counts of(JdbcClient jdbc, String measureKey) {
            return jdbc.sql("""
                    SELECT (SELECT COUNT(*) FROM ACT_HI_PROCINST),
                           (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?),
                           (SELECT COUNT(*) FROM ACT_HI_TASKINST),
                           (SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL)""")
                .param(measureKey)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        }
    }

    static EngineWork between(Counts before, Counts after, int measureTransactions) {
        return new EngineWork(after.instances - before.instances, after.measures - before.measures,
            after.tasksCreated - before.tasksCreated, after.tasksCompleted - before.tasksCompleted,
            measureTransactions);
    }

    /** The instances that are not measures' (a round's, its plan's, its clues'). */
    long otherInstances() {
        return instances - measures;
    }

    /** The user tasks left waiting that are not measures' (each measure's instance leaves its unit's task). */
    long otherTasksWaiting() {
        return tasksCreated - tasksCompleted - measures;
    }

    @Override
    public String toString() {
        return instances + " instances (" + measures + " measures' in " + measureTransactions + " transactions), "
            + tasksCreated + " user tasks created, " + tasksCompleted + " completed";
    }
}
