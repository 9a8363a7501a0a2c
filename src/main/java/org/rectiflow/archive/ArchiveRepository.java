package org.rectiflow.archive;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the archive reads of the ledger: the round, its measures with their problems, and each measure's record. */
@Repository
public class ArchiveRepository {

    public record Round(String code, String title, String inspectionGroup, String inspectedOrg, LocalDate feedbackDate) {
    }

    public record MeasureRow(String code, long problemId, int categorySeq, String categoryTitle, int problemSeq, String problemTitle,
                             String problemStatus, LocalDateTime problemClosedAt, String content, String unitCode,
                             String unitName, String leadUnitCode, String leader, LocalDate deadline, String kind,
                             String status, String outcome, String progress, String completionSummary,
                             int reworkCount, LocalDateTime closedAt) {

        /** The measure's code without its measure number, as measure/Measure.problemRef. */
        public String problemRef() {
            return code.substring(0, code.lastIndexOf('-'));
        }
    }

    public record History(String from, String to, String actor, String reason, LocalDateTime at) {
    }

    public record TextEvidence(int reportNo, String description, String by, LocalDateTime at) {
    }

    public record Notice(String step, String colour, LocalDate stepDate, String reason, String by, LocalDateTime at) {
    }

    public record SignOff(String outcome, String reviewedBy, String reviewComment, String signedOffBy,
                          String signOffComment, LocalDateTime archivedAt) {
    }

    public record Mechanism(String title, String docNumber, String issuer, LocalDate issuedOn, String revision) {
    }

    private final JdbcClient jdbc;

    public ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Round> round(String code) {
        return jdbc.sql("SELECT code, title, inspection_group, inspected_org, feedback_date FROM inspection_round "
                + "WHERE code = ?")
            .param(code)
            .query((rs, row) -> new Round(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate()))
            .optional();
    }

    /** The round's measures, in the order of the report: category, problem, measure. */
    public List<MeasureRow> measures(String roundCode) {
        return jdbc.sql("""
                SELECT m.code, p.id, c.seq, c.title, p.seq, p.title, p.status, p.closed_at, m.content, m.unit_code, u.name,
                       k.lead_unit_code, m.leader_user_id, m.deadline, m.kind, m.status, m.outcome, m.progress,
                       m.completion_summary, m.rework_count, m.closed_at
                FROM measure m
                JOIN problem p ON p.id = m.problem_id
                JOIN problem_category c ON c.id = p.category_id
                JOIN org_unit u ON u.code = m.unit_code
                JOIN org_key_group k ON k.code = p.key_group_code
                WHERE m.round_code = ?
                ORDER BY c.seq, p.seq, m.seq""")
            .param(roundCode)
            .query((rs, row) -> new MeasureRow(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), time(rs.getTimestamp(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getDate(14).toLocalDate(),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getInt(20), time(rs.getTimestamp(21))))
            .list();
    }

    /** The status history of a measure ({@code MEASURE}) or a problem ({@code PROBLEM}), oldest first. */
    public List<History> history(String entityType, String ref) {
        return jdbc.sql("SELECT from_status, to_status, actor, reason, changed_at FROM status_history "
                + "WHERE entity_type = ? AND entity_ref = ? ORDER BY changed_at, id")
            .params(entityType, ref)
            .query((rs, row) -> new History(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                time(rs.getTimestamp(5))))
            .list();
    }

    /** The 佐证材料 text of each report. */
    public List<TextEvidence> textEvidence(String measureCode) {
        return jdbc.sql("SELECT report_no, description, submitted_by, submitted_at FROM evidence "
                + "WHERE measure_code = ? ORDER BY report_no, id")
            .param(measureCode)
            .query((rs, row) -> new TextEvidence(rs.getInt(1), rs.getString(2), rs.getString(3),
                time(rs.getTimestamp(4))))
            .list();
    }

    /** The supervision notices (督办提醒单). */
    public List<Notice> notices(String measureCode) {
        return jdbc.sql("SELECT step, colour, step_date, reason, issued_by, issued_at FROM supervision_notice "
                + "WHERE measure_code = ? ORDER BY issued_at, id")
            .param(measureCode)
            .query((rs, row) -> new Notice(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getString(4), rs.getString(5), time(rs.getTimestamp(6))))
            .list();
    }

    /** The sign-off (or hand-over) record, once written. */
    public Optional<SignOff> signOff(String measureCode) {
        return jdbc.sql("SELECT outcome, reviewed_by, review_comment, signed_off_by, sign_off_comment, archived_at "
                + "FROM measure_archive WHERE measure_code = ?")
            .param(measureCode)
            .query((rs, row) -> new SignOff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), time(rs.getTimestamp(6))))
            .optional();
    }

    /** The mechanisms (制度机制) that answer the measure. */
    public List<Mechanism> mechanisms(String measureCode) {
        return jdbc.sql("""
                SELECT x.title, x.doc_number, x.issuer, x.issued_on, x.revision
                FROM mechanism x JOIN mechanism_measure mm ON mm.mechanism_id = x.id
                WHERE mm.measure_code = ? ORDER BY x.issued_on, x.id""")
            .param(measureCode)
            .query((rs, row) -> new Mechanism(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getString(5)))
            .list();
    }

    /** Records the problem's archive as final, unless it already is; true when this call recorded it. */
    public boolean recordFinal(long problemId, String roundCode, String problemRef, int fileCount,
                               String manifestSha256, String by, Timestamp at) {
        return jdbc.sql("""
                INSERT INTO problem_archive (problem_id, round_code, problem_ref, file_count, manifest_sha256,
                    produced_by, produced_at)
                SELECT ?, ?, ?, ?, ?, ?, ? FROM inspection_round
                WHERE code = ? AND NOT EXISTS (SELECT 1 FROM problem_archive WHERE problem_id = ?)""")
            .params(problemId, roundCode, problemRef, fileCount, manifestSha256, by, at, roundCode, problemId)
            .update() == 1;
    }

    private static LocalDateTime time(Timestamp at) {
        return at == null ? null : at.toLocalDateTime();
    }
}
