package org.rectiflow.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.rectiflow.clue.ClueKind;
import org.rectiflow.clue.ClueStatus;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.identity.Scope;
import org.rectiflow.inspection.WorkRecordKind;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report package's one reader of the ledger: every query of the summary, the ledger workbook, the progress
 * report and the dashboard, so that SQL stays out of the controllers and services. A status or kind in a query
 * is a parameter bound from its enum, never text in the SQL. A {@link Scope} narrows a query to some units.
 */
@Component
public class ReportReadModel {

    /** A round in the dashboard's list. */
    public record RoundItem(String code, String title, String status) {
    }

    /** The facts of a round the progress report's opening names. */
    public record RoundFacts(String inspectionGroup, String organisation, String shortName, LocalDate start,
                             LocalDate end, LocalDate feedback, LocalDate published) {
    }

    /** A work record of the round: part 一 of the report names its date and title, never its participants. */
    public record WorkRecord(WorkRecordKind kind, LocalDate heldOn, String title) {
    }

    /**
     * A problem of a round with one of its measures (all measure fields null for a problem without): its content,
     * its status now, its planned date and, once reported, the unit's account of what was done.
     */
    public record ProblemMeasure(int categorySeq, String categoryTitle, int problemSeq, String problemTitle,
                                 String content, MeasureStatus status, LocalDate deadline, String completionSummary,
                                 Outcome outcome, String notDoneReason, LocalDate plannedDate) {
    }

    /** The office's own text for the round's public report; null parts are generated or default. */
    public record ReportText(String nextSteps, List<String> contact, String issuer) {
    }

