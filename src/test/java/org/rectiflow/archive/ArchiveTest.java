package org.rectiflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.Scope;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismService;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sign-off archive (一问题一档案) as users reach it: evidence uploaded for both measures of a problem (思明分局's
 * 01-01, 海沧分局's 01-02) through {@code /api/measures/{code}/evidence}, the reports completed, reviewed and signed
 * off through the Tasklist's submit-form, then {@code …/archive.zip} downloaded over HTTP and read entry by entry.
 */
class ArchiveTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired MechanismService mechanisms;

    private String round() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code;
    }

    /** A PDF of {@code size} bytes, filled with {@code fill}. */
    private static byte[] pdf(int size, char fill) {
        byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private void upload(String measure, String user, String name, byte[] content) throws Exception {
        HttpResponse<String> response = send(measure, user, name, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(String measure, String user, String name, byte[] content) throws Exception {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/measures/" + measure + "/evidence"))
            .header("Authorization", basicAuth(user, "demo"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response;
    }

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void submit(String measure, String element, String user, Map<String, Object> values) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(element)
            .singleResult();
        assertThat(task).as(measure + " at " + element).isNotNull();
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables)),
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** The unit reports the measure done, 督察支队 approves, the supervision group signs off. */
    private void signOff(String measure, String unitUser) throws Exception {
        submit(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES, unitUser, Map.of(
            "progress", "已制定方案并组织实施", "completionSummary", "印发通知1份", "evidence", "通知原件",
            "reportStatus", "COMPLETED"));
        submit(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, "inspectorateLiaison",
            Map.of("reviewDecision", "APPROVE", "reviewComment", "审核通过"));
        submit(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF, "supervisor1",
            Map.of("signOffDecision", "APPROVE", "signOffComment", "同意销号"));
    }

    /** Every entry of a zip: its name and its bytes, in the zip's order. */
    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String cover(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @Test
    void aProblemsArchiveHoldsTheCoverEveryEvidenceFileAndTheManifest() throws Exception {
        String round = round();
        String siming = round + "-01-01";
        String haicang = round + "-01-02";
        byte[] notice = pdf(1500, 'a');
        byte[] minutes = pdf(2500, 'b');
        byte[] sameName = pdf(1200, 'c');
        byte[] photo = pdf(1800, 'd');
        upload(siming, "simingLiaison", "整改通知.pdf", notice);
        upload(siming, "simingLiaison", "会议:记录?.pdf", minutes);
        upload(siming, "simingLiaison", "整改通知.pdf", sameName);
        upload(haicang, "haicangLiaison", "现场照片.pdf", photo);
        signOff(siming, "simingLiaison");
        signOff(haicang, "haicangLiaison");

        HttpResponse<byte[]> response = get("/api/rounds/" + round + "/problems/" + round + "-01/archive.zip",
            "officer1");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> zip = entries(response.body());
        assertThat(zip.keySet()).containsExactly(
            "封面与目录.docx",
            siming + "/第1次报告/整改通知.pdf",
            siming + "/第1次报告/会议_记录_.pdf",
            siming + "/第1次报告/整改通知(2).pdf",
            haicang + "/第1次报告/现场照片.pdf",
            "清单.csv");
        assertThat(zip.get(siming + "/第1次报告/整改通知.pdf")).isEqualTo(notice);
        assertThat(zip.get(siming + "/第1次报告/会议_记录_.pdf")).isEqualTo(minutes);
        assertThat(zip.get(siming + "/第1次报告/整改通知(2).pdf")).isEqualTo(sameName);
        assertThat(zip.get(haicang + "/第1次报告/现场照片.pdf")).isEqualTo(photo);

        byte[] manifest = zip.get("清单.csv");
        assertThat(Arrays.copyOf(manifest, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> lines = new String(manifest, 3, manifest.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("路径,大小（字节）,SHA-256");
        Map<String, String> rows = lines.subList(1, lines.size()).stream()
            .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(',')), l -> l.substring(l.indexOf(',') + 1)));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
            zip.keySet().stream().filter(name -> !name.equals("清单.csv")).toList());
        for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
            if (!entry.getKey().equals("清单.csv")) {
                assertThat(rows.get(entry.getKey())).as(entry.getKey())
                    .isEqualTo(entry.getValue().length + "," + sha256(entry.getValue()));
            }
        }
        assertThat(rows.get(siming + "/第1次报告/整改通知.pdf")).isEqualTo("1500," + sha256(notice));

        String cover = cover(zip.get("封面与目录.docx"));
        assertThat(cover).contains("巡察整改问题档案（一问题一档案）", "问题编号：" + round + "-01", "问题：测试问题",
            "问题类别：1. 测试方面", "整改措施 " + siming, "整改措施 " + haicang, "责任单位：思明分局", "责任单位：海沧分局",
            "状态：已销号", "审核：inspectorateLiaison，意见：审核通过", "销号：supervisor1", "意见：同意销号",
            "第1次报告佐证材料说明：通知原件", "佐证文件：3份", "佐证文件：1份", "现场照片.pdf", "退回重办：0次");

        // the counts: the ledger workbook's 佐证文件 per measure and in total, the public report's 一（四）
        HttpResponse<byte[]> ledger = get("/api/rounds/" + round + "/ledger.xlsx", "officer1");
        assertThat(ledger.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.body()))) {
            Sheet sheet = workbook.getSheet("台账");
            assertThat(sheet.getRow(0).getCell(15).getStringCellValue()).isEqualTo("佐证文件");
            assertThat(sheet.getRow(1).getCell(15).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(2).getCell(15).getNumericCellValue()).isEqualTo(1.0);
            Sheet figures = workbook.getSheet("整改统计");
            assertThat(figures.getRow(0).getCell(14).getStringCellValue()).isEqualTo("佐证文件");
            assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(figures.getRow(1).getCell(14).getNumericCellValue()).isEqualTo(4.0);
        }
        HttpResponse<byte[]> report = get("/api/rounds/" + round + "/report.html", "simingLiaison");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), StandardCharsets.UTF_8)).contains("建立完善0项制度机制，归档佐证材料4份。");

        // the problem is signed off: its first whole archive is final, its manifest's SHA-256 recorded
        Map<String, Object> finalArchive = jdbc.sql("SELECT a.file_count, a.manifest_sha256, a.produced_by, "
                + "a.produced_at FROM problem_archive a WHERE a.problem_ref = ?").param(round + "-01")
            .query().singleRow();
        assertThat(((Number) finalArchive.get("file_count")).intValue()).isEqualTo(4);
        String manifestRows = String.join("", lines.subList(1, lines.size()).stream().map(l -> l + "\r\n").toList());
        assertThat(finalArchive.get("manifest_sha256"))
            .isEqualTo(sha256(manifestRows.getBytes(StandardCharsets.UTF_8)));
        assertThat(finalArchive.get("produced_by")).isEqualTo("officer1");
        String at = ((java.sql.Timestamp) finalArchive.get("produced_at")).toLocalDateTime()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(at).isNotBlank();
        // the archived reports' files never change: no upload without an open report task
        HttpResponse<String> late = send(siming, "simingLiaison", "补充.pdf", pdf(1000, 'e'));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(late.body()).get("errors").get(0).asText())
            .isEqualTo("措施" + siming + "的「单位整改并报告」任务不在办理中，不能上传佐证材料");
        // a later download changes nothing of the record
        assertThat(get("/api/rounds/" + round + "/archive.zip", "chief").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT produced_by FROM problem_archive WHERE problem_ref = ?").param(round + "-01")
            .query(String.class).single()).isEqualTo("officer1");
    }

    @Test
    void aUnitGetsOnlyItsOwnMeasuresAndTheRoundsArchiveIsTheOverseers() throws Exception {
        String round = round();
        String siming = round + "-01-01";
        String haicang = round + "-01-02";
        upload(siming, "simingLiaison", "整改通知.pdf", pdf(1000, 'a'));
        upload(haicang, "haicangLiaison", "现场照片.pdf", pdf(1000, 'b'));
        signOff(siming, "simingLiaison");
        signOff(haicang, "haicangLiaison");

        String problem = "/api/rounds/" + round + "/problems/" + round + "-01/archive.zip";
        HttpResponse<byte[]> own = get(problem, "haicangLiaison");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(entries(own.body()).keySet()).containsExactly("封面与目录.docx",
            haicang + "/第1次报告/现场照片.pdf", "清单.csv");
        assertThat(cover(entries(own.body()).get("封面与目录.docx"))).contains("整改措施 " + haicang)
            .doesNotContain(siming);

        // a unit's part is no whole archive: nothing final yet
        assertThat(jdbc.sql("SELECT COUNT(*) FROM problem_archive WHERE problem_ref = ?").param(round + "-01")
            .query(Integer.class).single()).isZero();

        HttpResponse<byte[]> wholeRound = get("/api/rounds/" + round + "/archive.zip", "haicangLiaison");
        assertThat(wholeRound.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(wholeRound.body()).get("errors").get(0).asText())
            .isEqualTo("无权下载巡察轮次" + round + "的档案");
        HttpResponse<byte[]> owner = get(problem, "owner1");
        assertThat(owner.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(owner.body()).get("errors").get(0).asText())
            .isEqualTo("无权下载问题" + round + "-01的档案");
        assertThat(get("/api/rounds/" + round + "/problems/" + round + "-09/archive.zip", "officer1").statusCode())
            .isEqualTo(404);

        HttpResponse<byte[]> all = get("/api/rounds/" + round + "/archive.zip", "chief");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(entries(all.body()).keySet()).containsExactly(
            round + "-01/封面与目录.docx",
            round + "-01/" + siming + "/第1次报告/整改通知.pdf",
            round + "-01/" + haicang + "/第1次报告/现场照片.pdf",
            "清单.csv");
    }

    @Test
    void theArchivesHoldTheMechanismsDocumentsPerMeasureAndTheRoundsTheUnitPlansButNoClueFiles() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.roundWithClues(round, LocalDate.now(), new RoundRegistration.Clue("XF-1",
            ClueKind.PETITION, "反映民警违规收费", LocalDate.now().minusDays(3))));
        walkthrough.holdMeeting(round, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        byte[] plan = pdf(1100, 'p');
        post("/api/rounds/" + round + "/units/siming/plan/evidence", "simingLiaison", "实施方案.pdf", plan);
        walkthrough.approveUnitPlans(round);
        String measure = round + "-01-01";
        mechanisms.importAll(round, List.of(new MechanismDraft("民警执法规范化管理办法", "思公〔2026〕1号", "思明分局",
            LocalDate.now().toString(), "NEW", null, List.of(measure))), new MechanismService.Importer(true,
            Scope.allUnits()));
        long mechanism = jdbc.sql("SELECT id FROM mechanism WHERE round_code = ?").param(round).query(Long.class)
            .single();
        byte[] rules = pdf(1300, 'r');
        post("/api/mechanisms/" + mechanism + "/evidence", "simingLiaison", "管理办法.pdf", rules);
        // the clue's verification files stay out of every archive
        String clue = jdbc.sql("SELECT code FROM clue WHERE round_code = ?").param(round).query(String.class).single();
        String clueInstance = jdbc.sql("SELECT process_instance_id FROM clue WHERE code = ?").param(clue)
            .query(String.class).single();
        taskService.complete(taskService.createTaskQuery().processInstanceId(clueInstance).singleResult().getId(),
            Map.of("triage", "VERIFY", "triageReason", "线索具体，转初核"));
        post("/api/clues/" + clue + "/evidence", "inspector1", "谈话笔录.pdf", pdf(900, 'x'));
        byte[] notice = pdf(1500, 'a');
        upload(measure, "simingLiaison", "整改通知.pdf", notice);
        signOff(measure, "simingLiaison");

        HttpResponse<byte[]> problem = get("/api/rounds/" + round + "/problems/" + round + "-01/archive.zip",
            "simingLiaison");
        assertThat(problem.statusCode()).isEqualTo(200);
        Map<String, byte[]> zip = entries(problem.body());
        assertThat(zip.keySet()).containsExactly("封面与目录.docx", measure + "/第1次报告/整改通知.pdf",
            measure + "/制度机制/管理办法.pdf", "清单.csv");
        assertThat(zip.get(measure + "/制度机制/管理办法.pdf")).isEqualTo(rules);
        assertThat(new String(zip.get("清单.csv"), StandardCharsets.UTF_8))
            .contains(measure + "/制度机制/管理办法.pdf,1300," + sha256(rules));
        assertThat(cover(zip.get("封面与目录.docx"))).contains("佐证文件：1份", "制度机制：1项", "制度文件：1份",
            "管理办法.pdf（1300字节，simingLiaison上传）", "回头看核查文件：0份", "制度机制\t管理办法.pdf");

        HttpResponse<byte[]> whole = get("/api/rounds/" + round + "/archive.zip", "officer1");
        assertThat(whole.statusCode()).isEqualTo(200);
        Map<String, byte[]> all = entries(whole.body());
        assertThat(all.keySet()).containsExactly(round + "-01/封面与目录.docx",
            round + "-01/" + measure + "/第1次报告/整改通知.pdf", round + "-01/" + measure + "/制度机制/管理办法.pdf",
            "单位整改方案/siming/第1次提交/实施方案.pdf", "清单.csv");
        assertThat(all.get("单位整改方案/siming/第1次提交/实施方案.pdf")).isEqualTo(plan);
        assertThat(new String(all.get("清单.csv"), StandardCharsets.UTF_8))
            .contains("单位整改方案/siming/第1次提交/实施方案.pdf,1100," + sha256(plan)).doesNotContain("谈话笔录");
    }

    private void post(String path, String user, String name, byte[] content) throws Exception {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
            + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
