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
        jdbc.sql("INSERT INTO org_unit (code, name, sort_order) VALUES ('siming', '思明分局', 1), "
            + "('haicang', '海沧分局', 2)").update();
        jdbc.sql("INSERT INTO org_key_group (code, name, lead_unit_code, sort_order) VALUES ('conduct', '作风转变', "
            + "'siming', 1)").update();
        jdbc.sql("""
                INSERT INTO inspection_round (code, title, inspection_group, inspected_org, feedback_date, registered_on,
                                              status, created_at)
                VALUES ('XC1', '测试巡察', '市委第一巡察组', '中共测试委员会', DATE '2020-12-03', DATE '2020-12-03',
                        'IN_RECTIFICATION', ?)""").param(AT).update();
        jdbc.sql("INSERT INTO problem_category (id, round_code, seq, title) VALUES (1, 'XC1', 1, '测试方面')").update();
        jdbc.sql("INSERT INTO problem (id, round_code, category_id, seq, title, key_group_code, status) "
            + "VALUES (1, 'XC1', 1, 1, '测试问题', 'conduct', 'OPEN')").update();
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
