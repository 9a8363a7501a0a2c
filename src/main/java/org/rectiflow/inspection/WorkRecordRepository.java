package org.rectiflow.inspection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A round's work records (round_work_record, ledger V12) and the text the office wrote for its public report
 * (round_report_text). The report reads both through report/ReportReadModel.
 */
@Repository
public class WorkRecordRepository {

    /** The office's own text for a round's public report; a null part is generated or taken from the settings. */
    public record ReportText(String nextSteps, String contact, String issuer) {
    }

    private final JdbcClient jdbc;

    public WorkRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String roundCode, WorkRecordKind kind, LocalDate heldOn, String title, String participants,
                       String summary, String recordedBy, Timestamp at) {
        jdbc.sql("""
                INSERT INTO round_work_record (round_code, kind, held_on, title, participants, summary, recorded_by,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(roundCode, kind.name(), heldOn, title, participants, summary, recordedBy, at).update();
    }

    public int count(String roundCode, WorkRecordKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM round_work_record WHERE round_code = ? AND kind = ?")
            .params(roundCode, kind.name()).query(Integer.class).single();
    }

    public Optional<ReportText> reportText(String roundCode) {
        return jdbc.sql("SELECT next_steps, contact, issuer FROM round_report_text WHERE round_code = ?")
            .param(roundCode)
            .query((rs, n) -> new ReportText(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Replaces the round's report text: what the office leaves empty is generated again. */
    public void saveReportText(String roundCode, ReportText text, String by, Timestamp at) {
        int updated = jdbc.sql("""
                UPDATE round_report_text SET next_steps = ?, contact = ?, issuer = ?, updated_by = ?, updated_at = ?
                WHERE round_code = ?""")
            .params(text.nextSteps(), text.contact(), text.issuer(), by, at, roundCode).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO round_report_text (round_code, next_steps, contact, issuer, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                .params(roundCode, text.nextSteps(), text.contact(), text.issuer(), by, at).update();
        }
    }
}
