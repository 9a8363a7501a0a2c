package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectiflow.support.RoundWorkbookFiles.set;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The round as an Excel workbook: {@code GET /api/rounds/template.xlsx} filled in and sent back to
 * {@code POST /api/rounds} (multipart), and bad files, each refused whole with its errors by sheet, row and column.
 */
class WorkbookImportTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Today in the office's zone, as the server counts deadlines. */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));


    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;

    private byte[] template;

    @BeforeEach
    void downloadTheTemplate() throws Exception {
        if (template == null) {
            template = RoundWorkbookFiles.template(port, basic("officer1"));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String basic(String user) {
        return basicAuth(user, "demo");
    }

    private HttpResponse<String> upload(String user, byte[] file) throws Exception {
        return RoundWorkbookFiles.upload(port, basic(user), file);
    }

    private long rounds(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
    }

    private static byte[] bytes(Workbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    /** {@link RoundWorkbookFiles#validWorkbook}: 2 problems, 3 measures due after today. */
    private XSSFWorkbook validWorkbook(String code) throws Exception {
        return RoundWorkbookFiles.validWorkbook(template, code, TODAY);
    }

    private static void measure(Workbook workbook, int row, int problem, int seq, String content, String unit,
                                String leader, Object deadline, String kind) {
        RoundWorkbookFiles.measure(workbook, row, problem, seq, content, unit, leader, deadline, kind);
    }

    // --------------------------------------------------------------------------------------------- tests

    @Test
    void theTemplateHasTheSheetsNotesAndListsOfTheLedger() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("巡察轮次");
            assertThat(List.of(workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3)))
                .containsExactly("问题", "整改措施", "新增单位");
            XSSFSheet measures = workbook.getSheet("整改措施");
            List<String> headers = new ArrayList<>();
            measures.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("问题序号", "措施序号", "整改措施", "责任单位", "责任领导", "完成时限", "类型");
            assertThat(measures.getPaneInformation().isFreezePane()).isTrue();
            assertThat(workbook.getFontAt(measures.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                .isTrue();
            Comment note = measures.getRow(0).getCell(5).getCellComment();
            assertThat(note.getString().getString()).contains("yyyy-MM-dd");

            List<String> constraints = new ArrayList<>();
            for (DataValidation v : measures.getDataValidations()) {
                String list = v.getValidationConstraint().getFormula1();
                String[] explicit = v.getValidationConstraint().getExplicitListValues();
                constraints.add(v.getRegions().getCellRangeAddress(0).getFirstColumn() + ":"
                    + (explicit != null ? String.join(",", explicit) : list));
            }
            assertThat(constraints).contains("3:UnitNames", "6:当下改,长久立");
            assertThat(constraints.stream().anyMatch(c -> c.startsWith("5:"))).as("date validation").isTrue();
            assertThat(workbook.getSheet("问题").getDataValidations()).anySatisfy(v ->
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("KeyGroupNames"));

            int lists = workbook.getSheetIndex("单位列表");
            assertThat(workbook.isSheetHidden(lists)).isTrue();
            List<String> units = new ArrayList<>();
            workbook.getSheet("单位列表").forEach(r -> units.add(r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue()));
            assertThat(units).contains("思明分局", "海沧分局");
            assertThat(workbook.getName("UnitNames").getRefersToFormula()).startsWith("'单位列表'!$A$2:$A$");
        }
    }

    @Test
    void theFilledTemplateIsRegisteredAndItsRoundStarts() throws Exception {
        String code = TestRounds.newCode();

        HttpResponse<String> created = upload("officer1", bytes(validWorkbook(code)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.get("code").asText()).isEqualTo(code);
        assertThat(runtimeService.createProcessInstanceQuery()
            .processInstanceId(answer.get("processInstanceId").asText())
            .processDefinitionKey(InspectionRoundProcess.KEY).processInstanceBusinessKey(code).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT title FROM inspection_round WHERE code = ?").param(code).query(String.class)
            .single()).isEqualTo("市委第一巡察组巡察测试单位党委反馈问题整改");
        List<String> measures = jdbc.sql("""
                SELECT m.code || '|' || m.content || '|' || m.unit_code || '|' || m.leader_user_id || '|' || m.kind
                       || '|' || m.deadline
                FROM measure m WHERE m.round_code = ? ORDER BY m.code""")
            .param(code).query(String.class).list();
        assertThat(measures).containsExactly(
            code + "-01-01|措施一之一：开展专题学习|siming|chief|IMMEDIATE|" + TODAY.plusDays(30),
            code + "-01-02|措施一之二：建立长效学习机制|haicang|chief|LONG_TERM|" + TODAY.plusDays(60),
            code + "-02-01|措施二之一：压实监督责任|siming|chief|IMMEDIATE|" + TODAY.plusDays(45));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM problem_category WHERE round_code = ?").param(code)
            .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT DISTINCT key_group_code FROM problem WHERE round_code = ?").param(code)
            .query(String.class).list()).containsExactly("conduct");
    }

    @Test
    void aPastRoundIsRegisteredAsAHistoricalRecordAsOfItsFeedbackDate() throws Exception {
        String code = TestRounds.newCode();
        LocalDate feedback = TODAY.minusYears(2);
        XSSFWorkbook workbook = validWorkbook(code);
        set(workbook, "巡察轮次", 2, "巡察开始", feedback.minusDays(60));
        set(workbook, "巡察轮次", 2, "巡察结束", feedback.minusDays(10));
        set(workbook, "巡察轮次", 2, "反馈日期", feedback);
        set(workbook, "巡察轮次", 2, "历史记录", "是");
        set(workbook, "整改措施", 2, "完成时限", feedback.plusDays(60));
        set(workbook, "整改措施", 3, "完成时限", feedback.plusDays(30));
        set(workbook, "整改措施", 4, "完成时限", feedback.plusDays(45));

        HttpResponse<String> created = upload("officer1", bytes(workbook));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT historical FROM inspection_round WHERE code = ?").param(code)
            .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT registered_on FROM inspection_round WHERE code = ?").param(code)
            .query(LocalDate.class).single()).isEqualTo(feedback);
        assertThat(jdbc.sql("SELECT deadline FROM measure WHERE round_code = ? ORDER BY code").param(code)
            .query(LocalDate.class).list())
            .containsExactly(feedback.plusDays(30), feedback.plusDays(60), feedback.plusDays(45));
    }

    @Test
    void aWorkbookOfTheOlderTemplateWithoutTheHistoricalColumnIsACurrentRound() throws Exception {
        String code = TestRounds.newCode();
        XSSFWorkbook workbook = validWorkbook(code);
        Row header = workbook.getSheet("巡察轮次").getRow(0);
        header.removeCell(header.getCell(header.getLastCellNum() - 1));
        assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("反馈日期");

        HttpResponse<String> created = upload("officer1", bytes(workbook));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT historical FROM inspection_round WHERE code = ?").param(code)
            .query(Boolean.class).single()).isFalse();
    }

    /** Rows that hold only formatting (a sheet formatted far down, as offices do) are neither data nor errors. */
    @Test
    void rowsOfFormattingOnlyAreSkipped() throws Exception {
        String code = TestRounds.newCode();
        XSSFWorkbook workbook = validWorkbook(code);
        Sheet measures = workbook.getSheet("整改措施");
        CellStyle bordered = workbook.createCellStyle();
        bordered.setBorderBottom(BorderStyle.THIN);
        for (int row = 4; row < 20_004; row++) {
            Row formatted = measures.createRow(row);
            for (int column = 0; column < 7; column++) {
                formatted.createCell(column).setCellStyle(bordered);
            }
        }

        HttpResponse<String> created = upload("officer1", bytes(workbook));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure WHERE round_code = ?").param(code)
            .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void everyErrorOfAFileIsListedAtOnce() throws Exception {
        String code = TestRounds.newCode();
        XSSFWorkbook workbook = validWorkbook(code);
        set(workbook, "巡察轮次", 2, "名称", null);
        set(workbook, "问题", 3, "重点整改组", "不存在的组");
        set(workbook, "整改措施", 4, "责任单位", "nowhere");
        set(workbook, "整改措施", 3, "完成时限", "下个月");

        HttpResponse<String> refused = upload("officer1", bytes(workbook));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        List<String> list = new ArrayList<>();
        errors.forEach(e -> list.add(e.asText()));
        assertThat(list).containsExactly(
            "巡察轮次 第2行 名称: 不能为空",
            "问题 第3行 重点整改组: 未知重点整改组「不存在的组」",
            "整改措施 第3行 完成时限: 应为日期（日期单元格或 yyyy-MM-dd 文本），而非「下个月」",
            "整改措施 第4行 责任单位: 未知单位「nowhere」");
        assertThat(rounds(code)).isZero();
    }

    /** A bad file: a change to the valid workbook, or other bytes altogether. */
    record BadFile(String name, Consumer<XSSFWorkbook> change, UnaryOperator<byte[]> replace, String user,
                   boolean registerFirst, int status, String fragment) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Arguments edit(String name, Consumer<XSSFWorkbook> change, String fragment) {
        return Arguments.of(new BadFile(name, change, null, "officer1", false, 400, fragment));
    }

    private static Arguments bytes(String name, UnaryOperator<byte[]> replace, String fragment) {
        return Arguments.of(new BadFile(name, w -> { }, replace, "officer1", false, 400, fragment));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] zip(String entry, String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] wordDocument() {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("关于巡察反馈问题整改进展情况的通报");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] workbookOf(Consumer<XSSFWorkbook> content) {
        try {
            XSSFWorkbook workbook = new XSSFWorkbook();
            content.accept(workbook);
            return bytes(workbook);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            edit("unknown unit", w -> set(w, "整改措施", 2, "责任单位", "nowhere"),
                "整改措施 第2行 责任单位: 未知单位「nowhere」"),
            edit("missing deadline", w -> set(w, "整改措施", 3, "完成时限", null),
                "整改措施 第3行 完成时限: 不能为空"),
            edit("malformed deadline", w -> set(w, "整改措施", 2, "完成时限", "2025/13/45"),
                "整改措施 第2行 完成时限: 应为日期（日期单元格或 yyyy-MM-dd 文本），而非「2025/13/45」"),
            edit("impossible date", w -> set(w, "整改措施", 2, "完成时限", TODAY.getYear() + 1 + "-02-30"),
                "整改措施 第2行 完成时限: 应为日期"),
            edit("a number that is no date", w -> set(w, "整改措施", 4, "完成时限", 45000),
                "整改措施 第4行 完成时限: 应为日期（日期单元格或 yyyy-MM-dd 文本），而非数字 45000"),
            edit("deadline before the feedback date", w -> set(w, "巡察轮次", 2, "反馈日期", TODAY.plusDays(50)),
                "整改措施 第3行 完成时限: " + TODAY.plusDays(30) + " 早于反馈日期 " + TODAY.plusDays(50)),
            edit("deadline before today", w -> {
                set(w, "巡察轮次", 2, "反馈日期", TODAY.minusDays(30));
                set(w, "整改措施", 4, "完成时限", TODAY.minusDays(1));
            }, "整改措施 第4行 完成时限: " + TODAY.minusDays(1) + " 早于今天"),
            edit("duplicate problem number", w -> set(w, "问题", 3, "问题序号", 1),
                "问题 第3行 问题序号: 问题序号 1 重复（已用于第2行）"),
            edit("duplicate measure number", w -> set(w, "整改措施", 3, "措施序号", 2),
                "整改措施 第3行 措施序号: 问题 1 的措施序号 2 重复（已用于第2行）"),
            edit("empty problem title", w -> set(w, "问题", 2, "问题", "   "),
                "问题 第2行 问题: 不能为空"),
            edit("measure pointing at no problem", w -> set(w, "整改措施", 4, "问题序号", 9),
                "整改措施 第4行 问题序号: 问题序号 9 在「问题」表中不存在"),
            edit("content too long", w -> set(w, "整改措施", 2, "整改措施", "措".repeat(2001)),
                "整改措施 第2行 整改措施: 至多2000字，此处2001字"),
            edit("problem title too long", w -> set(w, "问题", 3, "问题", "问".repeat(501)),
                "问题 第3行 问题: 至多500字，此处501字"),
            edit("round title too long", w -> set(w, "巡察轮次", 2, "名称", "巡".repeat(201)),
                "巡察轮次 第2行 名称: 至多200字，此处201字"),
            edit("formula cell", w -> w.getSheet("整改措施").getRow(2).getCell(2).setCellFormula("\"开展\"&\"学习\""),
                "整改措施 第3行 整改措施: 公式单元格不允许"),
            bytes("not an xlsx: random bytes", b -> random(4096), "文件不是有效的xlsx工作簿"),
            bytes("a zip that is not a workbook", b -> zip("readme.txt", "不是工作簿"), "文件不是有效的xlsx工作簿"),
            bytes("an OOXML package without a workbook", b -> zip("[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                "文件不是有效的xlsx工作簿"),
            bytes("an empty workbook", b -> workbookOf(w -> w.createSheet("Sheet1")),
                "巡察轮次: 工作簿中没有这张工作表"),
            edit("missing 整改措施 sheet", w -> w.removeSheetAt(w.getSheetIndex("整改措施")),
                "整改措施: 工作簿中没有这张工作表"),
            edit("missing column", w -> w.getSheet("问题").getRow(0).getCell(4).setCellValue("牵头组"),
                "问题 第1行 重点整改组: 缺少此列"),
            bytes("a file over the size limit", b -> random(11 * 1024 * 1024), "文件超过10MB"),
            bytes("a file over the servlet's limit", b -> random(12 * 1024 * 1024 + 300_000), "文件超过10MB"),
            bytes("a 50 MB upload", b -> random(50 * 1024 * 1024), "文件超过10MB"),
            edit("a sheet over the row limit (rectiflow.import.max-rows)", w -> {
                for (int row = 5; row <= 5002; row++) {
                    set(w, "整改措施", row, "整改措施", "第" + row + "行的措施");
                }
            }, "整改措施 第5002行: 数据行超过5000行，请拆分后分批导入"),
            bytes("a Word document", b -> wordDocument(), "文件不是有效的xlsx工作簿"),
            edit("category number below one", w -> set(w, "问题", 2, "方面序号", -5),
                "问题 第2行 方面序号: 应在1至5000之间，而非 -5"),
            edit("problem number zero", w -> set(w, "问题", 3, "问题序号", 0),
                "问题 第3行 问题序号: 应在1至5000之间，而非 0"),
            edit("measure number below one", w -> set(w, "整改措施", 4, "措施序号", -1),
                "整改措施 第4行 措施序号: 应在1至5000之间，而非 -1"),
            edit("historical neither yes nor no", w -> set(w, "巡察轮次", 2, "历史记录", "也许"),
                "巡察轮次 第2行 历史记录: 应为 是 或 否，而非「也许」"),
            edit("deadline before today in a round that is not historical", w -> {
                set(w, "巡察轮次", 2, "反馈日期", TODAY.minusYears(3));
                set(w, "巡察轮次", 2, "历史记录", "否");
                set(w, "整改措施", 2, "完成时限", TODAY.minusYears(2));
            }, "整改措施 第2行 完成时限: " + TODAY.minusYears(2) + " 早于今天 " + TODAY
                + "（补录已过去的整改须在「巡察轮次」表的「历史记录」列填「是」）"),
            edit("historical deadline before the feedback date", w -> {
                set(w, "巡察轮次", 2, "反馈日期", TODAY.minusYears(3));
                set(w, "巡察轮次", 2, "历史记录", "是");
                set(w, "整改措施", 2, "完成时限", TODAY.minusYears(3).minusDays(1));
            }, "整改措施 第2行 完成时限: " + TODAY.minusYears(3).minusDays(1) + " 早于反馈日期 " + TODAY.minusYears(3)),
            edit("unknown key group", w -> set(w, "问题", 2, "重点整改组", "nobody"),
                "问题 第2行 重点整改组: 未知重点整改组「nobody」"),
            edit("unknown leader", w -> set(w, "整改措施", 2, "责任领导", "noSuchLeader"),
                "整改措施 第2行 责任领导: 未知责任领导「noSuchLeader」"),
            edit("bad kind", w -> set(w, "整改措施", 3, "类型", "马上改"),
                "整改措施 第3行 类型: 应为 当下改 或 长久立，而非「马上改」"),
            edit("missing feedback date", w -> set(w, "巡察轮次", 2, "反馈日期", null),
                "巡察轮次 第2行 反馈日期: 不能为空"),
            edit("bad round code", w -> set(w, "巡察轮次", 2, "轮次编号", "XC 2024!"),
                "巡察轮次 第2行 轮次编号: 只能由1至40位字母、数字或连字符组成"),
            edit("two rounds", w -> set(w, "巡察轮次", 3, "名称", "第二个轮次"),
                "巡察轮次 第3行: 只能填写一个轮次"),
            edit("problem without measures", w -> {
                set(w, "整改措施", 4, "问题序号", 1);
                set(w, "整改措施", 4, "措施序号", 3);
            },
                "问题 第3行 问题序号: 问题 2 没有整改措施"),
            edit("a new unit with a role group's code", w -> {
                set(w, "新增单位", 2, "单位编号", "office");
                set(w, "新增单位", 2, "单位名称", "新设派出所");
                set(w, "整改措施", 2, "责任单位", "新设派出所");
            }, "新增单位 第2行 单位编号: 编号「office」已被占用（已有同编号的单位、重点整改组或角色组），请另取编号"),
            Arguments.of(new BadFile("existing code", w -> { }, null, "officer1", true, 409, "已登记，不能再次登记")),
            Arguments.of(new BadFile("a unit's user", w -> { }, null, "simingLiaison", false, 403, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWholeNamingSheetRowAndColumn(BadFile bad) throws Exception {
        String code = TestRounds.newCode();
        XSSFWorkbook workbook = validWorkbook(code);
        bad.change().accept(workbook);
        byte[] file = bytes(workbook);
        if (bad.replace() != null) {
            file = bad.replace().apply(file);
        }
        if (bad.registerFirst()) {
            assertThat(upload("officer1", file).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = upload(bad.user(), file);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(bad.status());
        if (bad.status() == 400) {
            JsonNode answer = JSON.readTree(refused.body());
            assertThat(answer.get("message").asText()).isNotBlank();
            List<String> errors = new ArrayList<>();
            answer.get("errors").forEach(e -> errors.add(e.asText()));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains(bad.fragment()));
        } else {
            assertThat(refused.body()).contains(bad.fragment());
        }
        assertThat(rounds(code)).isEqualTo(bad.registerFirst() ? 1 : 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure WHERE round_code = ?").param(code).query(Long.class)
            .single()).isEqualTo(bad.registerFirst() ? 3 : 0);
    }
}
