package org.rectiflow.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.clue.AccountabilityForm;
import org.rectiflow.clue.Triage;
import org.rectiflow.common.EngineClock;
import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Computes the public progress report of a round from the ledger. */
@Service
public class ProgressReportService {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final JdbcClient jdbc;
    private final RoundSummaryService summaries;
    private final EngineClock clock;
    private final List<String> contact;

    public ProgressReportService(JdbcClient jdbc, RoundSummaryService summaries, EngineClock clock,
                                 ReportProperties properties) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.clock = clock;
        this.contact = properties.contact().stream().filter(line -> !line.isBlank()).toList();
    }

    private record RoundFacts(String inspectionGroup, String organisation, String shortName, LocalDate start,
                              LocalDate end, LocalDate feedback, LocalDate published) {
    }

    public Optional<ProgressReport> report(String code) {
        return jdbc.sql("""
                SELECT inspection_group, inspected_org, inspected_short_name, inspection_start, inspection_end,
                       feedback_date, published_on
                FROM inspection_round WHERE code = ?""")
            .param(code)
            .query((rs, n) -> new RoundFacts(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class)))
            .optional()
            .map(round -> build(code, round));
    }

    private ProgressReport build(String code, RoundFacts round) {
        RoundSummary summary = summaries.summary(code, null).orElseThrow();
        String shortName = round.shortName() == null ? round.organisation() : round.shortName();
        String opening = (round.start() == null ? "" : EngineClock.chinese(round.start()) + "至"
            + monthDay(round.end()) + "，") + round.inspectionGroup() + "对" + round.organisation()
            + (round.shortName() == null ? "" : "（以下简称“" + round.shortName() + "”）") + "开展了巡察，并于"
            + monthDay(round.feedback()) + "反馈了巡察意见。按照党务公开原则和巡察工作要求，现将巡察整改进展情况予以公布。";

        int meetings = count("SELECT COUNT(*) FROM round_meeting WHERE round_code = ?", code);
        int commentRounds = count("SELECT COALESCE(MAX(comment_round), 0) FROM plan_comment WHERE round_code = ?", code);
        int units = count("SELECT COUNT(DISTINCT unit_code) FROM measure WHERE round_code = ?", code);
        int mechanisms = count("SELECT COUNT(*) FROM measure WHERE round_code = ? AND kind = 'LONG_TERM' AND status IN ('"
            + MeasureStatus.SIGNED_OFF + "', '" + MeasureStatus.NORMAL_MANAGEMENT + "')", code);
        List<String> organisation = List.of(
            shortName + "坚决扛起巡察整改政治责任，接到反馈后即召开巡察整改工作领导小组会议，专题研究巡察整改工作。巡察整改期间共召开"
                + meetings + "次整改领导小组会议，推进重点工作，全面落实整改。",
            "对照" + round.inspectionGroup() + "反馈的问题，细化整改措施" + summary.measures().total() + "条，向" + units
                + "个单位逐一下发任务清单。" + (commentRounds > 0 ? "经逐条推敲完善、" + commentRounds + "次征求意见，形成了整改方案。" : "")
                + "严格审核把关各单位整改方案，确保各级方案严格落实上级要求。",
            "坚持“当下改”与“长久立”相结合，对完成整改的，一问题一档案，整体把关销号；对整改不到位的，下发督办提醒单责成返工。"
                + "截至目前，已销号或转常态管理" + summary.measures().closed() + "条，建立完善" + mechanisms + "项制度机制。");

        return new ProgressReport(round.organisation() + "关于" + round.inspectionGroup() + "巡察反馈意见整改进展情况的通报",
            opening, organisation, categories(code), clues(round.inspectionGroup(), summary.clues()), nextSteps(code),
            contact, round.organisation(), EngineClock.chinese(round.published() == null ? clock.today() : round.published()));
    }

    private List<ProgressReport.Category> categories(String code) {
        Map<String, List<ProgressReport.Problem>> categories = new LinkedHashMap<>();
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.seq, c.title, p.seq, p.title, m.completion_summary
                FROM problem p JOIN problem_category c ON c.id = p.category_id
                LEFT JOIN measure m ON m.problem_id = p.id
                WHERE p.round_code = ? ORDER BY c.seq, p.seq, m.seq""")
            .param(code)
            .query(rs -> {
                String category = "（" + numeral(rs.getInt(1)) + "）" + rs.getString(2);
                String problem = rs.getInt(3) + ".关于“" + rs.getString(4) + "”的问题";
                categoryOf.put(problem, category);
                StringBuilder text = texts.computeIfAbsent(problem, p -> new StringBuilder());
                String summary = rs.getString(5);
                if (summary != null && !summary.isBlank()) {
                    text.append(summary.strip());
                    if ("。；;".indexOf(text.charAt(text.length() - 1)) < 0) {
                        text.append("。");
                    }
                }
            });
        for (Map.Entry<String, StringBuilder> problem : texts.entrySet()) {
            String text = problem.getValue().isEmpty() ? "整改正在推进中。" : problem.getValue().toString();
            categories.computeIfAbsent(categoryOf.get(problem.getKey()), c -> new ArrayList<>())
                .add(new ProgressReport.Problem(problem.getKey(), text));
        }
        return categories.entrySet().stream().map(e -> new ProgressReport.Category(e.getKey(), e.getValue())).toList();
    }

    /** Part 三, worded as the seed words it; only forms that occur are named. */
    private static String clues(String inspectionGroup, RoundSummary.Clues clues) {
        if (clues == null || clues.petitions() + clues.lawRelated() == 0) {
            return inspectionGroup + "未移交问题线索。";
        }
        StringBuilder text = new StringBuilder(inspectionGroup).append("共移交信访件").append(clues.petitions()).append("件");
        if (clues.petitionDuplicates() > 0) {
            text.append("(其中重复件").append(clues.petitionDuplicates()).append("件)");
        }
        List<String> triage = new ArrayList<>();
        for (Triage t : new Triage[] {Triage.RETURN, Triage.ARCHIVE, Triage.CONCLUDE, Triage.VERIFY, Triage.TRANSFER}) {
            long n = clues.triage().getOrDefault(t.name(), 0L);
            if (n > 0) {
                triage.add(t.label() + n + "件");
            }
        }
        if (!triage.isEmpty()) {
            text.append("，").append(String.join("、", triage));
        }
        text.append("，属实或部分属实").append(clues.substantiated()).append("件");
        if (clues.persons() > 0) {
            List<String> forms = new ArrayList<>();
            for (AccountabilityForm form : AccountabilityForm.values()) {
                long n = clues.accountability().getOrDefault(form.name(), 0L);
                if (n > 0) {
                    forms.add((form == AccountabilityForm.WRITTEN_SELF_CRITICISM ? "责令作出书面检查" : form.label()) + n + "人");
                }
            }
            text.append("；处理").append(clues.persons()).append("名责任人，其中").append(String.join("、", forms));
        }
        text.append("。");
        if (clues.lawRelated() > 0) {
            text.append("共移交涉法涉诉信访件").append(clues.lawRelated()).append("件");
            if (clues.lawRelatedDuplicates() > 0) {
                text.append("(含重复件").append(clues.lawRelatedDuplicates()).append("件)");
            }
            text.append("，均已依法依规办理，办结").append(clues.lawOutcomes().getOrDefault("CONCLUDED", 0L))
                .append("件、在办").append(clues.lawOutcomes().getOrDefault("IN_PROGRESS", 0L)).append("件。");
        }
        return text.toString();
    }

    /** Part 四: the long-term measures still to be kept up, by key group. */
    private List<String> nextSteps(String code) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT k.name, m.content FROM measure m JOIN problem p ON p.id = m.problem_id
                JOIN org_key_group k ON k.code = p.key_group_code
                WHERE m.round_code = ? AND m.kind = 'LONG_TERM' ORDER BY k.sort_order, p.seq, m.seq""")
            .param(code)
            .query(rs -> {
                byGroup.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getString(2));
            });
        List<String> steps = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> group : byGroup.entrySet()) {
            String first = group.getValue().get(0);
            steps.add("（" + numeral(++n) + "）进一步巩固" + group.getKey() + "整改成果。坚持长久立，持续抓好" + group.getValue().size()
                + "项长效机制建设，如：" + (first.endsWith("。") ? first : first + "。"));
        }
        steps.add("（" + numeral(++n) + "）适时开展整改“回头看”，查漏补缺，严防反弹，确保问题整改全部到位、不留死角。");
        return steps;
    }

    private int count(String sql, String code) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private static String monthDay(LocalDate date) {
        return date == null ? "" : date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String numeral(int n) {
        return n >= 1 && n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
    }
}
