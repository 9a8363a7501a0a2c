package org.rectiflow.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.clue.AccountabilityForm;
import org.rectiflow.clue.LawOutcome;
import org.rectiflow.clue.Triage;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.identity.Scope;
import org.rectiflow.inspection.WorkRecordKind;
import org.rectiflow.report.ReportReadModel.RoundFacts;
import org.springframework.stereotype.Service;

/**
 * Computes the public progress report of a round from the ledger (read through {@link ReportReadModel}), true at
 * every stage: part 一 from the recorded work, part 二 with every measure's state, part 三 with the open and the
 * closed clues, part 四, the contact lines and the issuer from the office's own text where it wrote one.
 */
@Service
public class ProgressReportService {

    /** Part 一's four sub-headings, the seed's own. */
    static final String[] SECTIONS = {"（一）坚持政治引领，统一思想认识", "（二）强化组织领导，压实主体责任",
        "（三）细化任务措施，扎实推进整改", "（四）紧跟对账销号，深化整改质效"};

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final ReportReadModel ledger;
    private final RoundSummaryService summaries;
    private final EngineClock clock;
    private final List<String> contact;
    private final String defaultIssuer;

    public ProgressReportService(ReportReadModel ledger, RoundSummaryService summaries, EngineClock clock,
                                 ReportProperties properties) {
        this.ledger = ledger;
        this.summaries = summaries;
        this.clock = clock;
        this.contact = properties.contact().stream().filter(line -> !line.isBlank()).toList();
        this.defaultIssuer = properties.issuer();
    }

    public Optional<ProgressReport> report(String code) {
        return ledger.roundFacts(code).map(round -> build(code, round));
    }

    private ProgressReport build(String code, RoundFacts round) {
        RoundSummary summary = summaries.summary(code, Scope.allUnits()).orElseThrow();
        String opening = (round.start() == null ? "" : EngineClock.chinese(round.start()) + "至"
            + monthDay(round.end()) + "，") + round.inspectionGroup() + "对" + round.organisation()
            + (round.shortName() == null ? "" : "（以下简称“" + round.shortName() + "”）") + "开展了巡察，并于"
            + monthDay(round.feedback()) + "反馈了巡察意见。按照党务公开原则和巡察工作要求，现将巡察整改进展情况予以公布。";
        Optional<ReportReadModel.ReportText> own = ledger.reportText(code);
        List<String> nextSteps = own.map(ReportReadModel.ReportText::nextSteps)
            .map(text -> text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList())
            .orElseGet(() -> nextSteps(code));
        List<String> contactLines = own.map(ReportReadModel.ReportText::contact).orElse(contact);
        String issuer = own.map(ReportReadModel.ReportText::issuer)
            .orElse(defaultIssuer == null ? round.organisation() : defaultIssuer);

        return new ProgressReport(round.organisation() + "关于" + round.inspectionGroup() + "巡察反馈意见整改进展情况的通报",
            opening, organisation(code, round, summary), categories(code),
            clues(round.inspectionGroup(), summary.clues(), ledger.openClues(code)), nextSteps, contactLines, issuer,
            EngineClock.chinese(round.published() == null ? clock.today() : round.published()));
    }

