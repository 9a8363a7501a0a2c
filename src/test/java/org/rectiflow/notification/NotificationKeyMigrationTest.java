package org.rectiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Ledger migrations V8 and V9: the notice and outbox rows written before keys were values are split into the
 * key's columns, and each row's value renders the text it had (no Java parses a key); a clue's notice is unique by
 * its value. On an in-memory H2 here; on a new PostgreSQL database in {@link PostgresNotificationKeyMigrationTest},
 * as the ledger migrations run on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationKeyMigrationTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-03-02T01:00:00Z"));
    private JdbcClient jdbc;

    /** The empty database the migrations run on. */
    protected DriverManagerDataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:v8-migration;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @BeforeAll
    void migrateWithRowsOfV7() {
        DriverManagerDataSource dataSource = emptyDatabase();
        String url = dataSource.getUrl();
        jdbc = JdbcClient.create(dataSource);
        LedgerMigrations.migrateTo(dataSource, "7");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String[] dropMeasureCheck = postgres
            ? new String[] {"ALTER TABLE supervision_notice DROP CONSTRAINT supervision_notice_measure_code_fkey",
                "ALTER TABLE clue_notice DROP CONSTRAINT clue_notice_clue_code_fkey"}
            : new String[] {"SET REFERENTIAL_INTEGRITY FALSE"};
        for (String sql : dropMeasureCheck) {
            jdbc.sql(sql).update(); // notices without their measure
        }
        for (String[] notice : new String[][] {{"XC-1-01:GREEN:2026-03-02", "XC-1-01", "GREEN"},
            {"XC-1-01:REWORK:2", "XC-1-01", "REWORK"}}) {
            jdbc.sql("""
                    INSERT INTO supervision_notice (notice_key, measure_code, step, colour, step_date, reason, issued_by,
                                                    issued_at)
                    VALUES (?, ?, ?, 'GREEN', DATE '2026-03-02', 'r', 'u', ?)""")
                .params(notice[0], notice[1], notice[2], AT).update();
        }
        for (String key : OLD_KEYS) {
            String[] parts = key.split(":");
            String channel = parts[parts.length - 1];
            String recipient = parts[parts.length - 2];
            jdbc.sql("""
                    INSERT INTO notification (notification_key, channel, recipient, subject, body, status, created_at,
                                              next_attempt_at)
                    VALUES (?, ?, ?, 's', 'b', 'SENT', ?, ?)""")
                .params(key, channel, recipient, AT, AT).update();
        }
        LedgerMigrations.migrateTo(dataSource, "8");
        jdbc.sql("""
                INSERT INTO clue_notice (notice_key, clue_code, step, step_date, reason, issued_at)
                VALUES ('XS-3:OVERDUE:2026-03-09', 'XS-3', 'OVERDUE', DATE '2026-03-09', 'r', ?)""").param(AT).update();
        LedgerMigrations.migrateTo(dataSource, "9");
    }

    private static final List<String> OLD_KEYS = List.of(
        "XC-1-01:GREEN:2026-03-02:officer1:EMAIL",
        "XC-1-01:REWORK:2:*:WEBHOOK",
        "XS-3:OVERDUE:2026-03-09:chief:LOG",
        "XS-3:REPORTED:chief:LOG",
        "R1:TASKLIST:v3:siming:simingHead:EMAIL",
        "R1:PLAN:2:office:REMINDER:officer1:LOG",
        "bulletin:7:*:WEBHOOK",
        "B7:*:WEBHOOK");


    @Test
    void everyOutboxRowIsSplitIntoItsKeysColumnsAndRendersItsOldText() {
        List<Object[]> rows = jdbc.sql("""
                SELECT notification_key, recipient, channel, subject_kind, subject_code, key_step, key_period, key_party
                FROM notification ORDER BY id""")
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                new NotificationKey(NotificationKey.Subject.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8))})
            .list();
        assertThat(rows).hasSize(OLD_KEYS.size());
        for (Object[] row : rows) {
            NotificationKey key = (NotificationKey) row[3];
            assertThat(key.text((String) row[1], (String) row[2])).as(key.toString()).isEqualTo(row[0]);
        }
        assertThat(rows).extracting(r -> (NotificationKey) r[3]).containsExactly(
            NotificationKey.measure("XC-1-01", "GREEN", java.time.LocalDate.of(2026, 3, 2)),
            NotificationKey.measure("XC-1-01", "REWORK", 2),
            NotificationKey.clue("XS-3", "OVERDUE", java.time.LocalDate.of(2026, 3, 9)),
            NotificationKey.clueReported("XS-3"),
            NotificationKey.taskList("R1", 3, "siming"),
            NotificationKey.commentReminder("R1", 2, "office"),
            NotificationKey.bulletin(7),
            NotificationKey.other("B7"));
    }

    @Test
    void theKeysColumnsAreUnique() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO notification (notification_key, channel, recipient, subject, body, status, created_at,
                                          next_attempt_at, subject_kind, subject_code, key_step, key_period, key_party)
                VALUES ('another text', 'WEBHOOK', '*', 's', 'b', 'PENDING', ?, ?, 'BULLETIN', '7', '', '', '')""")
            .params(AT, AT).update()).satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("uq_notification_key"));
    }

    @Test
    void everyNoticeGetsItsPeriod() {
        assertThat(jdbc.sql("SELECT period FROM supervision_notice ORDER BY id").query(String.class).list())
            .containsExactly("2026-03-02", "2");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO supervision_notice (notice_key, measure_code, step, period, colour, step_date, reason,
                                                issued_by, issued_at)
                VALUES ('other text', 'XC-1-01', 'REWORK', '2', 'AMBER', DATE '2026-03-02', 'r', 'u', ?)""")
            .param(AT).update()).satisfies(e -> assertThat(e.getMessage())
                .containsIgnoringCase("uq_supervision_notice_key"));
    }

    @Test
    void aCluesNoticeIsUniqueByClueStepAndPeriod() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO clue_notice (notice_key, clue_code, step, step_date, reason, issued_at)
                VALUES ('other text', 'XS-3', 'OVERDUE', DATE '2026-03-09', 'r', ?)""")
            .param(AT).update()).satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("uq_clue_notice_key"));
        assertThat(jdbc.sql("""
                INSERT INTO clue_notice (notice_key, clue_code, step, step_date, reason, issued_at)
                VALUES ('XS-3:OVERDUE:2026-03-16', 'XS-3', 'OVERDUE', DATE '2026-03-16', 'r', ?)""")
            .param(AT).update()).as("the next period's notice").isEqualTo(1);
    }
}
