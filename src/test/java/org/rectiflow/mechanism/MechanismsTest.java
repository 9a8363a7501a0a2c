package org.rectiflow.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mechanisms (制度机制) as users record them: in the unit's report form (the Tasklist's submit-form, the list as the
 * Tasklist sends it: a Json variable), by import (JSON and workbook), seen by the reviewers, counted by the summary,
 * the public report and the ledger workbook.
 */
class MechanismsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW_1 = "{\"title\":\"关于加强请示报告工作的通知\",\"docNumber\":\"厦公党〔2021〕5号\","
        + "\"issuer\":\"厦门市公安局\",\"issuedOn\":\"2021-05-10\",\"revision\":\"NEW\"}";
    private static final String BLANK_ROW = "{\"title\":\"\",\"docNumber\":\"\",\"issuer\":\"\",\"issuedOn\":null,"
        + "\"revision\":null}";

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    /** A round of two units (siming 01-01, haicang 01-02) brought to the units' work. */
    private String round() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code;
    }

    private Task task(String measureCode, String element) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measureCode).taskDefinitionKey(element)
            .singleResult();
    }

    private HttpResponse<String> report(Task task, String mechanismsJson) throws Exception {
        Map<String, Object> variables = Map.of(
            "progress", Map.of("value", "已制定方案并组织实施", "type", "String"),
            "completionSummary", Map.of("value", "印发通知1份", "type", "String"),
            "evidence", Map.of("value", "通知原件", "type", "String"),
            "reportStatus", Map.of("value", "COMPLETED", "type", "String"),
            "mechanisms", Map.of("value", mechanismsJson, "type", "Json",
                "valueInfo", Map.of("serializationDataFormat", "application/json")));
        return call("POST", "/engine-rest/task/" + task.getId() + "/submit-form", "simingLiaison",
            JSON.writeValueAsString(Map.of("variables", variables)), "application/json");
    }

    private HttpResponse<String> call(String method, String path, String user, String body, String type)
        throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).header("Accept", path.endsWith(".html") ? "text/html"
                : "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode list(String code, String user) throws Exception {
        HttpResponse<String> response = call("GET", "/api/rounds/" + code + "/mechanisms", user, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int stored(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM mechanism WHERE round_code = ?").param(code).query(Integer.class).single();
    }

    @Test
    void theReportFormsListIsRecordedWithTheReportAndTheReviewersSeeIt() throws Exception {
        String code = round();
        String measure = code + "-01-01";
        HttpResponse<String> submitted = report(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES),
            "[" + ROW_1 + "," + BLANK_ROW + "]");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        JsonNode recorded = list(code, "officer1");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("title").asText()).isEqualTo("关于加强请示报告工作的通知");
        assertThat(recorded.get(0).get("docNumber").asText()).isEqualTo("厦公党〔2021〕5号");
        assertThat(recorded.get(0).get("issuer").asText()).isEqualTo("厦门市公安局");
        assertThat(recorded.get(0).get("issuedOn").asText()).isEqualTo("2021-05-10");
        assertThat(recorded.get(0).get("revision").asText()).isEqualTo("NEW");
        assertThat(recorded.get(0).get("source").asText()).isEqualTo("REPORT");
        assertThat(recorded.get(0).get("unitCode").asText()).isEqualTo("siming");
        assertThat(recorded.get(0).get("recordedBy").asText()).isEqualTo("simingLiaison");
        assertThat(recorded.get(0).get("measures").get(0).asText()).isEqualTo(measure);

        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(taskService.getVariable(review.getId(), "reportedMechanisms"))
            .isEqualTo("1\\. 《关于加强请示报告工作的通知》（厦公党〔2021〕5号，厦门市公安局，2021年5月10日印发，新建）");

        JsonNode summary = JSON.readTree(call("GET", "/api/rounds/" + code + "/summary", "officer1", null, null).body());
        assertThat(summary.get("mechanisms").asLong()).isEqualTo(1);
        assertThat(summary.get("keyGroups").get(0).get("mechanisms").asLong()).isEqualTo(1);
        for (JsonNode unit : summary.get("units")) {
            assertThat(unit.get("mechanisms").asLong()).as(unit.toString())
                .isEqualTo(unit.get("code").asText().equals("siming") ? 1 : 0);
        }
        String html = call("GET", "/api/rounds/" + code + "/report.html", "officer1", null, null).body();
        assertThat(html).contains("建立完善1项制度机制。");
    }

    @Test
    void aBadRowRefusesTheWholeReportNamingItsRowAndField() throws Exception {
        String code = round();
        String measure = code + "-01-01";
        Task task = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        HttpResponse<String> refused = report(task, "[" + ROW_1 + ",{\"title\":\"\",\"issuer\":\"厦门市公安局\","
            + "\"issuedOn\":\"2021-05-10\",\"revision\":\"REVISED\"},{\"title\":\"规定\",\"issuer\":\"厦门市公安局\","
            + "\"issuedOn\":\"" + LocalDate.now().plusDays(3) + "\",\"revision\":\"NEW\"}]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains(
            "制度机制第2条：请填写名称；制度机制第3条：印发日期不能晚于今天（" + LocalDate.now().getYear() + "年"
                + LocalDate.now().getMonthValue() + "月" + LocalDate.now().getDayOfMonth() + "日）");
        assertThat(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES)).isNotNull();
        assertThat(stored(code)).isZero();
        assertThat(jdbc.sql("SELECT progress FROM measure WHERE code = ?").param(measure).query(String.class)
            .optional()).isEmpty();
    }

    @Test
    void aReworkOpensWithTheRecordedMechanismsAndItsListReplacesThem() throws Exception {
        String code = round();
        String measure = code + "-01-01";
        assertThat(report(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES), "[" + ROW_1 + "]")
            .statusCode()).isEqualTo(204);
        taskService.complete(task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW).getId(),
            Map.of("reviewDecision", "REJECT", "reviewComment", "制度文号有误"));

        Task rework = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        JsonValue prefilled = taskService.getVariableLocalTyped(rework.getId(), "mechanisms");
        assertThat(JSON.readTree(prefilled.getValueSerialized())).isEqualTo(JSON.readTree("[" + ROW_1 + "]"));

        String revised = "{\"title\":\"关于加强请示报告工作的通知\",\"docNumber\":\"厦公党〔2021〕6号\","
            + "\"issuer\":\"厦门市公安局\",\"issuedOn\":\"2021-05-11\",\"revision\":\"REVISED\"}";
        String second = "{\"title\":\"请示报告督办制度\",\"issuer\":\"思明分局\",\"issuedOn\":\"2021-05-12\","
            + "\"revision\":\"NEW\"}";
        assertThat(report(rework, "[" + revised + "," + second + "]").statusCode()).isEqualTo(204);
        JsonNode recorded = list(code, "officer1");
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).get("docNumber").asText()).isEqualTo("厦公党〔2021〕6号");
        assertThat(recorded.get(0).get("revision").asText()).isEqualTo("REVISED");
        assertThat(recorded.get(1).get("title").asText()).isEqualTo("请示报告督办制度");
    }

    @Test
    void aMechanismsDocumentsFollowItIntoTheReworksReportWhichCannotDropIt() throws Exception {
        String code = round();
        String measure = code + "-01-01";
        assertThat(report(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES), "[" + ROW_1 + "]")
            .statusCode()).isEqualTo(204);
        long first = jdbc.sql("SELECT id FROM mechanism WHERE round_code = ?").param(code).query(Long.class).single();
        String boundary = "----rectiflow" + System.nanoTime();
        String pdf = "%PDF-1.4\n%" + "x".repeat(1000) + "\n%%EOF\n";
        HttpResponse<String> uploaded = call("POST", "/api/mechanisms/" + first + "/evidence", "simingLiaison",
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"通知.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n",
            "multipart/form-data; boundary=" + boundary);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        taskService.complete(task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW).getId(),
            Map.of("reviewDecision", "REJECT", "reviewComment", "制度文号有误"));

        // dropping the mechanism with documents is refused, naming it
        Task rework = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        String other = "{\"title\":\"请示报告督办制度\",\"issuer\":\"思明分局\",\"issuedOn\":\"2021-05-12\","
            + "\"revision\":\"NEW\"}";
        HttpResponse<String> dropped = report(rework, "[" + other + "]");
        assertThat(dropped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(dropped.body()).get("message").asText())
            .contains("制度机制第2条：制度机制“关于加强请示报告工作的通知”已上传制度文件，不能从报告中删除");

        // recorded again: its documents move to the new row
        assertThat(report(rework, "[" + ROW_1 + "," + other + "]").statusCode()).isEqualTo(204);
        long again = jdbc.sql("SELECT id FROM mechanism WHERE round_code = ? AND title = ?")
            .params(code, "关于加强请示报告工作的通知").query(Long.class).single();
        assertThat(again).isNotEqualTo(first);
        JsonNode files = JSON.readTree(call("GET", "/api/mechanisms/" + again + "/evidence", "officer1", null, null)
            .body());
        assertThat(files.findValuesAsText("name")).containsExactly("通知.pdf");
        assertThat(call("GET", "/api/mechanisms/" + first + "/evidence", "officer1", null, null).statusCode())
            .isEqualTo(404);
        assertThat(stored(code)).isEqualTo(2);
    }

    @Test
    void theJsonImportIsAllOrNothingAndAUnitImportsForItsOwnMeasuresOnly() throws Exception {
        String code = round();
        String path = "/api/rounds/" + code + "/mechanisms";
        String good = "{\"title\":\"执法监督会商制度\",\"issuer\":\"厦门市公安局\",\"issuedOn\":\"2021-06-01\","
            + "\"revision\":\"新建\",\"measures\":[\"" + code + "-01-01\",\"" + code + "-01-02\"],\"unit\":\"siming\"}";
        String bad = "{\"title\":\" \",\"issuer\":\"厦门市公安局\",\"issuedOn\":\"2021-6-1\",\"revision\":\"重建\","
            + "\"measures\":[\"" + code + "-09-09\"]}";
        HttpResponse<String> refused = call("POST", path, "officer1", "[" + good + "," + bad + "]", "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors")).extracting(JsonNode::asText).containsExactly(
            "第2条 名称: 请填写名称",
            "第2条 印发日期: 日期格式应为 yyyy-MM-dd，此处为“2021-6-1”",
            "第2条 新建或修订: 应为“新建”或“修订”，此处为“重建”",
            "第2条 对应整改措施: 整改措施" + code + "-09-09不是本轮次（" + code + "）的整改措施");
        assertThat(stored(code)).isZero();

        HttpResponse<String> created = call("POST", path, "officer1", "[" + good + "]", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("recorded").asInt()).isEqualTo(1);

        String haicang = "{\"title\":\"海沧制度\",\"issuer\":\"海沧分局\",\"issuedOn\":\"2021-06-01\",\"revision\":\"新建\","
            + "\"measures\":[\"" + code + "-01-02\"]}";
        assertThat(call("POST", path, "simingLiaison", "[" + haicang + "]", "application/json").statusCode())
            .isEqualTo(403);
        assertThat(call("POST", path, "chief", "[" + haicang + "]", "application/json").statusCode()).isEqualTo(403);
        assertThat(stored(code)).isEqualTo(1);
        HttpResponse<String> own = call("POST", path, "haicangLiaison", "[" + haicang + "]", "application/json");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(list(code, "haicangLiaison")).extracting(m -> m.get("title").asText()).containsExactly("海沧制度");
        assertThat(list(code, "officer1")).hasSize(2);
    }

    @Test
    void theWorkbookImportNamesSheetRowAndColumnAndTheLedgerWorkbookListsAndCountsThem() throws Exception {
        String code = round();
        String path = "/api/rounds/" + code + "/mechanisms";
        HttpResponse<byte[]> template = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path + "/template"))
            .header("Authorization", basicAuth("simingLiaison", "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Row header = workbook.getSheet("制度机制").getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(6).getStringCellValue()))
                .containsExactly("名称", "对应整改措施");
        }
        byte[] bad = workbook(List.of(
            new String[] {"警务公开制度", "", "厦门市公安局", "2021-06-01", "新建", "", code + "-01-01、" + code + "-01-02"},
            new String[] {"请示报告制度", "", "厦门市公安局", "下个月", "修订", "", code + "-01-01"}));
        HttpResponse<String> refused = upload(path, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors")).extracting(JsonNode::asText).containsExactly(
            "制度机制 第2行 单位: 对应整改措施属于多个单位，请填写单位",
            "制度机制 第3行 印发日期: 日期格式应为 yyyy-MM-dd，此处为“下个月”");
        assertThat(stored(code)).isZero();

        byte[] good = workbook(List.of(
            new String[] {"警务公开制度", "", "厦门市公安局", "2021-06-01", "新建", "思明分局", code + "-01-01，" + code + "-01-02"},
            new String[] {"请示报告制度", "厦公〔2021〕1号", "厦门市公安局", "2021-06-02", "修订", "", code + "-01-02"}));
        HttpResponse<String> created = upload(path, good);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<byte[]> ledger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/" + code + "/ledger.xlsx"))
            .header("Authorization", basicAuth("officer1", "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.body()))) {
            Sheet sheet = workbook.getSheet("制度机制");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("警务公开制度");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("思明分局");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo(code + "-01-01、" + code + "-01-02");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("修订");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("海沧分局");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("导入");
            Sheet figures = workbook.getSheet("整改统计");
            assertThat(figures.getRow(0).getCell(13).getStringCellValue()).isEqualTo("制度机制");
            assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(figures.getRow(1).getCell(13).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    private static byte[] workbook(List<String[]> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("制度机制");
            String[] header = {"名称", "文号", "发文机关", "印发日期", "新建或修订", "单位", "对应整改措施"};
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).length; i++) {
                    if (!rows.get(r)[i].isEmpty()) {
                        row.createCell(i).setCellValue(rows.get(r)[i]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> upload(String path, byte[] file) throws Exception {
        String boundary = "rectiflowBoundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.xlsx\"\r\n"
            + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basicAuth("officer1", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