    /**
     * Part 一 under the seed's four sub-headings, from the recorded work: (一) the leading-group meetings, (二) the
     * special meetings, talks and other work, (三) the measures, the units, the plan's comment rounds and the
     * trainings, (四) what is closed, what is still under way and the mechanisms. Records are named by title and date.
     */
    private List<ProgressReport.Section> organisation(String code, RoundFacts round, RoundSummary summary) {
        String shortName = round.shortName() == null ? round.organisation() : round.shortName();
        Map<WorkRecordKind, List<ReportReadModel.WorkRecord>> records = new EnumMap<>(WorkRecordKind.class);
        for (ReportReadModel.WorkRecord record : ledger.workRecords(code)) {
            records.computeIfAbsent(record.kind(), k -> new ArrayList<>()).add(record);
        }
        List<ReportReadModel.WorkRecord> meetings = records.getOrDefault(WorkRecordKind.LEADING_GROUP_MEETING, List.of());
        String first = meetings.isEmpty()
            ? shortName + "坚决扛起巡察整改政治责任，接到反馈后即研究部署巡察整改工作。"
            : shortName + "坚决扛起巡察整改政治责任，接到反馈后即于" + EngineClock.chinese(meetings.get(0).heldOn()) + "召开"
                + meetings.get(0).title() + "，专题研究巡察整改工作。巡察整改期间共召开" + meetings.size()
                + "次整改领导小组会议，推进重点工作，全面落实整改。";

        StringBuilder second = new StringBuilder("成立巡察整改工作领导小组，统筹推进巡察整改工作");
        listed(second, "，召开专题会议", records.get(WorkRecordKind.SPECIAL_MEETING), "次");
        listed(second, "，开展谈心谈话", records.get(WorkRecordKind.TALK), "次");
        listed(second, "，开展其他整改工作", records.get(WorkRecordKind.OTHER), "项");
        second.append("，压实整改主体责任。");

        int commentRounds = ledger.commentRounds(code);
        StringBuilder third = new StringBuilder("对照").append(round.inspectionGroup()).append("反馈的问题，细化整改措施")
            .append(summary.measures().total()).append("条，向").append(ledger.responsibleUnits(code))
            .append("个单位逐一下发任务清单。");
        if (commentRounds > 0) {
            third.append("经逐条推敲完善、").append(commentRounds).append("次征求意见，形成了整改方案。");
        }
        third.append("严格审核把关各单位整改方案，确保各级方案严格落实上级要求。");
        if (records.containsKey(WorkRecordKind.TRAINING)) {
            listed(third, "组织培训", records.get(WorkRecordKind.TRAINING), "次");
            third.append("。");
        }

        int evidenceFiles = ledger.evidenceFiles(code);
        String fourth = "坚持“当下改”与“长久立”相结合，对完成整改的，一问题一档案，整体把关销号；对整改不到位的，下发督办提醒单责成返工。"
            + "截至目前，" + figures(summary.measures()) + "，建立完善" + summary.mechanisms() + "项制度机制"
            + (evidenceFiles > 0 ? "，归档佐证材料" + evidenceFiles + "份" : "") + "。";

        return List.of(new ProgressReport.Section(SECTIONS[0], first),
            new ProgressReport.Section(SECTIONS[1], second.toString()),
            new ProgressReport.Section(SECTIONS[2], third.toString()),
            new ProgressReport.Section(SECTIONS[3], fourth));
    }

    /**
     * The measures' outcomes as the report prints them (the figures of {@code common/deadline/Outcomes}): 已完成整改
     * always, each other outcome when it has measures, then the completion rate.
     */
    private static String figures(RoundSummary.Measures measures) {
        StringBuilder text = new StringBuilder("整改措施").append(Outcome.RECTIFIED.label())
            .append(measures.rectified()).append("条");
        counted(text, Outcome.BASICALLY_DONE, measures.basicallyDone());
        counted(text, Outcome.NOT_DONE, measures.notDone());
        counted(text, Outcome.IN_PROGRESS, measures.inProgress());
        return text.append("，完成率").append(measures.completionRatePercent()).append("%").toString();
    }

    /** "、未完成2条"; nothing when no measure has that outcome. */
    private static void counted(StringBuilder text, Outcome outcome, long count) {
        if (count > 0) {
            text.append("、").append(outcome.label()).append(count).append("条");
        }
    }

    /** "，召开专题会议2次：名称（日期）、名称（日期）"; nothing for no record. */
    private static void listed(StringBuilder text, String verb, List<ReportReadModel.WorkRecord> records, String unit) {
        if (records == null || records.isEmpty()) {
            return;
        }
        text.append(verb).append(records.size()).append(unit).append("：");
        for (int i = 0; i < records.size(); i++) {
            ReportReadModel.WorkRecord record = records.get(i);
            text.append(i == 0 ? "" : "、").append(record.title()).append("（")
                .append(EngineClock.chinese(record.heldOn())).append("）");
        }
    }

