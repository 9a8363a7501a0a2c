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
import org.rectiflow.identity.Scope;
import org.rectiflow.report.ReportReadModel.RoundFacts;
import org.springframework.stereotype.Service;

/** Computes the public progress report of a round from the ledger (read through {@link ReportReadModel}). */
@Service
public class ProgressReportService {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final ReportReadModel ledger;
    private final RoundSummaryService summaries;
    private final EngineClock clock;
    private final List<String> contact;

    public ProgressReportService(ReportReadModel ledger, RoundSummaryService summaries, EngineClock clock,
                                 ReportProperties properties) {
        this.ledger = ledger;
        this.summaries = summaries;
        this.clock = clock;
        this.contact = properties.contact().stream().filter(line -> !line.isBlank()).toList();
    }

    public Optional<ProgressReport> report(String code) {
        return ledger.roundFacts(code).map(round -> build(code, round));
    }

    private ProgressReport build(String code, RoundFacts round) {
        RoundSummary summary = summaries.summary(code, Scope.allUnits()).orElseThrow();
        String shortName = round.shortName() == null ? round.organisation() : round.shortName();
        String opening = (round.start() == null ? "" : EngineClock.chinese(round.start()) + "至"
            + monthDay(round.end()) + "，") + round.inspectionGroup() + "对" + round.organisation()
            + (round.shortName() == null ? "" : "（以下简称“" + round.shortName() + "”）") + "开展了巡察，并于"
            + monthDay(round.feedback()) + "反馈了巡察意见。按照党务公开原则和巡察工作要求，现将巡察整改进展情况予以公布。";

        int meetings = ledger.meetings(code);
        int commentRounds = ledger.commentRounds(code);
        int units = ledger.responsibleUnits(code);
        int mechanisms = ledger.mechanisms(code);
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
        for (ReportReadModel.ProblemSummary row : ledger.problemSummaries(code)) {
            String category = "（" + numeral(row.categorySeq()) + "）" + row.categoryTitle();
            String problem = row.problemSeq() + ".关于“" + row.problemTitle() + "”的问题";
            categoryOf.put(problem, category);
            StringBuilder text = texts.computeIfAbsent(problem, p -> new StringBuilder());
            String summary = row.completionSummary();
            if (summary != null && !summary.isBlank()) {
                text.append(summary.strip());
                if ("。；;".indexOf(text.charAt(text.length() - 1)) < 0) {
                    text.append("。");
                }
            }
        }
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
        Map<String, List<String>> byGroup = ledger.longTermMeasuresByKeyGroup(code);
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

    private static String monthDay(LocalDate date) {
        return date == null ? "" : date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String numeral(int n) {
        return n >= 1 && n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
    }
}
