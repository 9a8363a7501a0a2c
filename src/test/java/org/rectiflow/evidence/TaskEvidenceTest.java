package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.EvidenceUploads;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/tasks/{taskId}/evidence}, the Tasklist tab's data: the unit's 单位整改并报告 collects (upload,
 * drafts removable, the earlier reports' files below), the reviewers' tasks show the submitted files read-only, newest
 * report first; a task the caller may not see is 404, a task without evidence has no title and no files.
 */
class TaskEvidenceTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private String measure() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code + "-01-01";
    }

    @Test
    void theResolversActivityIdsAreMeasureExecutionsOwn() {
        assertThat(TaskEvidenceResolver.MEASURE_EXECUTION).isEqualTo(MeasureExecutionProcess.KEY);
        assertThat(TaskEvidenceResolver.UNIT_RECTIFIES).isEqualTo(MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        assertThat(TaskEvidenceResolver.LEAD_UNIT_REVIEW).isEqualTo(MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(TaskEvidenceResolver.SUPERVISION_SIGN_OFF)
            .isEqualTo(MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);
        assertThat(TaskEvidenceResolver.LEADING_GROUP_INTERVIEW)
            .isEqualTo(MeasureExecutionProcess.Elements.LEADING_GROUP_INTERVIEW);
    }

    @Test
    void theUnitsReportTaskCollectsItsDraftsWithEverythingTheTabShows() throws Exception {
        String measure = measure();
        long id = upload(measure, "整改通知.pdf", EvidenceTest.pdf(1024), "印发的整改通知");
        Task task = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);

        JsonNode view = evidence(task.getId(), "simingLiaison");
        assertThat(view.get("title").asText()).isEqualTo("措施" + measure + "的佐证材料");
        assertThat(view.get("writable").asBoolean()).isTrue();
        assertThat(view.get("uploadUrl").asText()).isEqualTo("/api/measures/" + measure + "/evidence");
        assertThat(view.get("hint").asText()).isEqualTo("可上传PDF文档、OFD文档、JPEG图片、PNG图片、Word文档（doc/wps）、"
            + "Word文档（docx）、Excel表格（xls/et）、Excel表格（xlsx），单个文件不超过64KB；未提交的文件在完成本任务时随报告一并提交，提交前可以删除");
        assertThat(view.get("files")).hasSize(1);
        JsonNode file = view.get("files").get(0);
        assertThat(file.get("id").asLong()).isEqualTo(id);
        assertThat(file.get("name").asText()).isEqualTo("整改通知.pdf");
        assertThat(file.get("description").asText()).isEqualTo("印发的整改通知");
        assertThat(file.get("size").asLong()).isEqualTo(1024);
        assertThat(file.get("sizeText").asText()).isEqualTo("1KB");
        assertThat(file.get("type").asText()).isEqualTo("PDF文档");
        assertThat(file.get("uploadedBy").asText()).isEqualTo("苏国栋");
        Timestamp uploadedAt = jdbc.sql("SELECT uploaded_at FROM evidence_file WHERE id = ?").param(id)
            .query(Timestamp.class).single();
        assertThat(file.get("uploadedAt").asText())
            .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(uploadedAt.toInstant().atZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(file.get("report").isNull()).isTrue();
        assertThat(file.get("url").asText()).isEqualTo("/api/measures/" + measure + "/evidence/" + id);
        assertThat(file.get("deleteUrl").asText()).isEqualTo("/api/measures/" + measure + "/evidence/" + id);
        assertThat(file.get("inline").asBoolean()).isTrue();

        // the overseers may open the unit's task; they read its drafts but do not upload
        JsonNode office = evidence(task.getId(), "officer1");
        assertThat(office.get("writable").asBoolean()).isFalse();
        assertThat(office.get("uploadUrl").isNull()).isTrue();
        assertThat(office.get("files").get(0).get("deleteUrl").isNull()).isTrue();
        assertThat(office.get("hint").asText()).isEqualTo("单位随报告提交的佐证材料，最近的报告在前");
    }

    @Test
    void theReviewersSeeTheSubmittedFilesReadOnlyNewestReportFirst() throws Exception {
        String measure = measure();
        long first = upload(measure, "整改通知.pdf", EvidenceTest.pdf(1024), null);
        assertThat(report(measure).statusCode()).isEqualTo(204);

        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        JsonNode lead = evidence(review.getId(), TestRounds.LEAD_UNIT_LIAISON);
        assertThat(lead.get("writable").asBoolean()).isFalse();
        assertThat(lead.get("uploadUrl").isNull()).isTrue();
        assertThat(lead.get("files").findValuesAsText("report")).containsExactly("第1次报告");
        assertThat(lead.get("files").get(0).get("deleteUrl").isNull()).isTrue();
        assertThat(lead.get("files").get(0).get("description").isNull()).isTrue();

        assertThat(submit(review, TestRounds.LEAD_UNIT_LIAISON, Map.of(
            "reviewDecision", Map.of("value", "REJECT", "type", "String"),
            "reviewComment", Map.of("value", "佐证材料不全", "type", "String"))).statusCode()).isEqualTo(204);
        long second = upload(measure, "补充材料.pdf", EvidenceTest.pdf(2048), "补充的会议记录");
        // back at the unit: the new draft first, then the rejected report's file
        JsonNode unit = evidence(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES).getId(),
            "simingLiaison");
        assertThat(unit.get("files").findValuesAsText("id"))
            .containsExactly(String.valueOf(second), String.valueOf(first));
        assertThat(unit.get("files").get(0).get("report").isNull()).isTrue();
        assertThat(unit.get("files").get(1).get("report").asText()).isEqualTo("第1次报告");
        assertThat(unit.get("files").get(0).get("deleteUrl").isNull()).isFalse();
        assertThat(unit.get("files").get(1).get("deleteUrl").isNull()).isTrue();

        assertThat(report(measure).statusCode()).isEqualTo(204);
        review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(evidence(review.getId(), TestRounds.LEAD_UNIT_LIAISON).get("files").findValuesAsText("report"))
            .containsExactly("第2次报告", "第1次报告");
        assertThat(submit(review, TestRounds.LEAD_UNIT_LIAISON, Map.of(
            "reviewDecision", Map.of("value", "APPROVE", "type", "String"),
            "reviewComment", Map.of("value", "同意", "type", "String"))).statusCode()).isEqualTo(204);

        Task signOff = task(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);
        JsonNode supervision = evidence(signOff.getId(), "supervisor1");
        assertThat(supervision.get("title").asText()).isEqualTo("措施" + measure + "的佐证材料");
        assertThat(supervision.get("files").findValuesAsText("name")).containsExactly("补充材料.pdf", "整改通知.pdf");
        assertThat(supervision.get("files").get(0).get("description").asText()).isEqualTo("补充的会议记录");
        assertThat(supervision.get("files").get(1).get("description").isNull()).isTrue();
    }

    @Test
    void aTaskTheCallerMayNotSeeIsNotFound() throws Exception {
        String measure = measure();
        Task task = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        HttpResponse<String> other = get("/api/tasks/" + task.getId() + "/evidence", "haicangLiaison");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(other.body()).get("message").asText())
            .isEqualTo("该任务已办结或已不存在，或您无权查看");
        assertThat(get("/api/tasks/no-such-task/evidence", "simingLiaison").statusCode()).isEqualTo(404);
        assertThat(get("/api/tasks/" + task.getId() + "/evidence", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTaskWithoutEvidenceHasNoTitleAndNoFiles() throws Exception {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        Task meeting = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        JsonNode view = evidence(meeting.getId(), "officer1");
        assertThat(view.get("title").isNull()).isTrue();
        assertThat(view.get("writable").asBoolean()).isFalse();
        assertThat(view.get("uploadUrl").isNull()).isTrue();
        assertThat(view.get("files")).isEmpty();
    }

    @Test
    void theTasklistLetsAFileItOpensInANewTabLeaveItsSandbox() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
            .endsWith(";sandbox allow-forms allow-scripts allow-same-origin allow-popups allow-downloads "
                + "allow-popups-to-escape-sandbox")
            .contains("object-src 'none'", "frame-ancestors 'none'", "script-src 'nonce-")
            .doesNotContain("$NONCE");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private JsonNode evidence(String taskId, String user) throws Exception {
        HttpResponse<String> response = get("/api/tasks/" + taskId + "/evidence", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(
            StandardCharsets.UTF_8));
    }

    private long upload(String measure, String name, byte[] content, String description) throws Exception {
        HttpResponse<String> response = EvidenceUploads.upload(port, "/api/measures/" + measure + "/evidence",
            "simingLiaison", name, content, description);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private Task task(String measure, String element) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(element)
            .singleResult();
    }

    private HttpResponse<String> report(String measure) throws Exception {
        return submit(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES), "simingLiaison", Map.of(
            "progress", Map.of("value", "已制定方案并组织实施", "type", "String"),
            "completionSummary", Map.of("value", "印发通知1份", "type", "String"),
            "evidence", Map.of("value", "通知原件", "type", "String"),
            "reportStatus", Map.of("value", "COMPLETED", "type", "String")));
    }

    private HttpResponse<String> submit(Task task, String user, Map<String, Object> variables) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables)),
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
