package org.rectiflow.plan;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plan versions, their measures and changes, comments, decisions and unit plans in the ledger. */
@Repository
public class PlanRepository {

    public record Comment(int commentRound, int versionNo, String reviewer, String measureCode, String text,
                          boolean noComment, String by) {
    }

    public record Change(int versionNo, String measureCode, String oldContent, String newContent) {
    }

    private final JdbcClient jdbc;

    public PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a version with the measures as they stand now; returns its id. */
    public long insertVersion(String roundCode, int versionNo, String summary, String notes, String by, Timestamp at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_version (round_code, version_no, summary, notes, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(roundCode, versionNo, summary, notes, by, at).update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("""
                INSERT INTO plan_version_measure (version_id, measure_code, content)
                SELECT ?, code, content FROM measure WHERE round_code = ?""")
            .params(id, roundCode).update();
        return id;
    }

    public int newestVersion(String roundCode) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) FROM plan_version WHERE round_code = ?").param(roundCode)
            .query(Integer.class).single();
    }

    public void updateSummary(String roundCode, int versionNo, String summary) {
        jdbc.sql("UPDATE plan_version SET summary = ? WHERE round_code = ? AND version_no = ?")
            .params(summary, roundCode, versionNo).update();
    }

    public void insertChange(long versionId, String measureCode, String oldContent, String newContent) {
        jdbc.sql("INSERT INTO plan_change (version_id, measure_code, old_content, new_content) VALUES (?, ?, ?, ?)")
            .params(versionId, measureCode, oldContent, newContent).update();
    }

    public List<Change> changes(String roundCode) {
        return jdbc.sql("""
                SELECT v.version_no, c.measure_code, c.old_content, c.new_content
                FROM plan_change c JOIN plan_version v ON v.id = c.version_id
                WHERE v.round_code = ? ORDER BY v.version_no, c.id""")
            .param(roundCode)
            .query((rs, n) -> new Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** A measure of a plan version as the comment form lists it: its code, responsible unit and content then. */
    public record VersionMeasure(String code, String unit, String content) {
    }

    /** The measures of a plan version, in the plan's order (problem, then measure), with their unit's name. */
    public List<VersionMeasure> versionMeasures(String roundCode, int versionNo) {
        return jdbc.sql("""
                SELECT vm.measure_code, u.name, vm.content
                FROM plan_version_measure vm
                JOIN plan_version v ON v.id = vm.version_id
                JOIN measure m ON m.code = vm.measure_code
                JOIN problem p ON p.id = m.problem_id
                JOIN org_unit u ON u.code = m.unit_code
                WHERE v.round_code = ? AND v.version_no = ?
                ORDER BY p.seq, m.seq""")
            .params(roundCode, versionNo)
            .query((rs, n) -> new VersionMeasure(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public String versionContent(String roundCode, int versionNo, String measureCode) {
        return jdbc.sql("""
                SELECT vm.content FROM plan_version_measure vm JOIN plan_version v ON v.id = vm.version_id
                WHERE v.round_code = ? AND v.version_no = ? AND vm.measure_code = ?""")
            .params(roundCode, versionNo, measureCode).query(String.class).single();
    }

    public void insertComment(String roundCode, int commentRound, int versionNo, String reviewer, String measureCode,
                              String text, boolean noComment, String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO plan_comment (round_code, comment_round, version_no, reviewer, measure_code, comment_text,
                                          no_comment, commented_by, commented_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(roundCode, commentRound, versionNo, reviewer, measureCode, text, noComment, by, at).update();
    }

    public List<Comment> comments(String roundCode) {
        return jdbc.sql("""
                SELECT comment_round, version_no, reviewer, measure_code, comment_text, no_comment, commented_by
                FROM plan_comment WHERE round_code = ? ORDER BY comment_round, id""")
            .param(roundCode)
            .query((rs, n) -> new Comment(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7)))
            .list();
    }

    public void insertDecision(String roundCode, int versionNo, String decision, String reason, String by,
                               Timestamp at) {
        jdbc.sql("""
                INSERT INTO plan_decision (round_code, version_no, decision, reason, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(roundCode, versionNo, decision, reason, by, at).update();
    }

    public List<String> decisions(String roundCode) {
        return jdbc.sql("SELECT decision FROM plan_decision WHERE round_code = ? ORDER BY id").param(roundCode)
            .query(String.class).list();
    }

    public int unitPlanSubmissions(String roundCode, String unitCode) {
        return jdbc.sql("SELECT COUNT(*) FROM unit_plan WHERE round_code = ? AND unit_code = ?")
            .params(roundCode, unitCode).query(Integer.class).single();
    }

    public void insertUnitPlan(String roundCode, String unitCode, int submission, String planText, String decision,
                               String comment, String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO unit_plan (round_code, unit_code, submission, plan_text, decision, comment_text, decided_by,
                                       decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(roundCode, unitCode, submission, planText, decision, comment, by, at).update();
    }
}
