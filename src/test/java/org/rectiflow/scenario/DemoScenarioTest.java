package org.rectiflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.AccountabilityForm;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.clue.ClueRepository;
import org.rectiflow.clue.ClueStatus;
import org.rectiflow.clue.LawOutcome;
import org.rectiflow.clue.Triage;
import org.rectiflow.demo.DemoRound;
import org.rectiflow.demo.DemoRoundFile;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.notification.NotificationRepository;
import org.rectiflow.notification.OutboxDispatcher;
import org.rectiflow.report.ProgressReport;
import org.rectiflow.report.ProgressReportService;
import org.rectiflow.report.ReportRenderer;
import org.rectiflow.support.MeasureTallies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole chain as the demo runs it: the demo round from the seed is registered at start, its due
 * ladder steps fire, the discipline inspectors handle the transferred clues, and every measure is
 * reported by its unit, reviewed by its key group's lead unit and signed off by the supervision group,
 * each as that user with authorization on. Then the ledger must hold the seed's clue figures, 42 closed
 * problems, every measure signed off with its archive record, and every notice. The round goes on to
 * the report to the inspection office, the public progress note and the look-back, which reopens a
 * relapsed measure.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DemoScenarioTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The demo is loaded at 09:00 today, so which ladder steps are due follows from the deadlines alone. */
    private static final LocalDate TODAY = LocalDate.now(ZONE);

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired RoundRepository rounds;
    @Autowired ClueRepository clueRepository;
    @Autowired ProgressReportService reports;
    @Autowired ReportRenderer renderer;
    @Autowired MeasureRepository measures;
    @Autowired NotificationRepository notifications;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired JdbcClient jdbc;
    @Value("${rectiflow.demo.round-file}") Resource roundFile;

    @BeforeAll
    static void startTheDayAtNine() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZONE).toInstant()));
    }

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDemoRoundRunsFromFeedbackToTheLastSignOff() throws Exception {
        DemoRoundFile demo = DemoRound.read(roundFile);
        List<DemoRoundFile.Measure> all = demo.categories().stream().flatMap(c -> c.problems().stream())
            .flatMap(p -> p.measures().stream()).toList();
        String round = demo.code();

        // registered at start, the first meeting held, the plan approved after three comment rounds, every
        // unit's implementation plan approved, every measure with its unit
        assertThat(jdbc.sql("SELECT MAX(comment_round) FROM plan_comment WHERE round_code = ?").param(round)
            .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT decision FROM plan_decision WHERE round_code = ?").param(round)
            .query(String.class).list()).containsExactly("APPROVE");
        assertThat(rounds.requireRound(round).status()).isEqualTo(RoundRepository.RoundStatus.IN_RECTIFICATION);
        // the seed's 8 leading-group meetings: the first held by the round's step, 7 more recorded as work records
        assertThat(rounds.meetingCount(round)).isEqualTo(8);
        assertThat(rounds.countProblems(round, RoundRepository.ProblemStatus.OPEN)).isEqualTo(42);
        assertThat(measures.countByStatus(round)).containsExactly(Map.entry(MeasureStatus.IN_PROGRESS, (long) all.size()));
        assertThat(all).hasSize(203);
        // the seed's 194 mechanisms (制度机制), recorded by the demo through the import, with their measures
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mechanism WHERE round_code = ? AND source = 'IMPORT'").param(round)
            .query(Integer.class).single()).isEqualTo(194);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mechanism x WHERE x.round_code = ? AND NOT EXISTS (SELECT 1 FROM"
                + " mechanism_measure mm JOIN measure m ON m.code = mm.measure_code WHERE mm.mechanism_id = x.id AND"
                + " m.unit_code = x.unit_code)").param(round).query(Integer.class).single()).isZero();

        // a minute later the job executor would run every ladder step already due: do it by hand
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 1).atZone(ZONE).toInstant()));
        runDueJobs();
        // a reminder overtaken by a later step is not sent: green only before the amber date, amber only
        // until the deadline
        assertThat(noticeCount("GREEN")).isEqualTo(count(all, m -> m.deadlineDays() >= 11 && m.deadlineDays() <= 19))
            .isPositive();
        assertThat(noticeCount("AMBER")).isEqualTo(count(all, m -> m.deadlineDays() >= 0 && m.deadlineDays() <= 9))
            .isPositive();
        assertThat(noticeCount("RED")).isEqualTo(count(all, m -> m.deadlineDays() <= -1)).isPositive();
        assertThat(noticeCount("INTERVIEW")).isEqualTo(count(all, m -> m.deadlineDays() <= -31)).isPositive();

        // the leading group holds the interviews
        for (Task interview : tasksOf("chief", MeasureExecutionProcess.Elements.LEADING_GROUP_INTERVIEW)) {
            complete("chief", interview, Map.of("interviewDate", TODAY.toString(), "interviewee", "责任单位主要负责人",
                "interviewRecord", "约谈责任单位主要负责人，责令限期整改到位"));
        }

        // the discipline inspectors handle the transferred clues as the demo file disposes of them
        handleClues(demo);

        // every unit reports, with the seed's own account of what was done
        Map<String, String> completion = new HashMap<>();
        int p = 0;
        for (DemoRoundFile.Category category : demo.categories()) {
            for (DemoRoundFile.Problem problem : category.problems()) {
                int m = 0;
                for (DemoRoundFile.Measure measure : problem.measures()) {
                    completion.put(RoundRegistration.measureCode(round, problem.seq(), ++m), measure.completion());
                }
                p++;
            }
        }
        assertThat(p).isEqualTo(42);
        List<String> units = jdbc.sql("SELECT DISTINCT unit_code FROM measure WHERE round_code = ?").param(round)
            .query(String.class).list();
        assertThat(units).hasSize(22);
        for (String unit : units) {
            String liaison = unit + "Liaison";
            List<Task> tasks = tasksOf(liaison, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
            assertThat(tasks).as("the tasks " + liaison + " sees").isNotEmpty()
                .allSatisfy(t -> assertThat(taskService.getIdentityLinksForTask(t.getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(unit)));
            for (Task task : tasks) {
                String code = measureCode(task);
                complete(liaison, task, Map.of("progress", "已按整改方案完成各项工作", "completionSummary",
                    completion.get(code), "evidence", "整改材料汇编（" + code + "）", "reportStatus", "COMPLETED"));
            }
        }
        assertThat(measures.countByStatus(round)).containsExactly(Map.entry(MeasureStatus.REPORTED, (long) all.size()));

        // the key groups' lead units review; one measure goes back once for rework
        String reworked = null;
        for (String leadUnit : jdbc.sql("SELECT DISTINCT lead_unit_code FROM org_key_group").query(String.class).list()) {
            String reviewer = leadUnit + "Liaison";
            for (Task task : tasksOf(reviewer, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW)) {
                if (reworked == null) {
                    reworked = measureCode(task);
                    complete(reviewer, task, Map.of("reviewDecision", "REJECT", "reviewComment", "佐证材料不全，请补充"));
                    String unit = measures.require(reworked).unitCode();
                    Task again = tasksOf(unit + "Liaison", MeasureExecutionProcess.Elements.UNIT_RECTIFIES).get(0);
                    complete(unit + "Liaison", again, Map.of("progress", "已补充材料", "completionSummary",
                        completion.get(reworked), "evidence", "补充材料", "reportStatus", "COMPLETED"));
                    task = tasksOf(reviewer, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW).stream()
                        .filter(t -> measureCode(t).equals(measureCodeOf(again))).findFirst().orElseThrow();
                }
                complete(reviewer, task, Map.of("reviewDecision", "APPROVE", "reviewComment", "审核通过"));
            }
        }

        // the supervision group signs off
        List<Task> signOffs = tasksOf("supervisor1", MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);
        assertThat(signOffs).hasSize(all.size());
        for (Task task : signOffs) {
            complete("supervisor1", task, Map.of("signOffDecision", "APPROVE", "signOffComment", "同意销号"));
        }

        // the ledger is cleared (清零)
        assertThat(rounds.countProblems(round, RoundRepository.ProblemStatus.CLOSED)).isEqualTo(42);
        assertThat(measures.countByStatus(round)).containsExactly(Map.entry(MeasureStatus.SIGNED_OFF, (long) all.size()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure_archive a JOIN measure m ON m.code = a.measure_code "
            + "WHERE m.round_code = ?").param(round).query(Long.class).single()).isEqualTo(all.size());
        assertThat(measures.require(reworked).reworkCount()).isEqualTo(1);
        assertThat(noticeCount("REWORK")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT completion_summary FROM measure WHERE code = ?").param(RoundRegistration.measureCode(round, 1, 1))
            .query(String.class).single()).isEqualTo(demo.categories().get(0).problems().get(0).measures().get(0).completion());
        assertThat(rounds.requireRound(round).status()).isEqualTo(RoundRepository.RoundStatus.IN_RECTIFICATION);

        // two months after the feedback the office reports to the inspection office; then the round is done
        ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(demo.feedbackDays()).plusMonths(2).atTime(19, 0)
            .atZone(ZONE).toInstant()));
        runDueJobs();
        complete("officer1", roundTask("officer1", round, InspectionRoundProcess.Elements.SUBMIT_REPORT), Map.of(
            "reportDate", TODAY.toString(), "reportReference", "厦公党〔2021〕1号", "reportSummary", "集中整改任务基本完成"));
        assertThat(rounds.requireRound(round).reportSubmittedOn()).isEqualTo(TODAY);

        // the centralised period ends: the public progress note is drafted, returned once, approved, published
        ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(demo.feedbackDays()).plusMonths(6).atTime(19, 0)
            .atZone(ZONE).toInstant()));
        runDueJobs();
        complete("officer1", roundTask("officer1", round, InspectionRoundProcess.Elements.DRAFT_PUBLIC_NOTE),
            Map.of("publicNote", "现将巡察整改进展情况予以公布（初稿）"));
        complete("chief", roundTask("chief", round, InspectionRoundProcess.Elements.APPROVE_PUBLIC_NOTE),
            Map.of("publicNoteDecision", "RETURN", "publicNoteComment", "请补充问题线索处理情况"));
        complete("officer1", roundTask("officer1", round, InspectionRoundProcess.Elements.DRAFT_PUBLIC_NOTE),
            Map.of("publicNote", "现将巡察整改进展情况予以公布，含问题线索处理情况"));
        complete("chief", roundTask("chief", round, InspectionRoundProcess.Elements.APPROVE_PUBLIC_NOTE),
            Map.of("publicNoteDecision", "APPROVE"));
        assertThat(rounds.publishedOn(round)).isPresent();

        // 回头看: a sample of at least one signed-off measure per unit; one has relapsed and is reopened
        ClockUtil.setCurrentTime(Date.from(TODAY.plusDays(demo.feedbackDays()).plusMonths(12).atTime(19, 0)
            .atZone(ZONE).toInstant()));
        runDueJobs();
        List<Task> checks = tasksOf("supervisor1", InspectionRoundProcess.Elements.CHECK_FOR_RELAPSE).stream()
            .filter(t -> round.equals(measureCode(t))).toList();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(units.size());
        String relapsed = (String) taskService.getVariable(checks.get(0).getId(), "lookBackMeasure");
        for (int i = 0; i < checks.size(); i++) {
            complete("supervisor1", checks.get(i), Map.of("relapseFinding", i == 0 ? "RELAPSED" : "NO_RELAPSE",
                "lookBackFindings", i == 0 ? "抽查发现问题反弹" : "整改成效巩固"));
        }
        assertThat(measures.require(relapsed).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(relapsed).active().count())
            .isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM status_history WHERE entity_ref = ? ORDER BY id DESC").param(relapsed)
            .query(String.class).list().get(0)).contains("回头看发现问题反弹");
        assertThat(rounds.countProblems(round, RoundRepository.ProblemStatus.CLOSED)).isEqualTo(41);
        // the ledger's tally of measures (the bottleneck tab's units and key groups) followed every change
        MeasureTallies.assertIsTheLedgerCounted(jdbc);
        assertThat(rounds.requireRound(round).status()).isEqualTo(RoundRepository.RoundStatus.COMPLETED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(round).finished().count()).isEqualTo(1);

        // every notification goes out once
        int pending = notifications.pending(100_000).size();
        assertThat(pending).isPositive();
        assertThat(dispatcher.dispatchPending()).isEqualTo(pending);
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(notifications.forRecipient("simingLiaison")).isNotEmpty()
            .allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationRepository.SENT));

        // the public progress report, as HTML and as Word, has the seed's categories, problems and clue figures
        ProgressReport report = reports.report(round).orElseThrow();
        String html = renderer.html(report).replaceAll("<[^>]+>", "\n");
        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        renderer.docx(report, docx);
        String word;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
            new java.io.ByteArrayInputStream(docx.toByteArray()))) {
            word = document.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                .collect(Collectors.joining("\n"));
        }
        String seed = new String(getClass().getResourceAsStream("/seed/xiamen-psb-2021.txt").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
        for (String text : List.of(html, word)) {
            assertThat(matches(text, CATEGORY)).isEqualTo(matches(seed, CATEGORY))
                .hasSize(4);
            assertThat(matches(text, "关于“(.*)”的问题")).isEqualTo(matches(seed, "关于“(.*)”的问题")).hasSize(42);
            assertThat(normalised(matches(text, "(市委第一巡察组共移交信访件.*在办\\d+件。)").get(0)))
                .isEqualTo(normalised(matches(seed, "(市委第一巡察组共移交信访件.*在办\\d+件。)").get(0)));
            assertThat(text).contains("0592-12389").doesNotContain("民警甲");
        }
    }

    /** A category heading: "（一）…方面"; the seed writes its brackets in ASCII. */
    private static final String CATEGORY = "^[（(][一二三四][）)](.*方面)$";

    private static List<String> matches(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The seed mixes ASCII and full-width punctuation. */
    private static String normalised(String text) {
        return text.replace(',', '，').replace(';', '；').replace('(', '（').replace(')', '）');
    }

    private void handleClues(DemoRoundFile demo) {
        String round = demo.code();
        Map<String, DemoRoundFile.Disposition> disposition = new HashMap<>();
        for (int i = 0; i < demo.clues().size(); i++) {
            disposition.put(RoundRegistration.clueCode(round, i + 1), demo.clues().get(i).demo());
        }
        for (Task task : roundTasks("inspector1", round, ClueHandlingProcess.Elements.HANDLE_LAW_PETITION)) {
            complete("inspector1", task, Map.of("lawOutcome", disposition.get(measureCode(task)).lawOutcome().name(),
                "handling", "依法依规办理"));
        }
        for (Task task : roundTasks("inspector1", round, ClueHandlingProcess.Elements.TRIAGE_CLUE)) {
            complete("inspector1", task, Map.of("triage", disposition.get(measureCode(task)).triage().name(),
                "triageReason", "经集体研判"));
        }
        for (Task task : roundTasks("inspector1", round, ClueHandlingProcess.Elements.VERIFY_CLUE)) {
            complete("inspector1", task, Map.of("verificationResult",
                disposition.get(measureCode(task)).result().name(), "findings", "经初步核实"));
        }
        for (Task task : roundTasks("inspector1", round, ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY)) {
            complete("inspector1", task, Map.of("accountabilityEntries",
                String.join("\n", disposition.get(measureCode(task)).accountability())));
        }

        // the ledger's clue figures are the seed's part 三
        List<ClueRepository.Clue> all = clueRepository.ofRound(round);
        List<ClueRepository.Clue> petitions = all.stream().filter(c -> c.kind() == ClueKind.PETITION).toList();
        assertThat(petitions).hasSize(24);
        assertThat(petitions).filteredOn(c -> c.status() == ClueStatus.DUPLICATE).hasSize(4);
        assertThat(petitions.stream().filter(c -> c.triage() != null)
            .collect(Collectors.groupingBy(ClueRepository.Clue::triage, Collectors.counting())))
            .containsExactlyInAnyOrderEntriesOf(Map.of(Triage.RETURN, 1L, Triage.ARCHIVE, 3L, Triage.CONCLUDE, 13L,
                Triage.VERIFY, 3L));
        assertThat(petitions).filteredOn(c -> c.verificationResult() != null && c.verificationResult().substantiated())
            .hasSize(3);
        assertThat(clueRepository.accountability(round).stream()
            .collect(Collectors.groupingBy(ClueRepository.Accountability::form, Collectors.counting())))
            .containsExactlyInAnyOrderEntriesOf(Map.of(AccountabilityForm.CAUTION, 2L,
                AccountabilityForm.TALK_REMINDER, 7L, AccountabilityForm.CRITICISM, 4L,
                AccountabilityForm.WRITTEN_SELF_CRITICISM, 1L));
        List<ClueRepository.Clue> lawRelated = all.stream().filter(c -> c.kind() == ClueKind.LAW_RELATED).toList();
        assertThat(lawRelated).hasSize(14);
        assertThat(lawRelated).filteredOn(c -> c.status() == ClueStatus.DUPLICATE).hasSize(1);
        // a duplicate counts with its original's outcome, as the seed counts petitions sent
        Map<String, ClueRepository.Clue> byCode = all.stream()
            .collect(Collectors.toMap(ClueRepository.Clue::code, c -> c));
        assertThat(lawRelated.stream().map(c -> c.duplicateOf() == null ? c : byCode.get(c.duplicateOf()))
            .collect(Collectors.groupingBy(ClueRepository.Clue::lawOutcome, Collectors.counting())))
            .containsExactlyInAnyOrderEntriesOf(Map.of(LawOutcome.CONCLUDED, 10L, LawOutcome.IN_PROGRESS, 4L));
        assertThat(all).filteredOn(c -> c.status() != ClueStatus.DUPLICATE)
            .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClueStatus.REPORTED));
    }

    private void runDueJobs() {
        for (int pass = 0; pass < 10; pass++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep falling due");
    }

    private long noticeCount(String step) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE step = ?").param(step).query(Long.class).single();
    }

    private static long count(List<DemoRoundFile.Measure> measures, Predicate<DemoRoundFile.Measure> test) {
        return measures.stream().filter(test).count();
    }

    /** The open tasks a user sees, as that user: authorization decides. */
    private List<Task> tasksOf(String userId, String taskDefinitionKey) {
        return as(userId, () -> taskService.createTaskQuery().taskDefinitionKey(taskDefinitionKey).list());
    }

    /** The user's open tasks of one round: its own, its measures' and its clues' (their keys start with its code). */
    private List<Task> roundTasks(String userId, String round, String taskDefinitionKey) {
        return tasksOf(userId, taskDefinitionKey).stream().filter(t -> measureCode(t).startsWith(round)).toList();
    }

    private Task roundTask(String userId, String round, String taskDefinitionKey) {
        List<Task> tasks = roundTasks(userId, round, taskDefinitionKey);
        assertThat(tasks).as(userId + "'s " + taskDefinitionKey + " of " + round).hasSize(1);
        return tasks.get(0);
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String userId, java.util.function.Supplier<T> action) {
        List<String> groups = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        identityService.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The business key of a task's instance: a measure's or a clue's code. */
    private String measureCode(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult().getBusinessKey();
    }

    private String measureCodeOf(Task task) {
        return measureCode(task);
    }
}
