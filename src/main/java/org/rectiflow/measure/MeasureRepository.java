package org.rectiflow.measure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rectiflow.common.deadline.Outcome;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Measures, their evidence, archive records and interviews in the ledger, and what closing or reopening a
 * measure changes of its problem and reads of its notices (here rather than through the inspection and
 * supervision packages, which themselves depend on measures). The SQL only: what a change means, {@link Measure}
 * and {@link MeasureService} decide.
 */
@Repository
public class MeasureRepository {

    public record Archive(String measureCode, String outcome, String completionSummary, int evidenceCount,
                          int noticeCount, int reworkCount, String reviewedBy, String signedOffBy) {
    }

    /**
     * The problem a measure answers, as closing or reopening the measure sees it: the last of its measures to
     * close closes it, a reopened measure opens it again. (The status history names it by
     * {@link Measure#problemRef()}.)
     */
    public record Problem(long id, boolean closed) {
    }

    /** The ledger's names of a problem's statuses (inspection's {@code RoundRepository.ProblemStatus}). */
    static final String PROBLEM_OPEN = "OPEN";
    static final String PROBLEM_CLOSED = "CLOSED";

    private static final String SELECT = """
            SELECT m.code, m.round_code, m.problem_id, p.seq AS problem_seq, p.title AS problem_title,
                   p.key_group_code, k.lead_unit_code, m.seq, m.content, m.unit_code, u.name AS unit_name,
                   m.leader_user_id, COALESCE(l.display_name, m.leader_user_id) AS leader_name, m.deadline, m.kind,
                   m.status, m.progress, m.completion_summary, m.report_status, m.rework_count, m.managed_by,
                   m.process_instance_id, m.outcome, m.not_done_reason, m.planned_date
            FROM measure m
            JOIN problem p ON p.id = m.problem_id
            JOIN org_key_group k ON k.code = p.key_group_code
            JOIN org_unit u ON u.code = m.unit_code
            LEFT JOIN org_user l ON l.user_id = m.leader_user_id
            """;

    /** A row of {@link #SELECT}, read by column name. */
    private static final RowMapper<Measure> MEASURE = (rs, n) -> {
        String reportStatus = rs.getString("report_status");
        return new Measure(rs.getString("code"), rs.getString("round_code"), rs.getLong("problem_id"),
            rs.getInt("problem_seq"), rs.getString("problem_title"), rs.getString("key_group_code"),
            rs.getString("lead_unit_code"), rs.getInt("seq"), rs.getString("content"), rs.getString("unit_code"),
            rs.getString("unit_name"), rs.getString("leader_user_id"), rs.getString("leader_name"),
            rs.getObject("deadline", LocalDate.class), MeasureKind.valueOf(rs.getString("kind")),
            MeasureStatus.valueOf(rs.getString("status")), rs.getString("progress"),
            rs.getString("completion_summary"), reportStatus == null ? null : ReportStatus.valueOf(reportStatus),
            rs.getInt("rework_count"), Measure.ManagedBy.valueOf(rs.getString("managed_by")),
            rs.getString("process_instance_id"), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("not_done_reason"), rs.getObject("planned_date", LocalDate.class));
    };