    /**
     * Part 二: for each problem the closed measures' completion summaries, then each open measure named as 正在推进
     * with its planned date, or as 未完成 with the unit's reason and new planned date: the report never shows a
     * problem as more done than its measures are.
     */
    private List<ProgressReport.Category> categories(String code) {
        Map<String, List<ProgressReport.Problem>> categories = new LinkedHashMap<>();
        Map<String, StringBuilder> done = new LinkedHashMap<>();
        Map<String, StringBuilder> ongoing = new LinkedHashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        for (ReportReadModel.ProblemMeasure row : ledger.problemMeasures(code)) {
            String category = "（" + numeral(row.categorySeq()) + "）" + row.categoryTitle();
            String problem = row.problemSeq() + ".关于“" + row.problemTitle() + "”的问题";
            categoryOf.put(problem, category);
            StringBuilder closedText = done.computeIfAbsent(problem, p -> new StringBuilder());
            StringBuilder openText = ongoing.computeIfAbsent(problem, p -> new StringBuilder());
            if (row.status() == null) {
                continue;
            }
            if (row.status().isClosed()) {
                String summary = row.completionSummary();
                sentence(closedText, summary == null || summary.isBlank()
                    ? withoutEnd(row.content()) + "，" + row.status().label() : summary);
            } else if (row.outcome() == Outcome.NOT_DONE) {
                openText.append("“").append(withoutEnd(row.content())).append("”未完成，原因：")
                    .append(withoutEnd(row.notDoneReason())).append("，计划于")
                    .append(EngineClock.chinese(row.plannedDate())).append("前完成。");
            } else {
                openText.append("“").append(withoutEnd(row.content())).append("”正在推进，计划于")
                    .append(EngineClock.chinese(row.deadline())).append("前完成。");
            }
        }
        for (Map.Entry<String, StringBuilder> problem : done.entrySet()) {
            String text = problem.getValue().toString() + ongoing.get(problem.getKey());
            categories.computeIfAbsent(categoryOf.get(problem.getKey()), c -> new ArrayList<>())
                .add(new ProgressReport.Problem(problem.getKey(), text.isEmpty() ? "整改正在推进中。" : text));
        }
        return categories.entrySet().stream().map(e -> new ProgressReport.Category(e.getKey(), e.getValue())).toList();
    }

    private static void sentence(StringBuilder text, String sentence) {
        text.append(sentence.strip());
        if ("。；;".indexOf(text.charAt(text.length() - 1)) < 0) {
            text.append("。");
        }
    }

    private static String withoutEnd(String text) {
        String stripped = text.strip();
        while (!stripped.isEmpty() && "。；;，,.".indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /**
     * Part 三, worded as the seed words it and true at any moment: only forms that occur are named, petitions still
     * to be triaged or under preliminary verification are counted as such, law-related petitions are "均已依法依规办理"
     * only once every one has its outcome, and every one not concluded is 在办.
     */
    private static String clues(String inspectionGroup, RoundSummary.Clues clues, ReportReadModel.OpenClues open) {
        if (clues == null || clues.petitions() + clues.lawRelated() == 0) {
            return inspectionGroup + "未移交问题线索。";
        }
        StringBuilder text = new StringBuilder(inspectionGroup).append("共移交");
        if (clues.petitions() > 0) {
            text.append("信访件").append(clues.petitions()).append("件");
            if (clues.petitionDuplicates() > 0) {
                text.append("(其中重复件").append(clues.petitionDuplicates()).append("件)");
            }
            List<String> triage = new ArrayList<>();
            for (Triage t : new Triage[] {Triage.RETURN, Triage.ARCHIVE, Triage.CONCLUDE, Triage.VERIFY, Triage.TRANSFER}) {
                long n = clues.triage().getOrDefault(t.name(), 0L);
                if (n > 0) {
                    triage.add(t.label() + n + "件" + (t == Triage.VERIFY && open.petitionsUnderVerification() > 0
                        ? "(其中正在初核" + open.petitionsUnderVerification() + "件)" : ""));
                }
            }
            if (open.petitionsAwaitingTriage() > 0) {
                triage.add("正在研判处置" + open.petitionsAwaitingTriage() + "件");
            }
            if (!triage.isEmpty()) {
                text.append("，").append(String.join("、", triage));
            }
            if (clues.triage().getOrDefault(Triage.VERIFY.name(), 0L) > 0) {
                text.append("，属实或部分属实").append(clues.substantiated()).append("件");
            }
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
                text.append("共移交");
            }
        }
        if (clues.lawRelated() > 0) {
            long concluded = clues.lawOutcomes().getOrDefault(LawOutcome.CONCLUDED.name(), 0L);
            text.append("涉法涉诉信访件").append(clues.lawRelated()).append("件");
            if (clues.lawRelatedDuplicates() > 0) {
                text.append("(含重复件").append(clues.lawRelatedDuplicates()).append("件)");
            }
            text.append("，").append(open.lawRelatedUnhandled() == 0 ? "均已依法依规办理，" : "").append("办结")
                .append(concluded).append("件、在办").append(clues.lawRelated() - concluded).append("件。");
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
