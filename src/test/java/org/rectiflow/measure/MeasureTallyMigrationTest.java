package org.rectiflow.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.support.LedgerMigrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Ledger migration V23: an existing ledger's measures counted into the tally ({@code measure_tally}): those with an
 * instance, per unit, key group and deadline, open or not, with their reworks; a measure not started is not counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureTallyMigrationTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2021-01-05T01:00:00Z"));
    private JdbcClient jdbc;

    private void measure(String code, int seq, String unit, String deadline, String status, int reworks,
                         String instance) {
        jdbc.sql("""
                INSERT INTO measure (code, round_code, problem_id, seq, content, unit_code, leader_user_id, deadline, kind,
                                     status, rework_count, process_instance_id)
                VALUES (?, 'XC1', 1, ?, '整改措施', ?, 'chief', CAST(? AS DATE), 'IMMEDIATE', ?, ?, ?)""")
            .params(code, seq, unit, deadline, status, reworks, instance).update();
    }

    @BeforeAll
    void migrateWithMeasuresOfV21() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:v23-migration;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(dataSource);
        LedgerMigrations.migrateTo(dataSource, "21"); // V22 is a Java migration (engine history): none here
        LedgerMigrations.aRoundWithAProblem(jdbc, AT);
        jdbc.sql("INSERT INTO org_unit (code, name, sort_order) VALUES ('haicang', '海沧分局', 2)").update();
        measure("XC1-01-01", 1, "siming", "2021-02-01", "IN_PROGRESS", 0, "pi-1");
        measure("XC1-01-02", 2, "siming", "2021-02-01", "REWORK", 2, "pi-2");
        measure("XC1-01-03", 3, "siming", "2021-02-01", "SIGNED_OFF", 1, "pi-3");
        measure("XC1-01-04", 4, "siming", "2021-03-01", "NORMAL_MANAGEMENT", 0, "pi-4");
        measure("XC1-01-05", 5, "haicang", "2021-02-01", "REPORTED", 0, "pi-5");
        measure("XC1-01-06", 6, "haicang", "2021-02-01", "REGISTERED", 0, null);
        LedgerMigrations.migrateTo(dataSource, "23");
    }

    @Test
    void theMeasuresWithAnInstanceAreCountedPerUnitKeyGroupAndDeadline() {
        assertThat(jdbc.sql("SELECT unit_code, key_group_code, deadline, measures, open_measures, reworks"
                + " FROM measure_tally ORDER BY unit_code, deadline")
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3) + " " + rs.getLong(4)
                + " " + rs.getLong(5) + " " + rs.getLong(6)).list())
            .containsExactly(
                "haicang conduct 2021-02-01 1 1 0",
                "siming conduct 2021-02-01 3 2 3",
                "siming conduct 2021-03-01 1 0 0");
    }
}
