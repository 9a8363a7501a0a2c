package org.rectiflow.inspection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rounds, categories, problems and meetings in the ledger. */
@Repository
public class RoundRepository {

    public enum RoundStatus { REGISTERED, IN_RECTIFICATION, COMPLETED }

    public enum ProblemStatus { OPEN, CLOSED }

    public record Round(String code, String title, String inspectionGroup, String inspectedOrganisation,
                        LocalDate feedbackDate, LocalDate registeredOn, RoundStatus status,
                        String processInstanceId, LocalDate reportSubmittedOn) {
    }

    public record ProblemRow(long id, String roundCode, int seq, String title, String keyGroupCode,
                             ProblemStatus status) {
    }

    private final JdbcClient jdbc;

    public RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public void insertRound(RoundRegistration r, LocalDate registeredOn, Timestamp now) {
        jdbc.sql("""
                INSERT INTO inspection_round (code, title, inspection_group, inspected_org, inspected_short_name,
                    inspection_start, inspection_end, feedback_date, registered_on, historical, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.code(), r.title(), r.inspectionGroup(), r.inspectedOrganisation(), r.inspectedShortName(),
                r.inspectionStart(), r.inspectionEnd(), r.feedbackDate(), registeredOn, r.historical(),
                RoundStatus.REGISTERED.name(), now)
            .update();
    }

    /**
     * For a round registered as a historical record, the day it was recorded here: the escalation ladder sends no
     * step dated before it. Empty for a round that is not historical.
     */
    public java.util.Optional<LocalDate> historicalRecordedOn(String code, java.time.ZoneId zone) {
        return jdbc.sql("SELECT created_at FROM inspection_round WHERE code = ? AND historical = TRUE").param(code)
            .query(java.sql.Timestamp.class).optional().map(t -> t.toInstant().atZone(zone).toLocalDate());
    }

    /**
     * True for a round the office registered as a historical record ({@link RoundRegistration#historical()}):
     * its deadlines may lie before its registration, and no reminder is due for a date already past then.
     * False for a round that does not exist.
     */
    public boolean isHistorical(String code) {
        return jdbc.sql("SELECT historical FROM inspection_round WHERE code = ?").param(code)
            .query(Boolean.class).optional().orElse(false);
    }

    public long insertCategory(String roundCode, int seq, String title) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO problem_category (round_code, seq, title) VALUES (?, ?, ?)")
            .params(roundCode, seq, title).update(key, "id");
        return key.getKey().longValue();
    }

    public long insertProblem(String roundCode, long categoryId, int seq, String title, String keyGroup) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO problem (round_code, category_id, seq, title, key_group_code, status)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(roundCode, categoryId, seq, title, keyGroup, ProblemStatus.OPEN.name()).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Round> round(String code) {
        return jdbc.sql("""
                SELECT code, title, inspection_group, inspected_org, feedback_date, registered_on, status,
                       process_instance_id, report_submitted_on
                FROM inspection_round WHERE code = ?""")
            .param(code)
            .query((rs, n) -> new Round(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                RoundStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class)))
            .optional();
    }

    public Round requireRound(String code) {
        return round(code).orElseThrow(() -> new IllegalStateException("No inspection round " + code));
    }

    public void setProcessInstance(String code, String processInstanceId) {
        jdbc.sql("UPDATE inspection_round SET process_instance_id = ? WHERE code = ?")
            .params(processInstanceId, code).update();
    }

    public void setStatus(String code, RoundStatus status, Timestamp completedAt) {
        jdbc.sql("UPDATE inspection_round SET status = ?, completed_at = ? WHERE code = ?")
            .params(status.name(), completedAt, code).update();
    }

    public void recordReport(String code, LocalDate submittedOn, String reference, String summary) {
        jdbc.sql("""
                UPDATE inspection_round SET report_submitted_on = ?, report_reference = ?, report_summary = ?
                WHERE code = ?""")
            .params(submittedOn, reference, summary, code).update();
    }

    public void recordPublication(String code, String note, java.time.LocalDate publishedOn) {
        jdbc.sql("UPDATE inspection_round SET public_note = ?, published_on = ? WHERE code = ?")
            .params(note, publishedOn, code).update();
    }

    public java.util.Optional<java.time.LocalDate> publishedOn(String code) {
        return jdbc.sql("SELECT published_on FROM inspection_round WHERE code = ?").param(code)
            .query((rs, n) -> rs.getObject(1, java.time.LocalDate.class)).optional().filter(d -> d != null);
    }

    public void insertPublicNoteDecision(String code, String note, String decision, String comment, String by,
                                         Timestamp at) {
        jdbc.sql("""
                INSERT INTO public_note_decision (round_code, public_note, decision, comment_text, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(code, note, decision, comment, by, at).update();
    }

    /** The first leading-group meeting's step records it as one of the round's work records ({@link WorkRecordKind}). */
    public void insertMeeting(String roundCode, LocalDate heldOn, String title, String attendees, String decisions,
                              String recordedBy, Timestamp at) {
        jdbc.sql("""
                INSERT INTO round_work_record (round_code, kind, held_on, title, participants, summary, recorded_by,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(roundCode, WorkRecordKind.LEADING_GROUP_MEETING.name(), heldOn, title, attendees, decisions,
                recordedBy, at).update();
    }

    /** The leading-group meetings recorded, by their own step or as work records. */
    public int meetingCount(String roundCode) {
        return jdbc.sql("SELECT COUNT(*) FROM round_work_record WHERE round_code = ? AND kind = ?")
            .params(roundCode, WorkRecordKind.LEADING_GROUP_MEETING.name()).query(Integer.class).single();
    }

    /** The units with measures in a round, in the organisation's order. */
    public List<String> unitCodes(String roundCode) {
        return jdbc.sql("""
                SELECT u.code FROM org_unit u
                WHERE EXISTS (SELECT 1 FROM measure m WHERE m.round_code = ? AND m.unit_code = u.code)
                ORDER BY u.sort_order, u.code""")
            .param(roundCode).query(String.class).list();
    }

    /** The unit's measures of the round that have not started (no instance of their own yet), in order. */
    public List<String> measuresNotStarted(String roundCode, String unitCode) {
        return jdbc.sql("""
                SELECT m.code FROM measure m JOIN problem p ON p.id = m.problem_id
                WHERE m.round_code = ? AND m.unit_code = ? AND m.process_instance_id IS NULL ORDER BY p.seq, m.seq""")
            .params(roundCode, unitCode).query(String.class).list();
    }

    public List<String> measureCodes(String roundCode, String unitCode) {
        return jdbc.sql("""
                SELECT m.code FROM measure m JOIN problem p ON p.id = m.problem_id
                WHERE m.round_code = ? AND m.unit_code = ? ORDER BY p.seq, m.seq""")
            .params(roundCode, unitCode).query(String.class).list();
    }

    /** Locks a problem's row until the transaction ends, so that two measures closing at once see each other. */
    public ProblemRow lockProblem(long problemId) {
        return jdbc.sql("""
                SELECT id, round_code, seq, title, key_group_code, status FROM problem WHERE id = ? FOR UPDATE""")
            .param(problemId)
            .query((rs, n) -> new ProblemRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), ProblemStatus.valueOf(rs.getString(6))))
            .single();
    }

    public void closeProblem(long problemId, Timestamp at) {
        jdbc.sql("UPDATE problem SET status = ?, closed_at = ? WHERE id = ?")
            .params(ProblemStatus.CLOSED.name(), at, problemId).update();
    }

    public void reopenProblem(long problemId) {
        jdbc.sql("UPDATE problem SET status = ?, closed_at = NULL WHERE id = ?")
            .params(ProblemStatus.OPEN.name(), problemId).update();
    }

    public long countProblems(String roundCode, ProblemStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM problem WHERE round_code = ? AND status = ?")
            .params(roundCode, status.name()).query(Long.class).single();
    }
}
