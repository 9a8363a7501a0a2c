package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/rounds/{code}/ledger.xlsx}, parsed back and compared with the ledger. */
class LedgerExportTest extends WebTest {


    @Autowired InspectionRoundService rounds;

    private XSSFWorkbook ledger(String code, String user) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/" + code + "/ledger.xlsx"))
            .header("Authorization", basicAuth(user, "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((int) cell.getNumericCellValue())
                : cell.getStringCellValue());
        }
        return texts;
    }

    @Test
    void theLedgerListsEveryMeasureWithAFrozenHeaderAndASheetPerUnit() throws Exception {
        String code = TestRounds.newCode();
        RoundRegistration two = TestRounds.twoUnits(code, LocalDate.now());
        List<RoundRegistration.Measure> measures = new ArrayList<>(two.categories().get(0).problems().get(0).measures());
        measures.add(new RoundRegistration.Measure("=HYPERLINK(\"http://x\",\"点击\")", "siming", TestRounds.LEADER,
            LocalDate.now().plusDays(9), MeasureKind.LONG_TERM));
        rounds.register(new RoundRegistration(code, two.title(), two.inspectionGroup(), two.inspectedOrganisation(),
            null, null, null, two.feedbackDate(), two.registeredOn(), List.of(new RoundRegistration.Category(1,
                "-测试方面", List.of(new RoundRegistration.Problem(1, "@测试问题", TestRounds.KEY_GROUP, measures))))));

        try (XSSFWorkbook workbook = ledger(code, "officer1")) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("台账");
            assertThat(texts(sheet.getRow(0))).containsExactly("序号", "方面", "问题", "整改措施", "责任单位", "牵头单位",
                "责任领导", "完成时限", "状态", "时限状态", "整改结果", "未完成原因及计划完成时间", "进展", "销号日期", "督办次数",
                "佐证文件");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P4");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(texts(sheet.getRow(1))).startsWith("1", "-测试方面", "1. @测试问题", measures.get(0).content(),
                "思明分局", "督察支队");
            assertThat(texts(sheet.getRow(2)).get(4)).isEqualTo("海沧分局");
            assertThat(texts(sheet.getRow(1)).get(8)).isEqualTo("待启动");
            assertThat(texts(sheet.getRow(1)).get(9)).isEqualTo("未到期");
            assertThat(texts(sheet.getRow(1)).get(10)).isEqualTo("正在推进");
            // the deadline a real date cell, shown as Chinese offices write dates; long text wrapped
            Cell deadline = sheet.getRow(1).getCell(7);
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.now().plusDays(60));
            assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo("yyyy\"年\"m\"月\"d\"日\"");
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).as("not signed off: no date").isEmpty();
            assertThat(sheet.getRow(1).getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(1).getCell(12).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(1).getCell(4).getCellStyle().getWrapText()).isFalse();
            // formula injection: stored as quoted text, not as a formula
            Cell injected = sheet.getRow(3).getCell(3);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点击\")");
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            assertThat(workbook.getSheetName(4)).isEqualTo("制度机制");
            assertThat(workbook.getSheet("思明分局任务清单").getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheet("海沧分局任务清单").getLastRowNum()).isEqualTo(1);
            Sheet figures = workbook.getSheet("整改统计");
            assertThat(texts(figures.getRow(0))).startsWith("范围", "名称", "反馈问题").endsWith("整改完成率", "制度机制", "佐证文件");
            assertThat(texts(figures.getRow(1))).as("the round: 1 problem, 3 measures, none done yet")
                .containsExactly("合计", "", "1", "0", "0", "0", "1", "3", "0", "0", "0", "3", "0.00%", "0", "0");
            assertThat(texts(figures.getRow(2)).subList(0, 2)).containsExactly("重点整改组", "作风转变");
            assertThat(texts(figures.getRow(3))).startsWith("责任单位", "思明分局", "1", "0", "0", "0", "1", "2");
            assertThat(figures.getLastRowNum()).isEqualTo(4);
        }

        try (XSSFWorkbook workbook = ledger(code, "simingLiaison")) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("思明分局");
            }
        }
    }

    @Test
    void anOverdueMeasureSaysSoInAWordBesideItsRedStatus() throws Exception {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        LocalDate deadline = LocalDate.now().plusDays(60);
        try {
            ClockUtil.setCurrentTime(Date.from(deadline.plusDays(1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
            try (XSSFWorkbook workbook = ledger(code, "officer1")) {
                Sheet sheet = workbook.getSheetAt(0);
                Row row = sheet.getRow(1);
                assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(deadline);
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo("待启动");
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo("已超期");
                for (int column : new int[] {8, 9}) {
                    assertThat(((XSSFColor) row.getCell(column).getCellStyle().getFillForegroundColorColor()).getIndexed())
                        .isEqualTo(IndexedColors.ROSE.getIndex());
                }
            }
        } finally {
            ClockUtil.reset();
        }
    }
}
