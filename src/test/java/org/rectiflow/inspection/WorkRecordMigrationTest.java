package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.support.LedgerMigrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Ledger migration V12: the leading-group meetings recorded before work records existed become work records of their
 * round, and round_meeting goes. On an in-memory H2 here; on a new PostgreSQL database in
 * {@link PostgresWorkRecordMigrationTest}, as the ledger migrations run on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkRecordMigrationTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2021-01-05T01:00:00Z"));
    private JdbcClient jdbc;

    /** The empty database the migrations run on. */
    protected DriverManagerDataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:v12-migration;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @BeforeAll
    void migrateWithAMeetingOfV9() {
        DriverManagerDataSource dataSource = emptyDatabase();
        jdbc = JdbcClient.create(dataSource);
        LedgerMigrations.migrateTo(dataSource, "9");
        LedgerMigrations.aRound(jdbc, AT);
        jdbc.sql("""
                INSERT INTO round_meeting (round_code, held_on, title, attendees, decisions, recorded_by, recorded_at)
                VALUES ('XC1', DATE '2020-12-03', '巡察整改工作领导小组第一次会议', '班子成员', '部署整改', 'officer1', ?)""")
            .param(AT).update();
        LedgerMigrations.migrateTo(dataSource, "12");
    }


    @Test
    void theMeetingIsALeadingGroupMeetingRecord() {
        assertThat(jdbc.sql("""
                SELECT round_code, kind, held_on, title, participants, summary, recorded_by, recorded_at
                FROM round_work_record""")
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getDate(3).toString(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant().toString()))
            .list())
            .containsExactly(List.of("XC1", "LEADING_GROUP_MEETING", "2020-12-03", "巡察整改工作领导小组第一次会议", "班子成员",
                "部署整改", "officer1", "2021-01-05T01:00:00Z"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'round_meeting'")
            .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM round_report_text").query(Integer.class).single()).isZero();
    }
}
