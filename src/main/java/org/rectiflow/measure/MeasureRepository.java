package org.rectiflow.measure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Measures, their evidence, archive records and interviews in the ledger. */
@Repository
public class MeasureRepository {

    /** A measure with what a task, a notice or a notification shows of it. */
    public record Measure(String code, String roundCode, long problemId, int problemSeq, String problemTitle,
                          String keyGroupCode, String leadUnitCode, int seq, String content, String unitCode,
                          String unitName, String leaderUserId, String leaderName, LocalDate deadline,
                          MeasureKind kind, MeasureStatus status, String progress, String completionSummary,
                          ReportStatus reportStatus, int reworkCount, String managedBy,
                          String processInstanceId) {
    }

    public record Archive(String measureCode, String outcome, String completionSummary, int evidenceCount,
                          int noticeCount, int reworkCount, String reviewedBy, String signedOffBy) {
    }

    public static final String MANAGED_BY_SUPERVISION = "SUPERVISION";
    public static final String MANAGED_BY_NORMAL_MANAGEMENT = "NORMAL_MANAGEMENT";

    private static final String SELECT = """
            SELECT m.code, m.round_code, m.problem_id, p.seq, p.title, p.key_group_code, k.lead_unit_code, m.seq,
                   m.content, m.unit_code, u.name, m.leader_user_id, COALESCE(l.display_name, m.leader_user_id),
                   m.deadline, m.kind, m.status, m.progress, m.completion_summary, m.report_status, m.rework_count,
                   m.managed_by, m.process_instance_id
            FROM measure m
            JOIN problem p ON p.id = m.problem_id
            JOIN org_key_group k ON k.code = p.key_group_code
            JOIN org_unit u ON u.code = m.unit_code
            LEFT JOIN org_user l ON l.user_id = m.leader_user_id
            """;

    private final JdbcClient jdbc;