    /**
     * The round's transferred clues other than duplicates, as they stand now: petitions still waiting for their
     * triage, petitions under preliminary verification, and law-related petitions not yet given an outcome.
     */
    public record OpenClues(long petitionsAwaitingTriage, long petitionsUnderVerification, long lawRelatedUnhandled) {
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    public ReportReadModel(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The rounds, newest first. */
    public List<RoundItem> rounds() {
        return jdbc.sql("SELECT code, title, status FROM inspection_round ORDER BY created_at DESC, code")
            .query((rs, n) -> new RoundItem(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<RoundFacts> roundFacts(String code) {
        return jdbc.sql("""
                SELECT inspection_group, inspected_org, inspected_short_name, inspection_start, inspection_end,
                       feedback_date, published_on
                FROM inspection_round WHERE code = ?""")
            .param(code)
            .query((rs, n) -> new RoundFacts(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class)))
            .optional();
    }

    /** The leading group's meetings recorded for the round (the first one's step records one too). */
    public int meetings(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM round_work_record WHERE round_code = ? AND kind = ?")
            .params(code, WorkRecordKind.LEADING_GROUP_MEETING.name()).query(Integer.class).single();
    }

    /** The round's work records by date (then as recorded). */
    public List<WorkRecord> workRecords(String code) {
        return jdbc.sql("SELECT kind, held_on, title FROM round_work_record WHERE round_code = ? ORDER BY held_on, id")
            .param(code)
            .query((rs, n) -> new WorkRecord(WorkRecordKind.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                rs.getString(3)))
            .list();
    }

    public Optional<ReportText> reportText(String code) {
        return jdbc.sql("SELECT next_steps, contact, issuer FROM round_report_text WHERE round_code = ?").param(code)
            .query((rs, n) -> new ReportText(rs.getString(1),
                rs.getString(2) == null ? null : rs.getString(2).lines().filter(l -> !l.isBlank()).toList(),
                rs.getString(3)))
            .optional();
    }

    /** See {@link OpenClues}. */
    public OpenClues openClues(String code) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT kind, status, COUNT(*) FROM clue WHERE round_code = ? AND status <> ? GROUP BY kind, status")
            .params(code, ClueStatus.DUPLICATE.name())
            .query(rs -> {
                counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            });
        String petition = ClueKind.PETITION.name() + "/";
        String law = ClueKind.LAW_RELATED.name() + "/";
        return new OpenClues(
            counts.getOrDefault(petition + ClueStatus.REGISTERED.name(), 0L)
                + counts.getOrDefault(petition + ClueStatus.IN_HANDLING.name(), 0L),
            counts.getOrDefault(petition + ClueStatus.UNDER_VERIFICATION.name(), 0L),
            counts.getOrDefault(law + ClueStatus.REGISTERED.name(), 0L)
                + counts.getOrDefault(law + ClueStatus.IN_HANDLING.name(), 0L)
                + counts.getOrDefault(law + ClueStatus.UNDER_VERIFICATION.name(), 0L));
    }

    /** How many times the plan went out for comments. */
    public int commentRounds(String code) {
        return jdbc.sql("SELECT COALESCE(MAX(comment_round), 0) FROM plan_comment WHERE round_code = ?").param(code)
            .query(Integer.class).single();
    }

    /** The units with a measure in the round. */
    /** The evidence files (佐证材料) submitted with the reports of the round's measures (drafts not counted). */
    public int evidenceFiles(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_file f JOIN measure m ON m.code = f.measure_code "
                + "WHERE m.round_code = ? AND f.report_no IS NOT NULL").param(code)
            .query(Integer.class).single();
    }

    public int responsibleUnits(String code) {
        return jdbc.sql("SELECT COUNT(DISTINCT unit_code) FROM measure WHERE round_code = ?").param(code)
            .query(Integer.class).single();
    }

    /**
     * A mechanism (制度机制) of the round as the ledger workbook lists it: its unit, its fields and the measures it
     * answers, with the key groups of their problems.
     */
    public record MechanismRow(long id, String unitCode, String unitName, String title, String docNumber,
                               String issuer, LocalDate issuedOn, String revision, String source,
                               List<String> measures, List<String> keyGroupCodes, List<String> keyGroupNames) {
    }

    /**
     * The round's mechanisms (制度机制, ledger V14) of the units in the scope, in the order recorded: what the
     * public report's 「建立完善N项制度机制」, the summary and the ledger workbook count. A mechanism counts for its unit,
     * and once for each key group whose problem has a measure it answers.
     */
    public List<MechanismRow> mechanisms(String code, Scope scope) {
        Map<Long, List<String[]>> links = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT mm.mechanism_id, mm.measure_code, k.code, k.name
                FROM mechanism_measure mm JOIN mechanism x ON x.id = mm.mechanism_id
                JOIN measure m ON m.code = mm.measure_code JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group k ON k.code = p.key_group_code
                WHERE x.round_code = ? ORDER BY mm.mechanism_id, mm.measure_code""")
            .param(code)
            .query(rs -> {
                links.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            });
        List<MechanismRow> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT x.id, x.unit_code, u.name, x.title, x.doc_number, x.issuer, x.issued_on, x.revision, x.source
                FROM mechanism x JOIN org_unit u ON u.code = x.unit_code WHERE x.round_code = ? ORDER BY x.id""")
            .param(code)
            .query(rs -> {
                if (scope.includes(rs.getString(2))) {
                    List<String[]> linked = links.getOrDefault(rs.getLong(1), List.of());
                    rows.add(new MechanismRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getString(9), linked.stream().map(l -> l[0]).toList(),
                        linked.stream().map(l -> l[1]).distinct().toList(),
                        linked.stream().map(l -> l[2]).distinct().toList()));
                }
            });
        return rows;
    }