    /** The closed statuses as bind values, for {@link #NOT_CLOSED}. */
    private static final List<String> CLOSED = MeasureStatus.CLOSED.stream().map(Enum::name).sorted().toList();
    /** A measure's status is open: every status but {@link MeasureStatus#CLOSED}, bound from {@link #CLOSED}. */
    private static final String NOT_CLOSED = "status NOT IN (" + String.join(", ", Collections.nCopies(CLOSED.size(), "?"))
        + ")";

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
        return jdbc.sql(SELECT + " WHERE m.code = ?").param(code).query(MEASURE).optional();
    }

    /**
     * A unit's measures in a round, in the order of the round's problems and then of their measures (the order of
     * {@code RoundRepository.measureCodes}): one statement for what a unit's task list shows, not one per measure.
     */
    public List<Measure> ofUnit(String roundCode, String unitCode) {
        return jdbc.sql(SELECT + " WHERE m.round_code = ? AND m.unit_code = ? ORDER BY p.seq, m.seq")
            .params(roundCode, unitCode).query(MEASURE).list();
    }

    public Measure require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("No measure " + code + " in the ledger"));
    }

    public void setStatus(String code, MeasureStatus status) {
        jdbc.sql("UPDATE measure SET status = ? WHERE code = ?").params(status.name(), code).update();
    }

    public void setManagedBy(String code, Measure.ManagedBy managedBy) {
        jdbc.sql("UPDATE measure SET managed_by = ? WHERE code = ?").params(managedBy.name(), code).update();
    }

    /**
     * Writes a reopened measure: its status, outcome and new deadline, not closed, no instance until a new one
     * starts.
     */
    public void reopen(Measure reopened) {
        jdbc.sql("""
                UPDATE measure SET status = ?, outcome = ?, not_done_reason = NULL, planned_date = NULL, deadline = ?,
                    closed_at = NULL, process_instance_id = ?
                WHERE code = ?""")
            .params(reopened.status().name(), reopened.outcome().name(), reopened.deadline(),
                reopened.processInstanceId(), reopened.code())
            .update();
    }

    /** The long-term measures of a round that are not closed and still under the supervision group. */
    public List<String> openLongTerm(String roundCode) {
        List<Object> params = new ArrayList<>(List.of(roundCode, MeasureKind.LONG_TERM.name()));
        params.addAll(CLOSED);
        params.add(Measure.ManagedBy.SUPERVISION.name());
        return jdbc.sql("SELECT code FROM measure WHERE round_code = ? AND kind = ? AND " + NOT_CLOSED
                + " AND managed_by = ? ORDER BY code")
            .params(params).query(String.class).list();
    }

    /** The unit's measures not closed yet, in every round. */
    public int openCount(String unitCode) {
        List<Object> params = new ArrayList<>(List.of(unitCode));
        params.addAll(CLOSED);
        return jdbc.sql("SELECT COUNT(*) FROM measure WHERE unit_code = ? AND " + NOT_CLOSED).params(params)
            .query(Integer.class).single();
    }

    /** The codes of the unit's measures not closed yet, in every round. */
    public List<String> openCodes(String unitCode) {
        List<Object> params = new ArrayList<>(List.of(unitCode));
        params.addAll(CLOSED);
        return jdbc.sql("SELECT code FROM measure WHERE unit_code = ? AND " + NOT_CLOSED + " ORDER BY code")
            .params(params).query(String.class).list();
    }

    /** The measures not closed yet whose key group this unit leads. */
    public List<Measure> openLedBy(String leadUnitCode) {
        List<Object> params = new ArrayList<>(List.of(leadUnitCode));
        params.addAll(CLOSED);
        return jdbc.sql(SELECT + " WHERE k.lead_unit_code = ? AND m." + NOT_CLOSED + " ORDER BY m.code")
            .params(params).query(MEASURE).list();
    }

    /**
     * Moves an open measure to another unit and records the transfer; false when the measure is no longer of
     * {@code fromUnit} (a transfer beside this one) or closed.
     */
    public boolean transfer(String code, String fromUnit, String toUnit, String reason, String actor, Timestamp at) {
        List<Object> params = new ArrayList<>(List.of(toUnit, code, fromUnit));
        params.addAll(CLOSED);
        if (jdbc.sql("UPDATE measure SET unit_code = ? WHERE code = ? AND unit_code = ? AND " + NOT_CLOSED)
            .params(params).update() == 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO measure_transfer (measure_code, from_unit_code, to_unit_code, reason, actor, transferred_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(code, fromUnit, toUnit, reason, actor, at).update();
        return true;
    }

    public void updateContent(String code, String content) {
        jdbc.sql("UPDATE measure SET content = ? WHERE code = ?").params(content, code).update();
    }

    public void setProcessInstance(String code, String processInstanceId) {
        jdbc.sql("UPDATE measure SET process_instance_id = ? WHERE code = ?").params(processInstanceId, code).update();
    }

    /**
     * Writes a reported measure (done, continuing or not done): its status, the report's texts, its outcome with a
     * 未完成's reason and planned date, and when it came; counts the report (the evidence files' report number).
     */
    public void saveReport(Measure reported, Timestamp at) {
        jdbc.sql("""
                UPDATE measure SET status = ?, progress = ?, completion_summary = ?, report_status = ?, reported_at = ?,
                    outcome = ?, not_done_reason = ?, planned_date = ?, report_count = report_count + 1
                WHERE code = ?""")
            .params(reported.status().name(), reported.progress(), reported.completionSummary(),
                reported.reportStatus().name(), at, reported.outcome().name(), reported.notDoneReason(),
                reported.plannedDate(), reported.code())
            .update();
    }

    /**
     * Writes a measure recorded 未完成 by the office: its outcome, reason and planned date, nothing else; false
     * when the measure closed meanwhile.
     */
    public boolean saveNotDone(Measure notDone) {
        List<Object> params = new ArrayList<>(List.of(notDone.outcome().name(), notDone.notDoneReason(),
            notDone.plannedDate(), notDone.code()));
        params.addAll(CLOSED);
        return jdbc.sql("UPDATE measure SET outcome = ?, not_done_reason = ?, planned_date = ? WHERE code = ? AND "
                + NOT_CLOSED)
            .params(params).update() == 1;
    }

    /** The outcome of each measure of a round. */
    public List<Outcome> outcomes(String roundCode) {
        return jdbc.sql("SELECT outcome FROM measure WHERE round_code = ?").param(roundCode)
            .query((rs, n) -> Outcome.valueOf(rs.getString(1))).list();
    }

    /** Writes a measure sent back for rework: its status and its count of rejections. */
    public void saveRework(Measure sentBack) {
        jdbc.sql("UPDATE measure SET rework_count = ?, status = ?, outcome = ? WHERE code = ?")
            .params(sentBack.reworkCount(), sentBack.status().name(), sentBack.outcome().name(), sentBack.code())
            .update();
    }

    /** Writes a closed measure: its status, its outcome (已完成整改 or 基本完成、持续推进) and when it closed. */
    public void close(Measure closed, Timestamp at) {
        jdbc.sql("""
                UPDATE measure SET status = ?, outcome = ?, not_done_reason = NULL, planned_date = NULL, closed_at = ?
                WHERE code = ?""")
            .params(closed.status().name(), closed.outcome().name(), at, closed.code()).update();
    }

    /** True when every measure of the problem is closed (signed off or handed over). */
    public boolean allClosed(long problemId) {
        List<Object> params = new ArrayList<>(List.of(problemId));
        params.addAll(CLOSED);
        return jdbc.sql("SELECT COUNT(*) FROM measure WHERE problem_id = ? AND " + NOT_CLOSED)
            .params(params).query(Long.class).single() == 0;
    }

    /** The measure's problem, locked until the transaction ends so two measures closing at once see each other. */
    public Problem lockProblem(long problemId) {
        return jdbc.sql("SELECT id, status FROM problem WHERE id = ? FOR UPDATE")
            .param(problemId)
            .query((rs, n) -> new Problem(rs.getLong("id"), PROBLEM_CLOSED.equals(rs.getString("status"))))
            .single();
    }

    public void closeProblem(long problemId, Timestamp at) {
        jdbc.sql("UPDATE problem SET status = ?, closed_at = ? WHERE id = ?").params(PROBLEM_CLOSED, at, problemId)
            .update();
    }

    public void reopenProblem(long problemId) {
        jdbc.sql("UPDATE problem SET status = ?, closed_at = NULL WHERE id = ?").params(PROBLEM_OPEN, problemId)
            .update();
    }

    /** How many supervision notices (督办提醒单) the measure received: its archive record counts them. */
    public int noticeCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE measure_code = ?").param(code)
            .query(Integer.class).single();
    }

    public void insertEvidence(String code, int reportNo, String description, String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO evidence (measure_code, report_no, description, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(code, reportNo, description, by, at).update();
    }

    /** The description of the evidence of the measure's latest report. */
    public Optional<String> latestEvidence(String code) {
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
            .query((rs, n) -> new Archive(rs.getString("measure_code"), rs.getString("outcome"),
                rs.getString("completion_summary"), rs.getInt("evidence_count"), rs.getInt("notice_count"),
                rs.getInt("rework_count"), rs.getString("reviewed_by"), rs.getString("signed_off_by")))
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