    public MeasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String code, String roundCode, long problemId, int seq, String content, String unit,
                       String leader, LocalDate deadline, MeasureKind kind) {
        jdbc.sql("""
                INSERT INTO measure (code, round_code, problem_id, seq, content, unit_code, leader_user_id, deadline,
                                     kind, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(code, roundCode, problemId, seq, content, unit, leader, deadline, kind.name(),
                MeasureStatus.REGISTERED.name())
            .update();
    }

    public Optional<Measure> find(String code) {
        return jdbc.sql(SELECT + " WHERE m.code = ?").param(code)
            .query((rs, n) -> new Measure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getObject(14, LocalDate.class),
                MeasureKind.valueOf(rs.getString(15)), MeasureStatus.valueOf(rs.getString(16)), rs.getString(17),
                rs.getString(18), rs.getString(19) == null ? null : ReportStatus.valueOf(rs.getString(19)),
                rs.getInt(20), rs.getString(21), rs.getString(22)))
            .optional();
    }

    public Measure require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("No measure " + code + " in the ledger"));
    }

    public void setStatus(String code, MeasureStatus status) {
        jdbc.sql("UPDATE measure SET status = ? WHERE code = ?").params(status.name(), code).update();
    }

    public void setManagedBy(String code, String managedBy) {
        jdbc.sql("UPDATE measure SET managed_by = ? WHERE code = ?").params(managedBy, code).update();
    }

    /** Reopens a closed measure with a new deadline. */
    public void reopen(String code, LocalDate deadline) {
        jdbc.sql("UPDATE measure SET status = ?, deadline = ?, closed_at = NULL, process_instance_id = NULL WHERE code = ?")
            .params(MeasureStatus.IN_PROGRESS.name(), deadline, code).update();
    }

    /** The long-term measures of a round that are not closed and still under the supervision group. */
    public java.util.List<String> openLongTerm(String roundCode) {
        return jdbc.sql("""
                SELECT code FROM measure WHERE round_code = ? AND kind = ? AND status NOT IN (?, ?) AND managed_by = ?
                ORDER BY code""")
            .params(roundCode, MeasureKind.LONG_TERM.name(), MeasureStatus.SIGNED_OFF.name(),
                MeasureStatus.NORMAL_MANAGEMENT.name(), MANAGED_BY_SUPERVISION)
            .query(String.class).list();
    }

    public void updateContent(String code, String content) {
        jdbc.sql("UPDATE measure SET content = ? WHERE code = ?").params(content, code).update();
    }

    public void setProcessInstance(String code, String processInstanceId) {
        jdbc.sql("UPDATE measure SET process_instance_id = ? WHERE code = ?").params(processInstanceId, code).update();
    }

    public void saveReport(String code, String progress, String completionSummary, ReportStatus reportStatus,
                           Timestamp at) {
        jdbc.sql("""
                UPDATE measure SET status = ?, progress = ?, completion_summary = ?, report_status = ?, reported_at = ?
                WHERE code = ?""")
            .params(MeasureStatus.REPORTED.name(), progress, completionSummary, reportStatus.name(), at, code)
            .update();
    }

    /** Counts one more rejection and returns the new count. */
    public int incrementRework(String code) {
        jdbc.sql("UPDATE measure SET rework_count = rework_count + 1, status = ? WHERE code = ?")
            .params(MeasureStatus.REWORK.name(), code).update();
        return jdbc.sql("SELECT rework_count FROM measure WHERE code = ?").param(code).query(Integer.class).single();
    }

    public void close(String code, MeasureStatus status, Timestamp at) {
        jdbc.sql("UPDATE measure SET status = ?, closed_at = ? WHERE code = ?").params(status.name(), at, code).update();
    }

    /** True when every measure of the problem is signed off or handed over. */
    public boolean allClosed(long problemId) {
        return jdbc.sql("SELECT COUNT(*) FROM measure WHERE problem_id = ? AND status NOT IN (?, ?)")
            .params(problemId, MeasureStatus.SIGNED_OFF.name(), MeasureStatus.NORMAL_MANAGEMENT.name())
            .query(Long.class).single() == 0;
    }

    public void insertEvidence(String code, int reportNo, String description, String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO evidence (measure_code, report_no, description, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(code, reportNo, description, by, at).update();
    }

    /** The description of the evidence of the measure's latest report. */
    public java.util.Optional<String> latestEvidence(String code) {
        return jdbc.sql("SELECT description FROM evidence WHERE measure_code = ? ORDER BY report_no DESC")
            .param(code).query(String.class).stream().findFirst();
    }

    public int evidenceCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence WHERE measure_code = ?").param(code).query(Integer.class).single();
    }

    /** Writes the measure's archive record; a measure reopened and closed again gets its record renewed. */
    public void insertArchive(Archive archive, String reviewComment, String signOffComment, Timestamp at) {
        if (jdbc.sql("""
                UPDATE measure_archive SET outcome = ?, completion_summary = ?, evidence_count = ?, notice_count = ?,
                    rework_count = ?, reviewed_by = ?, review_comment = ?, signed_off_by = ?, sign_off_comment = ?,
                    archived_at = ?
                WHERE measure_code = ?""")
            .params(archive.outcome(), archive.completionSummary(), archive.evidenceCount(), archive.noticeCount(),
                archive.reworkCount(), archive.reviewedBy(), reviewComment, archive.signedOffBy(), signOffComment, at,
                archive.measureCode())
            .update() == 1) {
            return;
        }
        jdbc.sql("""
                INSERT INTO measure_archive (measure_code, outcome, completion_summary, evidence_count, notice_count,
                    rework_count, reviewed_by, review_comment, signed_off_by, sign_off_comment, archived_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(archive.measureCode(), archive.outcome(), archive.completionSummary(), archive.evidenceCount(),
                archive.noticeCount(), archive.reworkCount(), archive.reviewedBy(), reviewComment,
                archive.signedOffBy(), signOffComment, at)
            .update();
    }

    public Optional<Archive> archive(String code) {
        return jdbc.sql("""
                SELECT measure_code, outcome, completion_summary, evidence_count, notice_count, rework_count,
                       reviewed_by, signed_off_by
                FROM measure_archive WHERE measure_code = ?""")
            .param(code)
            .query((rs, n) -> new Archive(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
            .optional();
    }

    public void insertInterview(String code, LocalDate heldOn, String interviewee, String record, String by,
                                Timestamp at) {
        jdbc.sql("""
                INSERT INTO interview (measure_code, held_on, interviewee, record, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(code, heldOn, interviewee, record, by, at).update();
    }

    /** Measures of a round by status. */
    public Map<MeasureStatus, Long> countByStatus(String roundCode) {
        Map<MeasureStatus, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM measure WHERE round_code = ? GROUP BY status").param(roundCode)
            .query(rs -> {
                counts.put(MeasureStatus.valueOf(rs.getString(1)), rs.getLong(2));
            });
        return counts;
    }
}