    /** Every problem of the round in order, once per measure (once with null measure fields for a problem without). */
    public List<ProblemMeasure> problemMeasures(String code) {
        return jdbc.sql("""
                SELECT c.seq, c.title, p.seq, p.title, m.content, m.status, m.deadline, m.completion_summary,
                       m.outcome, m.not_done_reason, m.planned_date
                FROM problem p JOIN problem_category c ON c.id = p.category_id
                LEFT JOIN measure m ON m.problem_id = p.id
                WHERE p.round_code = ? ORDER BY c.seq, p.seq, m.seq""")
            .param(code)
            .query((rs, n) -> new ProblemMeasure(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6) == null ? null : MeasureStatus.valueOf(rs.getString(6)),
                rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getString(9) == null ? null : Outcome.valueOf(rs.getString(9)), rs.getString(10),
                rs.getObject(11, LocalDate.class)))
            .list();
    }

    /** The contents of the round's long-term measures by key group name, in the key groups' order. */
    public Map<String, List<String>> longTermMeasuresByKeyGroup(String code) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT k.name, m.content FROM measure m JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group k ON k.code = p.key_group_code
                WHERE m.round_code = ? AND m.kind = ? ORDER BY k.sort_order, p.seq, m.seq""")
            .params(code, MeasureKind.LONG_TERM.name())
            .query(rs -> {
                byGroup.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getString(2));
            });
        return byGroup;
    }

    /** How many of the round's measures in the scope closed on each day (in the engine's time zone), by day. */
    public Map<LocalDate, Long> closedPerDay(String code, Scope scope) {
        Map<LocalDate, Long> closedOn = new TreeMap<>();
        jdbc.sql("SELECT unit_code, closed_at FROM measure WHERE round_code = ? AND closed_at IS NOT NULL")
            .param(code)
            .query(rs -> {
                if (scope.includes(rs.getString(1))) {
                    closedOn.merge(LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), clock.zone()), 1L, Long::sum);
                }
            });
        return closedOn;
    }

    /** The supervision notices sent for the round's measures in the scope, counted by step. */
    public Map<String, Long> noticesByStep(String code, Scope scope) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                SELECT m.unit_code, n.step, COUNT(*) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
                WHERE m.round_code = ? GROUP BY m.unit_code, n.step""")
            .param(code)
            .query(rs -> {
                if (scope.includes(rs.getString(1))) {
                    counts.merge(rs.getString(2), rs.getLong(3), Long::sum);
                }
            });
        return counts;
    }

    /**
     * The round's measures in the scope by outcome, per problem ("已完成整改", …, as {@link Outcome#ofProblem}
     * gives a problem's from its measures'): what the public report's part 二 prints of each problem (for
     * report/ProgressReportService). Keys are the problems' numbers in the round, in order.
     */
    public Map<Integer, Outcome> problemOutcomes(String code, Scope scope) {
        Map<Integer, List<Outcome>> byProblem = new TreeMap<>();
        jdbc.sql("SELECT p.seq, m.unit_code, m.outcome FROM measure m JOIN problem p ON p.id = m.problem_id"
                + " WHERE m.round_code = ?")
            .param(code)
            .query(rs -> {
                if (scope.includes(rs.getString(2))) {
                    byProblem.computeIfAbsent(rs.getInt(1), p -> new ArrayList<>())
                        .add(Outcome.valueOf(rs.getString(3)));
                }
            });
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        byProblem.forEach((problem, measures) -> outcomes.put(problem, Outcome.ofProblem(measures)));
        return outcomes;
    }

    /** The round's measures in the scope, in ledger order (category, problem, measure), numbered from 1. */
    public List<LedgerRow> ledgerRows(String roundCode, Scope scope) {
        List<LedgerRow> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT m.code, c.title, p.seq, p.title, m.content, m.unit_code, u.name, lu.name,
                       COALESCE(l.display_name, m.leader_user_id), m.deadline, m.status, m.progress, m.closed_at,
                       (SELECT COUNT(*) FROM supervision_notice n WHERE n.measure_code = m.code),
                       k.name, m.outcome, m.not_done_reason, m.planned_date,
                       (SELECT COUNT(*) FROM evidence_file f WHERE f.measure_code = m.code AND f.report_no IS NOT NULL)
                FROM measure m
                JOIN problem p ON p.id = m.problem_id
                JOIN problem_category c ON c.id = p.category_id
                JOIN org_unit u ON u.code = m.unit_code
                JOIN org_key_group k ON k.code = p.key_group_code
                JOIN org_unit lu ON lu.code = k.lead_unit_code
                LEFT JOIN org_user l ON l.user_id = m.leader_user_id
                WHERE m.round_code = ?
                ORDER BY c.seq, p.seq, m.seq""")
            .param(roundCode)
            .query(rs -> {
                if (scope.includes(rs.getString(6))) {
                    Timestamp closed = rs.getTimestamp(13);
                    rows.add(new LedgerRow(rows.size() + 1, rs.getString(1), rs.getString(2),
                        rs.getInt(3) + ". " + rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                        MeasureStatus.valueOf(rs.getString(11)), rs.getString(12),
                        closed == null ? null : LocalDate.ofInstant(closed.toInstant(), clock.zone()), rs.getInt(14),
                        rs.getString(15), Outcome.valueOf(rs.getString(16)), rs.getString(17),
                        rs.getObject(18, LocalDate.class), rs.getInt(19)));
                }
            });
        return rows;
    }
}
