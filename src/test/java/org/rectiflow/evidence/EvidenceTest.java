package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
 * Evidence files (佐证材料) as users reach them: uploaded, listed, downloaded and removed through
 * {@code /api/measures/{code}/evidence}, bound to the report by the unit's completion of its task (the Tasklist's
 * submit-form), seen by the reviewers; spoofed types, limits (the test profile's: 64KB a file, 100KB a measure) and
 * other units refused.
 */
class EvidenceTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    /** A round of two units (siming 01-01, haicang 01-02) brought to the units' work; 思明分局's measure. */
    String measure() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code + "-01-01";
    }

    /** A PDF of exactly {@code size} bytes. */
    static byte[] pdf(int size) {
        byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    /** A Windows executable (PE): the DOS header pointing at the PE signature. */
    static byte[] windowsExecutable() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        bytes[0x84] = 0x4c;
        bytes[0x85] = 0x01;
        return bytes;
    }

    /** A Linux executable (ELF, 64-bit, executable). */
    static byte[] linuxExecutable() {
        byte[] bytes = new byte[256];
        bytes[0] = 0x7f;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[6] = 1;
        bytes[16] = 2;
        bytes[18] = 0x3e;
        return bytes;
    }

    static byte[] zipOfText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("说明.txt"));
            zip.write("整改材料".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    HttpResponse<String> upload(String measure, String user, String name, byte[] content, String description)
        throws Exception {
        return EvidenceUploads.upload(port, "/api/measures/" + measure + "/evidence", user, name, content, description);
    }

    HttpResponse<byte[]> call(String method, String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo"))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode list(String measure, String user) throws Exception {
        HttpResponse<byte[]> response = call("GET", "/api/measures/" + measure + "/evidence", user);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    long uploaded(String measure, String name, byte[] content, String description) throws Exception {
        HttpResponse<String> response = upload(measure, "simingLiaison", name, content, description);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("errors").get(0).asText();
    }

    private Task task(String measure, String element) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(element)
            .singleResult();
    }

    /** The unit completes its report through the Tasklist's submit-form. */
    HttpResponse<byte[]> report(String measure, String status) throws Exception {
        Map<String, Object> variables = Map.of(
            "progress", Map.of("value", "已制定方案并组织实施", "type", "String"),
            "completionSummary", Map.of("value", "印发通知1份", "type", "String"),
            "evidence", Map.of("value", "通知原件", "type", "String"),
            "reportStatus", Map.of("value", status, "type", "String"));
        return submit(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES), "simingLiaison", variables);
    }

    private HttpResponse<byte[]> submit(Task task, String user, Map<String, Object> variables) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables)),
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anUploadedFileIsListedAndDownloadedAsItWasSent() throws Exception {
        String measure = measure();
        byte[] content = pdf(3000);
        HttpResponse<String> created = upload(measure, "simingLiaison", "整改通知.pdf", content, "印发的整改通知");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        JsonNode file = JSON.readTree(created.body());
        List<String> fields = new java.util.ArrayList<>();
        file.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "subject", "measureCode", "name", "description", "size", "type",
            "sha256", "uploadedBy", "uploadedAt", "report", "reportedAt");
        assertThat(file.get("name").asText()).isEqualTo("整改通知.pdf");
        assertThat(file.get("description").asText()).isEqualTo("印发的整改通知");
        assertThat(file.get("size").asLong()).isEqualTo(3000);
        assertThat(file.get("type").asText()).isEqualTo("application/pdf");
        assertThat(file.get("sha256").asText()).isEqualTo(sha256);
        assertThat(file.get("uploadedBy").asText()).isEqualTo("simingLiaison");
        assertThat(file.get("uploadedAt").isNull()).isFalse();
        assertThat(file.get("report").asText()).isEqualTo("draft");

        for (String reader : List.of("simingLiaison", "inspectorateLiaison", "supervisor1", "officer1", "inspector1",
            "chief")) {
            JsonNode listed = list(measure, reader);
            assertThat(listed).as(reader).hasSize(1);
            assertThat(listed.get(0).get("id").asLong()).isEqualTo(file.get("id").asLong());
            assertThat(listed.get(0).get("sha256").asText()).isEqualTo(sha256);
        }

        HttpResponse<byte[]> download = call("GET", "/api/measures/" + measure + "/evidence/" + file.get("id").asLong(),
            "supervisor1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
            .isEqualTo(sha256);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
            "inline; filename=\"=?UTF-8?Q?=E6=95=B4=E6=94=B9=E9=80=9A=E7=9F=A5.pdf?=\"; "
                + "filename*=UTF-8''%E6%95%B4%E6%94%B9%E9%80%9A%E7%9F%A5.pdf");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly(
            "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'");
    }

    @Test
    void theCompletionBindsExactlyTheDraftsOfThatMomentAndTheReviewersSeeThem() throws Exception {
        String measure = measure();
        long first = uploaded(measure, "整改通知.pdf", pdf(1024), "印发的整改通知");
        long removed = uploaded(measure, "草稿.pdf", pdf(2048), null);
        assertThat(call("DELETE", "/api/measures/" + measure + "/evidence/" + removed, "simingLiaison").statusCode())
            .isEqualTo(204);
        long second = uploaded(measure, "会议记录.pdf", pdf(1536), null);

        HttpResponse<byte[]> completed = report(measure, "COMPLETED");
        assertThat(completed.statusCode()).as(text(completed)).isEqualTo(204);

        JsonNode files = list(measure, "officer1");
        assertThat(files.findValuesAsText("id")).containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(files.findValuesAsText("report")).containsExactly("1", "1");
        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(taskService.getVariable(review.getId(), "reportedEvidenceFiles"))
            .isEqualTo("1\\. 整改通知\\.pdf（1KB）：印发的整改通知\n2\\. 会议记录\\.pdf（1\\.5KB）");

        // the task is done: no upload, no removal until the measure is back with the unit
        HttpResponse<String> late = upload(measure, "simingLiaison", "补充.pdf", pdf(1024), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(error(late)).isEqualTo("措施" + measure + "的「单位整改并报告」任务不在办理中，不能上传佐证材料");
        HttpResponse<byte[]> bound = call("DELETE", "/api/measures/" + measure + "/evidence/" + first, "simingLiaison");
        assertThat(bound.statusCode()).isEqualTo(409);
    }

    @Test
    void aRefusedCompletionBindsNothing() throws Exception {
        String measure = measure();
        long draft = uploaded(measure, "整改通知.pdf", pdf(1024), null);
        // 长期坚持 on a measure to be done now: refused, the task stays open
        HttpResponse<byte[]> refused = report(measure, "LONG_TERM");
        assertThat(refused.statusCode()).as(text(refused)).isNotEqualTo(204);
        assertThat(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES)).isNotNull();
        assertThat(list(measure, "simingLiaison").findValuesAsText("report")).containsExactly("draft");

        // still a draft: it can be removed
        assertThat(call("DELETE", "/api/measures/" + measure + "/evidence/" + draft, "simingLiaison").statusCode())
            .isEqualTo(204);
        assertThat(list(measure, "simingLiaison")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE file_id = ?").param(draft)
            .query(Integer.class).single()).isZero();
    }

    @Test
    void aRejectionKeepsTheReportsFilesAndTheReworksUploadsAreTheNextReports() throws Exception {
        String measure = measure();
        long first = uploaded(measure, "整改通知.pdf", pdf(1024), null);
        assertThat(report(measure, "COMPLETED").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> rejected = submit(task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW),
            "inspectorateLiaison", Map.of(
                "reviewDecision", Map.of("value", "REJECT", "type", "String"),
                "reviewComment", Map.of("value", "佐证材料不全", "type", "String")));
        assertThat(rejected.statusCode()).as(text(rejected)).isEqualTo(204);
        assertThat(task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES)).isNotNull();

        HttpResponse<byte[]> kept = call("DELETE", "/api/measures/" + measure + "/evidence/" + first, "simingLiaison");
        assertThat(kept.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(kept.body()).get("errors").get(0).asText())
            .isEqualTo("文件「整改通知.pdf」已随第1次报告提交，不能删除");
        long second = uploaded(measure, "补充材料.pdf", pdf(2048), "补充的会议记录");
        JsonNode files = list(measure, "simingLiaison");
        assertThat(files.findValuesAsText("id")).containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(files.findValuesAsText("report")).containsExactly("1", "draft");

        assertThat(report(measure, "COMPLETED").statusCode()).isEqualTo(204);
        assertThat(list(measure, "simingLiaison").findValuesAsText("report")).containsExactly("1", "2");
        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(taskService.getVariable(review.getId(), "reportedEvidenceFiles"))
            .isEqualTo("1\\. 补充材料\\.pdf（2KB）：补充的会议记录");
    }

    /** Each allowed document type, made as its program writes it, under a name that says nothing of it. */
    static Map<String, byte[]> documents() throws Exception {
        Map<String, byte[]> documents = new java.util.LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument docx = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            docx.createParagraph().createRun().setText("整改通知");
            docx.write(out);
        }
        documents.put(DocumentTypes.DOCX, out.toByteArray());
        out = new ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook xlsx = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            xlsx.createSheet("台账").createRow(0).createCell(0).setCellValue("整改");
            xlsx.write(out);
        }
        documents.put(DocumentTypes.XLSX, out.toByteArray());
        out = new ByteArrayOutputStream();
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook xls = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            xls.createSheet("台账").createRow(0).createCell(0).setCellValue("整改");
            xls.write(out);
        }
        documents.put(DocumentTypes.XLS, out.toByteArray());
        out = new ByteArrayOutputStream();
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem doc = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            // the stream every Word 97-2003 (and WPS) document holds
            doc.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            doc.writeFilesystem(out);
        }
        documents.put(DocumentTypes.DOC, out.toByteArray());
        out = new ByteArrayOutputStream();
        try (ZipOutputStream ofd = new ZipOutputStream(out)) {
            ofd.putNextEntry(new ZipEntry("OFD.xml"));
            ofd.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>"
                .getBytes(StandardCharsets.UTF_8));
            ofd.closeEntry();
            ofd.putNextEntry(new ZipEntry("Doc_0/Document.xml"));
            ofd.write("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            ofd.closeEntry();
        }
        documents.put(DocumentTypes.OFD, out.toByteArray());
        out = new ByteArrayOutputStream();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2,
            java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", out);
        documents.put(DocumentTypes.PNG, out.toByteArray());
        out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        documents.put(DocumentTypes.JPEG, out.toByteArray());
        documents.put(DocumentTypes.PDF, pdf(1024));
        return documents;
    }

    @Test
    void everyAllowedDocumentTypeIsAcceptedByItsBytes() throws Exception {
        String measure = measure();
        for (Map.Entry<String, byte[]> document : documents().entrySet()) {
            HttpResponse<String> created = upload(measure, "simingLiaison", "材料.bin", document.getValue(), null);
            assertThat(created.statusCode()).as(document.getKey() + ": " + created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("type").asText()).isEqualTo(document.getKey());
            long id = JSON.readTree(created.body()).get("id").asLong();
            HttpResponse<byte[]> download = call("GET", "/api/measures/" + measure + "/evidence/" + id, "officer1");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .as(document.getKey()).startsWith(DocumentTypes.INLINE.contains(document.getKey()) ? "inline" : "attachment");
        }
    }

    @Test
    void spoofedTypesAndEmptyFilesAreRefusedAndNothingIsStored() throws Exception {
        String measure = measure();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("整改报告.pdf", windowsExecutable());
        files.put("会议记录.pdf", linuxExecutable());
        files.put("整改方案.docx", zipOfText());
        files.put("空白.pdf", new byte[0]);
        files.put("说明.pdf", "这只是一段文字".getBytes(StandardCharsets.UTF_8));
        List<String> expected = List.of(
            "文件「整改报告.pdf」是可执行程序，不能作为佐证材料，未上传",
            "文件「会议记录.pdf」是可执行程序，不能作为佐证材料，未上传",
            "文件「整改方案.docx」是压缩包，不能作为佐证材料，未上传",
            "文件「空白.pdf」是空文件，未上传",
            "文件「说明.pdf」的类型无法识别，不能作为佐证材料，未上传（只接受PDF文档、OFD文档、JPEG图片、PNG图片、"
                + "Word文档（doc/wps）、Word文档（docx）、Excel表格（xls/et）、Excel表格（xlsx））");
        int i = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> refused = upload(measure, "simingLiaison", file.getKey(), file.getValue(), null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(error(refused)).isEqualTo(expected.get(i++));
        }
        assertThat(list(measure, "simingLiaison")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE measure_code = ?").param(measure)
            .query(Integer.class).single()).isZero();
    }

    @Test
    void theLimitsPerFileAndPerMeasureAreKept() throws Exception {
        String measure = measure();
        HttpResponse<String> tooLarge = upload(measure, "simingLiaison", "扫描件.pdf", pdf(64 * 1024 + 1), null);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(error(tooLarge)).isEqualTo("文件「扫描件.pdf」超过单个文件的上限64KB，未上传");
        uploaded(measure, "一.pdf", pdf(64 * 1024), null);
        uploaded(measure, "二.pdf", pdf(30 * 1024), null);
        HttpResponse<String> over = upload(measure, "simingLiaison", "三.pdf", pdf(7 * 1024), null);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(error(over)).isEqualTo("文件「三.pdf」未上传：本措施的佐证材料已有94KB，加上此文件将超过每项措施的上限100KB");
        assertThat(list(measure, "simingLiaison")).hasSize(2);
    }

    @Test
    void anotherUnitIsRefusedUploadListAndDownload() throws Exception {
        String measure = measure();
        long id = uploaded(measure, "整改通知.pdf", pdf(1024), null);
        HttpResponse<String> upload = upload(measure, "haicangLiaison", "整改通知.pdf", pdf(1024), null);
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(error(upload)).isEqualTo("只有责任单位可以上传措施" + measure + "的佐证材料");
        HttpResponse<byte[]> list = call("GET", "/api/measures/" + measure + "/evidence", "haicangLiaison");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(list.body()).get("errors").get(0).asText())
            .isEqualTo("无权查看措施" + measure + "的佐证材料");
        assertThat(call("GET", "/api/measures/" + measure + "/evidence/" + id, "haicangLiaison").statusCode())
            .isEqualTo(403);
        assertThat(call("DELETE", "/api/measures/" + measure + "/evidence/" + id, "haicangLiaison").statusCode())
            .isEqualTo(403);
        // the office reads, but the unit submits its own evidence
        assertThat(upload(measure, "officer1", "整改通知.pdf", pdf(1024), null).statusCode()).isEqualTo(403);
        assertThat(list(measure, "simingLiaison")).hasSize(1);
    }
}
