package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.Measure;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 未完成 recorded at the round's report: the report's task (向巡察办报送整改情况报告) shows the measures 未完成 and
 * 正在推进 and how to record 未完成; {@code POST /api/rounds/{code}/not-done} (office only, all or nothing, errors by
 * row) records open measures of the round as 未完成 with who recorded it, and the summary, the ledger workbook and
 * the public report count and print them so, while the measure stays open with its unit.
 */
class NotDoneAtReportTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String SIMING_CONTENT = "测试整改措施：完善制度并组织培训（60天）";

    @Autowired InspectionRoundService rounds;
    @Autowired RoundRepository roundRepository;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired MeasureRepository measures;
    @Autowired StatusHistory history;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    private final HttpClient http = HttpClient.newHttpClient();

    private <T> HttpResponse<T> call(String method, String path, String user, String body,
                                     HttpResponse.BodyHandler<T> handler) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo"))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), handler);
    }

    private HttpResponse<String> notDone(String round, String user, String body) throws Exception {
        return call("POST", "/api/rounds/" + round + "/not-done", user, body, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> errors(HttpResponse<String> response) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    /** A round of 思明分局's and 海沧分局's measure, both started, its report task open. */
    private String roundAtItsReport() {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, TODAY));
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        // the report's timer (feedback + 2 months) as the job executor fires it on its day
        Job due = managementService.createJobQuery().processInstanceId(roundRepository.requireRound(round)
            .processInstanceId()).activityId(InspectionRoundProcess.Elements.REPORT_DUE).singleResult();
        managementService.executeJob(due.getId());
        return round;
    }

    private Task reportTask(String round) {
        return taskService.createTaskQuery().processInstanceBusinessKey(round)
            .taskDefinitionKey(InspectionRoundProcess.Elements.SUBMIT_REPORT).singleResult();
    }

    @Test
    void theReportsFormTellsTheOfficeWhatIsOpenAndHowToRecordNotDone() throws Exception {
        String round = roundAtItsReport();
        Task report = reportTask(round);

        HttpResponse<String> form = call("GET", "/engine-rest/task/" + report.getId() + "/form-variables", "officer1",
            null, HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        String text = JSON.readTree(form.body()).path("reportOutcomesText").path("value").asText();
        assertThat(text)
            .contains("本轮整改措施共2项：已完成整改0项，基本完成、持续推进0项，未完成0项，正在推进2项。")
            // markdown-escaped for the form: the Tasklist shows "POST /api/rounds/<code>/not-done"
            .contains("POST \\/api\\/rounds\\/" + round.replace("-", "\\-") + "\\/not\\-done")
            .contains("措施编号（measureCode）、未完成原因（reason）和计划完成时间（plannedDate）");
    }

    @Test
    void aBadListIsRefusedWholeByRowAndOnlyTheOfficeMayRecord() throws Exception {
        String round = roundAtItsReport();
        String other = TestRounds.newCode();
        rounds.register(TestRounds.round(other, TODAY, org.rectiflow.measure.MeasureKind.IMMEDIATE, 30));
        String simings = round + "-01-01";
        String body = """
            [{"measureCode": "%s", "reason": "需协调市级部门", "plannedDate": "%s"},
             {"measureCode": "%s", "reason": " ", "plannedDate": "%s"},
             {"measureCode": "%s", "reason": "另一轮次", "plannedDate": "%s"},
             {"measureCode": "%s", "reason": "重复", "plannedDate": "%s"},
             {"reason": "无编号"}]""".formatted(simings, TODAY.plusDays(90), round + "-01-02", TODAY.minusDays(1),
            other + "-01-01", TODAY.plusDays(90), simings, TODAY.plusDays(90));

        assertThat(notDone(round, TestRounds.LIAISON, body).statusCode()).isEqualTo(403);
        assertThat(notDone(round, "chief", body).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = notDone(round, "officer1", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
            "[1].reason: 请填写未完成原因",
            "[1].plannedDate: 计划完成时间 " + TODAY.minusDays(1) + " 早于今天 " + TODAY,
            "[2].measureCode: 措施「" + other + "-01-01」不是本轮次「" + round + "」的整改措施",
            "[3].measureCode: 措施「" + simings + "」在本次登记中重复",
            "[4].measureCode: 请填写措施编号",
            "[4].plannedDate: 请填写计划完成时间");
        assertThat(measures.require(simings).outcome()).as("nothing recorded").isEqualTo(Outcome.IN_PROGRESS);
        assertThat(notDone("NO-SUCH-ROUND", "officer1", "[]").statusCode()).isEqualTo(404);
        assertThat(errors(notDone(round, "officer1", "[]"))).containsExactly("请至少列出一项措施（measureCode、reason、plannedDate）");
    }

    @Test
    void theOfficeRecordsAnOpenMeasureNotDoneAndEveryFigureCountsItWhileItStaysWithItsUnit() throws Exception {
        String round = roundAtItsReport();
        String simings = round + "-01-01";
        LocalDate planned = TODAY.plusDays(90);

        HttpResponse<String> recorded = notDone(round, "officer1",
            "[{\"measureCode\": \"" + simings + "\", \"reason\": \"需协调市级部门\", \"plannedDate\": \"" + planned + "\"}]");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(JSON.readTree(recorded.body()).path("recorded").asInt()).isEqualTo(1);
        Measure measure = measures.require(simings);
        assertThat(measure.outcome()).isEqualTo(Outcome.NOT_DONE);
        assertThat(measure.notDoneReason()).isEqualTo("需协调市级部门");
        assertThat(measure.plannedDate()).isEqualTo(planned);
        assertThat(measure.status()).as("still open").isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measure.unitCode()).isEqualTo("siming");
        assertThat(history.of(StatusHistory.Entity.MEASURE, simings)).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("officer1");
            assertThat(e.reason()).isEqualTo("整改专班在整改情况报告中记为未完成（计划" + planned + "前完成）：需协调市级部门");
        });
        Task work = taskService.createTaskQuery().processInstanceBusinessKey(simings)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        assertThat(taskService.createTaskQuery().taskId(work.getId()).taskCandidateGroup("siming").count())
            .as("the unit keeps its task").isOne();

        JsonNode summary = JSON.readTree(call("GET", "/api/rounds/" + round + "/summary", "officer1", null,
            HttpResponse.BodyHandlers.ofString()).body());
        assertThat(summary.at("/measures/notDone").asInt()).isEqualTo(1);
        assertThat(summary.at("/measures/inProgress").asInt()).isEqualTo(1);

        byte[] ledger = call("GET", "/api/rounds/" + round + "/ledger.xlsx", "officer1", null,
            HttpResponse.BodyHandlers.ofByteArray()).body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row simingRow = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (SIMING_CONTENT.equals(sheet.getRow(r).getCell(3).getStringCellValue())) {
                    simingRow = sheet.getRow(r);
                }
            }
            assertThat(simingRow).isNotNull();
            assertThat(simingRow.getCell(10).getStringCellValue()).isEqualTo("未完成");
            assertThat(simingRow.getCell(11).getStringCellValue()).isEqualTo("需协调市级部门（计划" + planned.getYear()
                + "年" + planned.getMonthValue() + "月" + planned.getDayOfMonth() + "日前完成）");
        }

        String html = call("GET", "/api/rounds/" + round + "/report.html", "officer1", null,
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("”未完成，原因：需协调市级部门，计划于" + planned.getYear() + "年"
            + planned.getMonthValue() + "月" + planned.getDayOfMonth() + "日前完成。");
    }
}
