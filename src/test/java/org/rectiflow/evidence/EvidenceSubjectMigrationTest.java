package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.support.LedgerMigrations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Ledger migration V18: the evidence files of V16 become a measure's report's files, and the CHECK lets a row hold
 * exactly its subject's keys. On an in-memory H2 (the PostgreSQL run of the ledger: PostgresSubjectEvidenceTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceSubjectMigrationTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2021-01-05T01:00:00Z"));
    private JdbcClient jdbc;

    @BeforeAll
    void migrateWithAFileOfV17() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:v18-migration;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(dataSource);
        LedgerMigrations.migrateTo(dataSource, "17");
        LedgerMigrations.aRoundWithAProblem(jdbc, AT);
        jdbc.sql("""
                INSERT INTO measure (code, round_code, problem_id, seq, content, unit_code, leader_user_id, deadline, kind,
                                     status)
                VALUES ('XC1-01-01', 'XC1', 1, 1, '整改措施', 'siming', 'chief', DATE '2021-02-01', 'IMMEDIATE',
                        'IN_PROGRESS')""").update();
        jdbc.sql("""
                INSERT INTO evidence_file (measure_code, file_name, size_bytes, content_type, sha256, uploaded_by,
                                           uploaded_at, report_no, reported_at)
                VALUES ('XC1-01-01', '整改通知.pdf', 1024, 'application/pdf', ?, 'simingLiaison', ?, 1, ?)""")
            .params("a".repeat(64), AT, AT).update();
        LedgerMigrations.migrateTo(dataSource, "18");
    }

    @Test
    void aFileOfV16IsAMeasuresReportsFile() {
        assertThat(jdbc.sql("SELECT subject_kind, measure_code, report_no FROM evidence_file WHERE file_name = ?").param("整改通知.pdf")
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
            .containsExactly("MEASURE_REPORT XC1-01-01 1");
    }

    @Test
    void aRowMustHoldExactlyItsSubjectsKeys() {
        String insert = "INSERT INTO evidence_file (subject_kind, measure_code, round_code, unit_code, file_name, "
            + "size_bytes, content_type, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, 'a.pdf', 1, "
            + "'application/pdf', '" + "b".repeat(64) + "', 'x', ?)";
        assertThatThrownBy(() -> jdbc.sql(insert).params("UNIT_PLAN", null, "XC1", null, AT).update())
            .as("a unit plan without its unit").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("UNIT_PLAN", "XC1-01-01", "XC1", "siming", AT).update())
            .as("a unit plan with a measure").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("MEASURE_REPORT", null, null, null, AT).update())
            .as("a report's file without its measure").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql(insert).params("UNIT_PLAN", null, "XC1", "siming", AT).update()).isEqualTo(1);
    }
}
