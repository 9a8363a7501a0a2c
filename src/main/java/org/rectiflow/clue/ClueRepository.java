package org.rectiflow.clue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rectiflow.ledger.InsertIfAbsent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clues, accountability records and clue notices in the ledger. */
@Repository
public class ClueRepository {

    public record Clue(String code, String roundCode, int seq, ClueKind kind, String reference, String summary,
                       LocalDate receivedOn, ClueStatus status, String duplicateOf, Triage triage,
                       VerificationResult verificationResult, LawOutcome lawOutcome) {
    }

    public record Accountability(String clueCode, String person, AccountabilityForm form) {
    }

    private static final String SELECT = """
            SELECT code, round_code, seq, kind, reference, summary, received_on, status, duplicate_of, triage,
                   verification_result, law_outcome
            FROM clue""";

    private final JdbcClient jdbc;
    private final String insertNotice;

    public ClueRepository(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insertNotice = insertIfAbsent.sql("clue_notice", "notice_key", "clue_code", "step", "step_date", "reason",
            "issued_at");
    }

    public void insert(String code, String roundCode, int seq, ClueKind kind, String reference, String summary,
                       LocalDate receivedOn) {
        jdbc.sql("""
                INSERT INTO clue (code, round_code, seq, kind, reference, summary, received_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(code, roundCode, seq, kind.name(), reference, summary, receivedOn, ClueStatus.REGISTERED.name())
            .update();
    }

    public Clue require(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(this::map).optional()
            .orElseThrow(() -> new IllegalStateException("No clue " + code + " in the ledger"));
    }

    public List<Clue> ofRound(String roundCode) {
        return jdbc.sql(SELECT + " WHERE round_code = ? ORDER BY seq").param(roundCode).query(this::map).list();
    }

    public List<String> codes(String roundCode) {
        return jdbc.sql("SELECT code FROM clue WHERE round_code = ? ORDER BY seq").param(roundCode)
            .query(String.class).list();
    }

    /**
     * The earliest clue of the same round and kind, before this one, with the same reference or the same
     * content (whitespace aside) that is not itself a duplicate.
     */
    public Optional<String> earlierSame(Clue clue) {
        return jdbc.sql("""
                SELECT code FROM clue
                WHERE round_code = ? AND kind = ? AND seq < ? AND duplicate_of IS NULL
                  AND (reference = ? OR REPLACE(REPLACE(summary, ' ', ''), '　', '') = ?)
                ORDER BY seq FETCH FIRST 1 ROWS ONLY""")
            .params(clue.roundCode(), clue.kind().name(), clue.seq(), clue.reference(),
                clue.summary().replace(" ", "").replace("　", ""))
            .query(String.class).optional();
    }

    public void setProcessInstance(String code, String processInstanceId) {
        jdbc.sql("UPDATE clue SET process_instance_id = ? WHERE code = ?").params(processInstanceId, code).update();
    }

    public void markDuplicate(String code, String original) {
        jdbc.sql("UPDATE clue SET status = ?, duplicate_of = ? WHERE code = ?")
            .params(ClueStatus.DUPLICATE.name(), original, code).update();
    }

    public void setStatus(String code, ClueStatus status) {
        jdbc.sql("UPDATE clue SET status = ? WHERE code = ?").params(status.name(), code).update();
    }

    public void saveTriage(String code, Triage triage, String reason, LocalDate verificationDue, ClueStatus status) {
        jdbc.sql("UPDATE clue SET triage = ?, triage_reason = ?, verification_due = ?, status = ? WHERE code = ?")
            .params(triage.name(), reason, verificationDue, status.name(), code).update();
    }

    public void saveVerification(String code, VerificationResult result, String findings) {
        jdbc.sql("UPDATE clue SET verification_result = ?, findings = ? WHERE code = ?")
            .params(result.name(), findings, code).update();
    }

    public void saveLawOutcome(String code, LawOutcome outcome, String handling) {
        jdbc.sql("UPDATE clue SET law_outcome = ?, handling = ? WHERE code = ?")
            .params(outcome.name(), handling, code).update();
    }

    public void markReported(String code, Timestamp at) {
        jdbc.sql("UPDATE clue SET status = ?, reported_at = ? WHERE code = ?")
            .params(ClueStatus.REPORTED.name(), at, code).update();
    }

    public void insertAccountability(String code, int lineNo, String person, AccountabilityForm form, String by,
                                     Timestamp at) {
        jdbc.sql("""
                INSERT INTO accountability (clue_code, line_no, person, form, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(code, lineNo, person, form.name(), by, at).update();
    }

    public List<Accountability> accountability(String roundCode) {
        return jdbc.sql("""
                SELECT a.clue_code, a.person, a.form FROM accountability a JOIN clue c ON c.code = a.clue_code
                WHERE c.round_code = ? ORDER BY a.clue_code, a.line_no""")
            .param(roundCode)
            .query((rs, n) -> new Accountability(rs.getString(1), rs.getString(2),
                AccountabilityForm.valueOf(rs.getString(3))))
            .list();
    }

    public boolean insertNoticeIfAbsent(String key, String code, String step, LocalDate stepDate, String reason,
                                        Timestamp at) {
        return jdbc.sql(insertNotice).params(key, code, step, stepDate, reason, at, key).update() == 1;
    }

    public long noticeCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM clue_notice WHERE clue_code = ?").param(code).query(Long.class).single();
    }

    private Clue map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Clue(rs.getString(1), rs.getString(2), rs.getInt(3), ClueKind.valueOf(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), ClueStatus.valueOf(rs.getString(8)),
            rs.getString(9), rs.getString(10) == null ? null : Triage.valueOf(rs.getString(10)),
            rs.getString(11) == null ? null : VerificationResult.valueOf(rs.getString(11)),
            rs.getString(12) == null ? null : LawOutcome.valueOf(rs.getString(12)));
    }
}
