package org.rectiflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.demo.DemoMechanisms;
import org.rectiflow.demo.DemoRound;
import org.rectiflow.demo.DemoRoundFile;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The public report of the seed round at three stages, read as the office reads it ({@code GET
 * /api/rounds/{code}/report.html} as officer1): just registered; mid-way, with work recorded, some measures signed off
 * and some open, and clues open; at the end. The expected sentences are written out here, not built with the
 * product's code. The round is the demo's (the seed's 42 problems and 38 clues) under a code of its own, fed back on
 * 3 December 2020 as the seed's was. It runs in an application context of its own: the seed round's 22 units and
 * their implementation plans stay out of the shared web context, whose access tests assume rounds of one unit.
 */
@TestPropertySource(properties = "rectiflow-test.context=progress-report-stages")
class ProgressReportStagesTest extends WebTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The demo file's dates count from this day: the inspection ran from 2020-05-20 to 07-26, feedback on 12-03. */
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 12);

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired DemoMechanisms demoMechanisms;

    private String round;
    private DemoRoundFile demo;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theReportTellsTheTruthJustRegisteredMidWayAndAtTheEnd() throws Exception {
        setClock(TODAY, 10);
        DemoRoundFile file = DemoRound.read(new ClassPathResource("demo/demo-round.yml"));
        round = TestRounds.newCode();
        demo = new DemoRoundFile(round, file.title(), file.inspectionGroup(), file.inspectedOrganisation(),
            file.inspectedShortName(), file.inspectionStartDays(), file.inspectionEndDays(), file.feedbackDays(),
            file.categories(), file.clues(), List.of());
        rounds.registerBackdated(DemoRound.registration(demo, TODAY));
        List<DemoRoundFile.Problem> problems = demo.categories().stream().flatMap(c -> c.problems().stream()).toList();
        int measures = problems.stream().mapToInt(p -> p.measures().size()).sum();
        long units = problems.stream().flatMap(p -> p.measures().stream()).map(DemoRoundFile.Measure::unit).distinct()
            .count();
        List<DemoRoundFile.Measure> first = problems.get(0).measures();

        // 1. just registered: nothing held, nothing done, every clue waiting
        List<String> report = report();
        assertThat(report).containsSubsequence(
            "中共厦门市公安局委员会关于市委第一巡察组巡察反馈意见整改进展情况的通报",
            "2020年5月20日至7月26日，市委第一巡察组对中共厦门市公安局委员会（以下简称“市局党委”）开展了巡察，并于12月3日反馈了巡察意见。"
                + "按照党务公开原则和巡察工作要求，现将巡察整改进展情况予以公布。",
            "一、提高政治站位，认真抓好巡察整改工作",
            "（一）坚持政治引领，统一思想认识",
            "市局党委坚决扛起巡察整改政治责任，接到反馈后即研究部署巡察整改工作。",
            "（二）强化组织领导，压实主体责任",
            "成立巡察整改工作领导小组，统筹推进巡察整改工作，压实整改主体责任。",
            "（三）细化任务措施，扎实推进整改",
            "对照市委第一巡察组反馈的问题，细化整改措施" + measures + "条，向" + units + "个单位逐一下发任务清单。"
                + "严格审核把关各单位整改方案，确保各级方案严格落实上级要求。",
            "（四）紧跟对账销号，深化整改质效",
            "坚持“当下改”与“长久立”相结合，对完成整改的，一问题一档案，整体把关销号；对整改不到位的，下发督办提醒单责成返工。"
                + "截至目前，整改措施已完成整改0条、正在推进" + measures + "条，完成率0.00%，建立完善0项制度机制。",
            "二、巡察反馈问题的整改情况",
            "（一）贯彻落实党的路线方针政策、党中央决策部署和省委、市委工作要求方面",
            "1.关于“贯彻落实上级指示精神不够到位”的问题",
            ongoing(first.get(0), "2021年2月12日") + ongoing(first.get(1), "2021年1月29日")
                + ongoing(first.get(2), "2021年2月26日") + ongoing(first.get(3), "2021年3月24日")
                + ongoing(first.get(4), "2021年3月24日"),
            "三、巡察反馈问题线索的处理情况",
            "市委第一巡察组共移交信访件24件，正在研判处置24件。共移交涉法涉诉信访件14件，办结0件、在办14件。",
            "四、需要进一步整改的事项及措施",
            "中共厦门市公安局委员会",
            "2021年1月12日");
        assertThat(String.join("\n", report)).doesNotContain("均已", "欢迎广大干部群众");

        // 2. mid-way: the first meeting, the plan, the units' plans; the office records its work through the
        // standing task; three of the first problem's five measures signed off; the petitions triaged, those to
        // verify still under verification; five of the law-related petitions handled
        setClock(TODAY.plusDays(20), 10);
        walkthrough.holdMeeting(round, LocalDate.of(2020, 12, 3), "党委（扩大）会暨巡察整改工作领导小组第一次会议",
            "市局党委班子成员、巡察整改工作领导小组成员", "专题研究巡察整改工作，将市委巡察反馈意见印发全局。");
        walkthrough.approvePlan(round, "对照市委巡察组反馈的问题，细化整改措施。", "建议对长久立措施明确制度建设的具体成果形式。");
        walkthrough.approveUnitPlans(round);
        int commentRounds = commentRounds();
        record("LEADING_GROUP_MEETING", "2020-12-18", "巡察整改工作领导小组第二次会议", "领导小组成员", "听取整改进展汇报");
        record("SPECIAL_MEETING", "2020-12-25", "财务项目整改推进会", "警保部、财务处", "逐项梳理暂扣款、保证金清理");
        record("TRAINING", "2021-01-08", "全局政府采购业务培训", "各单位分管领导及经办人员", "解读政府采购法规和采购程序");
        record("TALK", "2021-01-15", "涉案未处理民警主体责任谈心谈话", "8名民警", "诫勉1人、提醒谈话7人");
        recordReportText("", "", "市局巡察整改工作领导小组办公室");
        for (int m = 1; m <= 3; m++) {
            signOff(RoundRegistration.measureCode(round, 1, m), first.get(m - 1).completion());
        }
        // the fourth: the unit reports it not done, with the reason and a new planned date
        Task fourth = taskService.createTaskQuery().processInstanceBusinessKey(RoundRegistration.measureCode(round, 1, 4))
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        taskService.complete(fourth.getId(), Map.of("progress", "已完成排查，正在协调市直部门", "reportStatus", "NOT_DONE",
            "notDoneReason", "涉及跨部门协调，需市财政局配合", "plannedDate", "2021-04-30"));
        Map<String, DemoRoundFile.Disposition> disposition = dispositions();
        complete(ClueHandlingProcess.Elements.TRIAGE_CLUE, code -> Map.of("triage",
            disposition.get(code).triage().name(), "triageReason", "经集体研判"));
        List<String> lawClues = cluesAt(ClueHandlingProcess.Elements.HANDLE_LAW_PETITION);
        for (String code : lawClues.subList(0, 5)) {
            completeClue(code, ClueHandlingProcess.Elements.HANDLE_LAW_PETITION, Map.of("lawOutcome",
                disposition.get(code).lawOutcome().name(), "handling", "依法依规办理"));
        }

        report = report();
        assertThat(report).containsSubsequence(
            "（一）坚持政治引领，统一思想认识",
            "市局党委坚决扛起巡察整改政治责任，接到反馈后即于2020年12月3日召开党委（扩大）会暨巡察整改工作领导小组第一次会议，"
                + "专题研究巡察整改工作。巡察整改期间共召开2次整改领导小组会议，推进重点工作，全面落实整改。",
            "（二）强化组织领导，压实主体责任",
            "成立巡察整改工作领导小组，统筹推进巡察整改工作，召开专题会议1次：财务项目整改推进会（2020年12月25日），"
                + "开展谈心谈话1次：涉案未处理民警主体责任谈心谈话（2021年1月15日），压实整改主体责任。",
            "（三）细化任务措施，扎实推进整改",
            "对照市委第一巡察组反馈的问题，细化整改措施" + measures + "条，向" + units + "个单位逐一下发任务清单。"
                + "经逐条推敲完善、" + commentRounds + "次征求意见，形成了整改方案。严格审核把关各单位整改方案，确保各级方案严格落实上级要求。"
                + "组织培训1次：全局政府采购业务培训（2021年1月8日）。",
            "（四）紧跟对账销号，深化整改质效",
            "坚持“当下改”与“长久立”相结合，对完成整改的，一问题一档案，整体把关销号；对整改不到位的，下发督办提醒单责成返工。"
                + "截至目前，整改措施已完成整改3条、未完成1条、正在推进" + (measures - 4) + "条，完成率" + percent(3, measures)
                + "%，建立完善0项制度机制。",
            "1.关于“贯彻落实上级指示精神不够到位”的问题",
            first.get(0).completion() + first.get(1).completion() + first.get(2).completion()
                + notDone(first.get(3), "涉及跨部门协调，需市财政局配合", "2021年4月30日")
                + ongoing(first.get(4), "2021年3月24日"),
            "三、巡察反馈问题线索的处理情况",
            "市委第一巡察组共移交信访件24件(其中重复件4件)，退回1件、存档3件、办结13件、转初核3件(其中正在初核3件)，"
                + "属实或部分属实0件。共移交涉法涉诉信访件14件(含重复件1件)，办结4件、在办10件。",
            "市局巡察整改工作领导小组办公室",
            "2021年2月1日");
        // the participants and the talks' subjects are not printed: the report holds titles, dates and counts
        assertThat(String.join("\n", report)).doesNotContain("8名民警", "警保部、财务处", "均已");

        // 3. the end: every measure signed off, every clue handled; six more meetings; the office writes part 四,
        // the contact lines and the issuer; the report goes to the inspection office, the public note is published
        // on 2 July 2021, and after the look-back the round is complete
        for (int p = 0; p < problems.size(); p++) {
            List<DemoRoundFile.Measure> list = problems.get(p).measures();
            for (int m = 0; m < list.size(); m++) {
                if (p > 0 || m >= 3) {
                    signOff(RoundRegistration.measureCode(round, problems.get(p).seq(), m + 1), list.get(m).completion());
                }
            }
        }
        for (String code : lawClues.subList(5, lawClues.size())) {
            completeClue(code, ClueHandlingProcess.Elements.HANDLE_LAW_PETITION, Map.of("lawOutcome",
                disposition.get(code).lawOutcome().name(), "handling", "依法依规办理"));
        }
        complete(ClueHandlingProcess.Elements.VERIFY_CLUE, code -> Map.of("verificationResult",
            disposition.get(code).result().name(), "findings", "经初步核实"));
        complete(ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY, code -> Map.of("accountabilityEntries",
            String.join("\n", disposition.get(code).accountability())));
        setClock(LocalDate.of(2021, 3, 1), 10);
        runDueJobs();
        completeRoundTask(InspectionRoundProcess.Elements.SUBMIT_REPORT, Map.of("reportDate", "2021-03-01",
            "reportReference", "厦公党〔2021〕1号", "reportSummary", "集中整改任务基本完成"));
        setClock(LocalDate.of(2021, 7, 2), 10);
        runDueJobs();
        String[] held = {"2021-02-10", "2021-03-10", "2021-04-09", "2021-05-11", "2021-06-10", "2021-06-28"};
        for (int n = 0; n < held.length; n++) {
            record("LEADING_GROUP_MEETING", held[n], "巡察整改工作领导小组第" + "三四五六七八".charAt(n) + "次会议",
                "领导小组成员", "推进重点工作");
        }
        recordReportText("（一）进一步强化政治建警。深入落实巡察工作要求，突出抓好政治轮训。\n\n"
                + "（二）进一步强化后续整改。紧盯巡察整改“后半篇文章”，对已完成的整改任务适时开展“回头看”。\n"
                + "（三）进一步强化建章立制。坚持标本兼治、重在治本原则，完善“长久立”机制。",
            "联系电话：0592-12389\n通信地址：厦门市思明区新华路45号\n\n邮政编码：361003\n电子邮箱：xmgajgdw@163.com",
            "中共厦门市公安局委员会");
        completeRoundTask(InspectionRoundProcess.Elements.DRAFT_PUBLIC_NOTE, Map.of("publicNote", "现将巡察整改进展情况予以公布"));
        completeRoundTask(InspectionRoundProcess.Elements.APPROVE_PUBLIC_NOTE, Map.of("publicNoteDecision", "APPROVE"));
        setClock(LocalDate.of(2022, 1, 5), 10);
        runDueJobs();
        for (Task check : roundTasks(InspectionRoundProcess.Elements.CHECK_FOR_RELAPSE)) {
            taskService.complete(check.getId(), Map.of("relapseFinding", "NO_RELAPSE", "lookBackFindings", "整改成效巩固"));
        }
        // the round is complete: its standing task closes with it
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(round).count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(round).count()).isZero();

        // the seed's 194 mechanisms (demo/demo-mechanisms.yml), imported as the demo does: the report counts the records
        assertThat(demoMechanisms.load(round, LocalDate.of(2022, 1, 5))).isEqualTo(194);

        report = report();
        assertThat(report).containsSubsequence(
            "市局党委坚决扛起巡察整改政治责任，接到反馈后即于2020年12月3日召开党委（扩大）会暨巡察整改工作领导小组第一次会议，"
                + "专题研究巡察整改工作。巡察整改期间共召开8次整改领导小组会议，推进重点工作，全面落实整改。",
            "坚持“当下改”与“长久立”相结合，对完成整改的，一问题一档案，整体把关销号；对整改不到位的，下发督办提醒单责成返工。"
                + "截至目前，整改措施已完成整改" + measures + "条，完成率100.00%，建立完善194项制度机制。",
            "1.关于“贯彻落实上级指示精神不够到位”的问题",
            // the seed's own paragraph
            "对将上级2份文件原文转发、简单下发的问题,研究制定贯彻落实上级文件精神的项目措施,对贯彻落实上级精神提出具体要求,"
                + "逐一明确分管局领导、责任单位、进度节点,实行挂图作战、销号管理,确保上级精神贯彻落实到位。"
                + "对未按时完成省委要求的优化调整公安机关交通职能配置工作的问题,开展专题反思并举一反三,健全定期通报、销号管理等工作制度,"
                + "确保第一时间落实上级改革部署要求。对相关分局占用下属车辆的问题,责成有关部门深入查摆反思,对责任领导开展提醒谈话;"
                + "完善用车管理规定,每年开展一次车辆保有情况清查,严防问题再发。建立贯彻落实上级指示精神常态机制,"
                + "常态化收集习近平总书记最新重要讲话重要指示批示精神及中央、省、市重要会议、文件精神,汇编学习资料,"
                + "并将习近平总书记重要讲话重要指示批示精神作为党委会第一议题及时组织学习贯彻。"
                + "印发《关于加强公安机关全面从严管党治警重要情况报告工作的通知》,建立完善年度工作情况、重要情况报告及督办等制度,"
                + "围绕上级关于公安工作的重要文件、重要部署,逐一核对办理情况,加大跟踪督办力度。",
            "三、巡察反馈问题线索的处理情况",
            "市委第一巡察组共移交信访件24件(其中重复件4件)，退回1件、存档3件、办结13件、转初核3件，属实或部分属实3件；"
                + "处理14名责任人，其中诫勉2人、谈话提醒7人、批评教育4人、责令作出书面检查1人。"
                + "共移交涉法涉诉信访件14件(含重复件1件)，均已依法依规办理，办结10件、在办4件。",
            "四、需要进一步整改的事项及措施",
            "（一）进一步强化政治建警。深入落实巡察工作要求，突出抓好政治轮训。",
            "（二）进一步强化后续整改。紧盯巡察整改“后半篇文章”，对已完成的整改任务适时开展“回头看”。",
            "（三）进一步强化建章立制。坚持标本兼治、重在治本原则，完善“长久立”机制。",
            "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0592-12389；"
                + "通信地址：厦门市思明区新华路45号；邮政编码：361003；电子邮箱：xmgajgdw@163.com。",
            "中共厦门市公安局委员会",
            "2021年7月2日");
        // nothing open is left, and part 四 is the office's own (the generated one names key groups' 长久立 measures)
        assertThat(String.join("\n", report)).doesNotContain("正在推进", "正在研判", "正在初核", "坚持长久立，持续抓好");

        // the Word document says the same
        HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/" + round + "/report.docx"))
            .header("Authorization", basicAuth("officer1", "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence(report.subList(report.indexOf("一、提高政治站位，认真抓好巡察整改工作"),
                report.size()));
        }
    }

    /** part ÷ total in percent, two decimals, rounded half up: "1.55". */
    private static String percent(long part, long total) {
        return java.math.BigDecimal.valueOf(part * 100).divide(java.math.BigDecimal.valueOf(total), 2,
            java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** How the report names an open measure: its content in quotes, 正在推进, its planned date. */
    /** How the report names a measure the unit reported not done: 未完成, the unit's reason, its new planned date. */
    private static String notDone(DemoRoundFile.Measure measure, String reason, String plannedDate) {
        String content = measure.content().endsWith("。")
            ? measure.content().substring(0, measure.content().length() - 1) : measure.content();
        return "“" + content + "”未完成，原因：" + reason + "，计划于" + plannedDate + "前完成。";
    }

    private static String ongoing(DemoRoundFile.Measure measure, String plannedDate) {
        String content = measure.content().endsWith("。")
            ? measure.content().substring(0, measure.content().length() - 1) : measure.content();
        return "“" + content + "”正在推进，计划于" + plannedDate + "前完成。";
    }

    /** The report page as officer1 reads it, one line per element's text. */
    private List<String> report() throws Exception {
        HttpResponse<String> response = get("/api/rounds/" + round + "/report.html");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.stream(response.body().replaceAll("<[^>]+>", "\n").split("\n"))
            .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth("officer1", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The office records an entry through the standing task's form, over the REST API as officer1. */
    private void submitWorkForm(Map<String, String> values) throws Exception {
        Task task = roundTasks(InspectionRoundProcess.Elements.RECORD_WORK).get(0);
        String variables = values.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":{\"value\":\"" + e.getValue().replace("\n", "\\n") + "\"}")
            .collect(Collectors.joining(","));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth("officer1", "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{" + variables + "}}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(roundTasks(InspectionRoundProcess.Elements.RECORD_WORK)).as("the standing task stands again")
            .hasSize(1);
    }

    private void record(String entry, String date, String title, String participants, String summary) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("workEntry", entry);
        values.put("workDate", date);
        values.put("workTitle", title);
        values.put("workParticipants", participants);
        values.put("workSummary", summary);
        submitWorkForm(values);
    }

    private void recordReportText(String nextSteps, String contact, String issuer) throws Exception {
        submitWorkForm(Map.of("workEntry", "REPORT_TEXT", "reportNextSteps", nextSteps, "reportContact", contact,
            "reportIssuer", issuer));
    }

    /** The unit reports the measure done, its key group's lead unit approves, the supervision group signs off. */
    private void signOff(String measureCode, String completion) {
        for (int step = 0; step < 10; step++) {
            List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(measureCode).list();
            if (open.isEmpty()) {
                return;
            }
            for (Task task : open) {
                taskService.complete(task.getId(), switch (task.getTaskDefinitionKey()) {
                    case MeasureExecutionProcess.Elements.UNIT_RECTIFIES -> Map.of("progress", "已按整改方案完成各项工作",
                        "completionSummary", completion, "evidence", "整改材料汇编", "reportStatus", "COMPLETED");
                    case MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW -> Map.of("reviewDecision", "APPROVE",
                        "reviewComment", "审核通过");
                    case MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF -> Map.of("signOffDecision", "APPROVE",
                        "signOffComment", "同意销号");
                    default -> throw new AssertionError(measureCode + " waits at " + task.getTaskDefinitionKey());
                });
            }
        }
        throw new AssertionError(measureCode + " is not signed off");
    }

    private Map<String, DemoRoundFile.Disposition> dispositions() {
        Map<String, DemoRoundFile.Disposition> disposition = new HashMap<>();
        for (int i = 0; i < demo.clues().size(); i++) {
            disposition.put(RoundRegistration.clueCode(round, i + 1), demo.clues().get(i).demo());
        }
        return disposition;
    }

    /** The codes of the round's clues waiting at a task, in order. */
    private List<String> cluesAt(String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(round + "-C%")
            .taskDefinitionKey(taskDefinitionKey).list().stream().map(this::businessKey).sorted().toList();
    }

    private void complete(String taskDefinitionKey, java.util.function.Function<String, Map<String, Object>> values) {
        for (String code : cluesAt(taskDefinitionKey)) {
            completeClue(code, taskDefinitionKey, values.apply(code));
        }
    }

    private void completeClue(String code, String taskDefinitionKey, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskDefinitionKey)
            .singleResult();
        taskService.complete(task.getId(), values);
    }

    private List<Task> roundTasks(String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(round).taskDefinitionKey(taskDefinitionKey).list();
    }

    private void completeRoundTask(String taskDefinitionKey, Map<String, Object> values) {
        List<Task> tasks = roundTasks(taskDefinitionKey);
        assertThat(tasks).as(taskDefinitionKey).hasSize(1);
        taskService.complete(tasks.get(0).getId(), values);
    }

    /** How many times the plan went out for comments (the walkthrough answers rounds until it is approved). */
    private int commentRounds() {
        return jdbc.sql("SELECT MAX(comment_round) FROM plan_comment WHERE round_code = ?").param(round)
            .query(Integer.class).single();
    }

    /** The round's due jobs (its own instance's, its measures' and its clues'), until none is left. */
    private void runDueJobs() {
        for (int pass = 0; pass < 10; pass++) {
            List<Job> due = new ArrayList<>();
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(round + "%").list()) {
                due.addAll(managementService.createJobQuery().processInstanceId(instance.getId()).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep falling due");
    }

    private String businessKey(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
            .getBusinessKey();
    }

    private static void setClock(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(ZONE).toInstant()));
    }
}
