package org.rectiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's tally of measures ({@code measure_tally}) checked against the ledger's measures, row by row. */
public final class MeasureTallies {

    private static final String TALLY = "SELECT unit_code, key_group_code, deadline, measures, open_measures, reworks"
        + " FROM measure_tally WHERE measures <> 0 OR open_measures <> 0 OR reworks <> 0 ORDER BY 1, 2, 3";

    /** The measures with an instance, counted per unit, key group and deadline (the closed statuses written out). */
    private static final String LEDGER = """
            SELECT m.unit_code, p.key_group_code, m.deadline, COUNT(*),
                   SUM(CASE WHEN m.status IN ('SIGNED_OFF', 'NORMAL_MANAGEMENT') THEN 0 ELSE 1 END), SUM(m.rework_count)
            FROM measure m JOIN problem p ON p.id = m.problem_id
            WHERE m.process_instance_id IS NOT NULL
            GROUP BY m.unit_code, p.key_group_code, m.deadline ORDER BY 1, 2, 3""";

    private MeasureTallies() {
    }

    /** Every row of the tally is what the ledger's measures count, and no row is missing. */
    public static void assertIsTheLedgerCounted(JdbcClient jdbc) {
        assertThat(lines(jdbc, TALLY)).as("measure_tally against the measures").isEqualTo(lines(jdbc, LEDGER))
            .isNotEmpty();
    }

    private static List<String> lines(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3) + " "
            + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6)).list();
    }
}
