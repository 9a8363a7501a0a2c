package org.rectiflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo is the seed's figures (issue 15, point 8): the application starts with the demo profile, which loads the
 * seed round, and its public report, read over HTTP as the office reads it ({@code GET
 * /api/rounds/XC2020XMGA/report.html} as officer1), prints the figures of the seed's part 一: 203 measures sent as
 * task lists to 22 units, 3 comment rounds on the plan, 8 leading-group meetings, the first one named as the seed
 * names it and held on the feedback day. The round's summary has the seed's 7 key groups. Once the discipline
 * inspectors have handled the transferred clues in the Tasklist (over the REST API, as inspector1) as the demo file
 * disposes of them, part 三 is the seed's own sentence. Expected texts are written out here.
 */
@ActiveProfiles(value = {"demo", "test"}, inheritProfiles = false)
class DemoSeedFiguresTest extends WebTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The demo is loaded at 09:00 today; its dates count from today (the feedback 40 days before). */
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final String ROUND = "XC2020XMGA";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
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
    void theDemosReportPrintsTheSeedsFigures() throws Exception {
        LocalDate feedback = TODAY.minusDays(40);
        String feedbackDay = feedback.getYear() + "年" + feedback.getMonthValue() + "月" + feedback.getDayOfMonth() + "日";

        // as loaded: part 一 has the seed's figures
        List<String> report = report();
        assertThat(report).containsSubsequence(
            "（一）坚持政治引领，统一思想认识",
            "市局党委坚决扛起巡察整改政治责任，接到反馈后即于" + feedbackDay + "召开党委（扩大）会暨巡察整改工作领导小组第一次会议，"
                + "专题研究巡察整改工作。巡察整改期间共召开8次整改领导小组会议，推进重点工作，全面落实整改。",
            "（三）细化任务措施，扎实推进整改",
            "对照市委第一巡察组反馈的问题，细化整改措施203条，向22个单位逐一下发任务清单。经逐条推敲完善、3次征求意见，形成了整改方案。"
                + "严格审核把关各单位整改方案，确保各级方案严格落实上级要求。",
            "（四）紧跟对账销号，深化整改质效");
        // part 一 (四) ends with the seed's "建立完善194项制度", counted from the demo's mechanism records
        assertThat(String.join("\n", report)).contains("建立完善194项制度机制。");
        assertThat(report).contains("市委第一巡察组共移交信访件24件(其中重复件4件)，正在研判处置20件。"
            + "共移交涉法涉诉信访件14件(含重复件1件)，办结0件、在办14件。");

        // the summary: 203 measures, over 22 units, in the seed's 7 key groups
        JsonNode summary = JSON.readTree(get("/api/rounds/" + ROUND + "/summary").body());
        assertThat(summary.path("measures").path("total").asInt()).isEqualTo(203);
        assertThat(summary.path("mechanisms").asInt()).isEqualTo(194);
        assertThat(summary.path("units")).hasSize(22);
        assertThat(summary.path("keyGroups")).hasSize(7);
        assertThat(names(summary.path("keyGroups"))).containsExactlyInAnyOrder("作风转变", "打击成效", "队伍建设", "党建工作",
            "执法服务", "财务项目", "纪律建设");

        // the discipline inspectors handle the clues; part 三 is the seed's sentence
        handleClues();
        assertThat(report()).contains(
            "市委第一巡察组共移交信访件24件(其中重复件4件)，退回1件、存档3件、办结13件、转初核3件，属实或部分属实3件；"
                + "处理14名责任人，其中诫勉2人、谈话提醒7人、批评教育4人、责令作出书面检查1人。"
                + "共移交涉法涉诉信访件14件(含重复件1件)，均已依法依规办理，办结10件、在办4件。");
    }

    /** Every clue's task, as the demo file disposes of it, submitted as inspector1 through the engine's REST API. */
    private void handleClues() throws Exception {
        DemoRoundFile demo = DemoRound.read(roundFile);
        Map<String, DemoRoundFile.Disposition> disposition = new HashMap<>();
        for (int i = 0; i < demo.clues().size(); i++) {
            disposition.put(RoundRegistration.clueCode(ROUND, i + 1), demo.clues().get(i).demo());
        }
        for (String code : cluesAt(ClueHandlingProcess.Elements.HANDLE_LAW_PETITION)) {
            submit(code, ClueHandlingProcess.Elements.HANDLE_LAW_PETITION, Map.of(
                "lawOutcome", disposition.get(code).lawOutcome().name(), "handling", "依法依规办理"));
        }
        for (String code : cluesAt(ClueHandlingProcess.Elements.TRIAGE_CLUE)) {
            submit(code, ClueHandlingProcess.Elements.TRIAGE_CLUE, Map.of(
                "triage", disposition.get(code).triage().name(), "triageReason", "经集体研判"));
        }
        for (String code : cluesAt(ClueHandlingProcess.Elements.VERIFY_CLUE)) {
            submit(code, ClueHandlingProcess.Elements.VERIFY_CLUE, Map.of(
                "verificationResult", disposition.get(code).result().name(), "findings", "经初步核实"));
        }
        for (String code : cluesAt(ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY)) {
            submit(code, ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY, Map.of(
                "accountabilityEntries", String.join("\n", disposition.get(code).accountability())));
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(ROUND + "-C%").count())
            .as("no clue task left").isZero();
    }

    /** The codes of the round's clues waiting at a task, in order. */
    private List<String> cluesAt(String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(ROUND + "-C%")
            .taskDefinitionKey(taskDefinitionKey).list().stream()
            .map(t -> runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult().getBusinessKey())
            .sorted().toList();
    }

    private void submit(String clueCode, String taskDefinitionKey, Map<String, String> values) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(clueCode)
            .taskDefinitionKey(taskDefinitionKey).singleResult();
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth("inspector1", "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables))))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(clueCode + " " + taskDefinitionKey + ": " + response.body()).isEqualTo(204);
    }

    /** The report page as officer1 reads it, one line per element's text. */
    private List<String> report() throws Exception {
        HttpResponse<String> response = get("/api/rounds/" + ROUND + "/report.html");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.stream(response.body().replaceAll("<[^>]+>", "\n").split("\n"))
            .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth("officer1", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode scopes) {
        return java.util.stream.StreamSupport.stream(scopes.spliterator(), false).map(s -> s.path("name").asText())
            .collect(Collectors.toList());
    }
}
