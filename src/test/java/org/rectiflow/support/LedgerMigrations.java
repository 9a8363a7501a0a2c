package org.rectiflow.support;

import java.sql.Timestamp;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's Flyway migrations as the application runs them (application.yml's spring.flyway), up to a version. */
public final class LedgerMigrations {

    private LedgerMigrations() {
    }

    /** Migrates the database to this version of the ledger, for a test that writes rows of an older one first. */
    public static void migrateTo(DataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ledger").table("ledger_schema_history")
            .target(version).load().migrate();
    }

    /** A round {@code XC1} in rectification, registered at {@code createdAt}: the rows of an older ledger's tests. */
    public static void aRound(JdbcClient jdbc, Timestamp createdAt) {
        jdbc.sql("""
                INSERT INTO inspection_round (code, title, inspection_group, inspected_org, feedback_date, registered_on,
                                              status, created_at)
                VALUES ('XC1', '测试巡察', '市委第一巡察组', '中共测试委员会', DATE '2020-12-03', DATE '2020-12-03',
                        'IN_RECTIFICATION', ?)""").param(createdAt).update();
    }

    /**
     * 思明分局, its key group 作风转变 (conduct, led by itself), and round {@code XC1} with one category and one open
     * problem (id 1) of that key group.
     */
    public static void aRoundWithAProblem(JdbcClient jdbc, Timestamp createdAt) {
        jdbc.sql("INSERT INTO org_unit (code, name, sort_order) VALUES ('siming', '思明分局', 1)").update();
        jdbc.sql("INSERT INTO org_key_group (code, name, lead_unit_code, sort_order) VALUES ('conduct', '作风转变', "
            + "'siming', 1)").update();
        aRound(jdbc, createdAt);
        jdbc.sql("INSERT INTO problem_category (id, round_code, seq, title) VALUES (1, 'XC1', 1, '测试方面')").update();
        jdbc.sql("INSERT INTO problem (id, round_code, category_id, seq, title, key_group_code, status) "
            + "VALUES (1, 'XC1', 1, 1, '测试问题', 'conduct', 'OPEN')").update();
    }
}
