package org.rectiflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundSheets;

/**
 * The round import as an office uses it: cells of the template ({@code GET /api/rounds/template.xlsx}) filled in
 * by sheet, Excel row and header, and the workbook sent to {@code POST /api/rounds}.
 */
public final class RoundWorkbookFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private RoundWorkbookFiles() {
    }

    /** Sends the workbook to {@code POST /api/rounds} on this machine's port, with this Authorization header. */
    public static HttpResponse<String> upload(int port, String authorization, byte[] file) throws Exception {
        return HttpClient.newHttpClient().send(request(port, authorization, file),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The request of {@link #upload}: the workbook as the multipart part {@code file}. */
    public static HttpRequest request(int port, String authorization, byte[] file) throws IOException {
        String boundary = "----rectiflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"round.xlsx\"\r\n"
            + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rounds"))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /**
     * A round written into the import template ({@code GET /api/rounds/template.xlsx}) as an office fills it in.
     * Deadlines before {@code earliest} are moved to it: the import refuses a deadline in the past.
     */
    public static byte[] of(byte[] template, RoundRegistration round, LocalDate earliest) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            String sheet = RoundSheets.ROUND_SHEET;
            set(workbook, sheet, 2, "轮次编号", round.code());
            set(workbook, sheet, 2, "名称", round.title());
            set(workbook, sheet, 2, "巡察组", round.inspectionGroup());
            set(workbook, sheet, 2, "被巡察单位", round.inspectedOrganisation());
            set(workbook, sheet, 2, "简称", round.inspectedShortName());
            set(workbook, sheet, 2, "巡察开始", round.inspectionStart());
            set(workbook, sheet, 2, "巡察结束", round.inspectionEnd());
            set(workbook, sheet, 2, "反馈日期", round.feedbackDate());
            String problems = RoundSheets.PROBLEM_SHEET;
            String measures = RoundSheets.MEASURE_SHEET;
            int problemRow = 2;
            int measureRow = 2;
            for (RoundRegistration.Category category : round.categories()) {
                for (RoundRegistration.Problem problem : category.problems()) {
                    set(workbook, problems, problemRow, "方面序号", category.seq());
                    set(workbook, problems, problemRow, "方面", category.title());
                    set(workbook, problems, problemRow, "问题序号", problem.seq());
                    set(workbook, problems, problemRow, "问题", problem.title());
                    set(workbook, problems, problemRow, "重点整改组", problem.keyGroup());
                    problemRow++;
                    int seq = 1;
                    for (RoundRegistration.Measure measure : problem.measures()) {
                        set(workbook, measures, measureRow, "问题序号", problem.seq());
                        set(workbook, measures, measureRow, "措施序号", seq++);
                        set(workbook, measures, measureRow, "整改措施", measure.content());
                        set(workbook, measures, measureRow, "责任单位", measure.unit());
                        set(workbook, measures, measureRow, "责任领导", measure.leader());
                        set(workbook, measures, measureRow, "完成时限",
                            measure.deadline().isBefore(earliest) ? earliest : measure.deadline());
                        set(workbook, measures, measureRow, "类型", measure.kind().name());
                        measureRow++;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The template as {@code GET /api/rounds/template.xlsx} gives it. */
    public static byte[] template(int port, String authorization) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/template.xlsx"))
            .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
        return response.body();
    }

    /**
     * The valid round: 2 problems of two categories, 3 measures of 思明分局 and 海沧分局 due after today, led by
     * chief, key group 作风转变 (conduct). The measures of problem 1 are given in the order 2, 1.
     */
    public static XSSFWorkbook validWorkbook(byte[] template, String code, LocalDate today) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        set(workbook, "巡察轮次", 2, "轮次编号", code);
        set(workbook, "巡察轮次", 2, "名称", "市委第一巡察组巡察测试单位党委反馈问题整改");
        set(workbook, "巡察轮次", 2, "巡察组", "市委第一巡察组");
        set(workbook, "巡察轮次", 2, "被巡察单位", "中共测试委员会");
        set(workbook, "巡察轮次", 2, "简称", "测试党委");
        set(workbook, "巡察轮次", 2, "巡察开始", today.minusDays(60));
        set(workbook, "巡察轮次", 2, "巡察结束", today.minusDays(10).toString());
        set(workbook, "巡察轮次", 2, "反馈日期", today);

        set(workbook, "问题", 2, "方面序号", 1);
        set(workbook, "问题", 2, "方面", "贯彻落实党的路线方针政策方面");
        set(workbook, "问题", 2, "问题序号", 1);
        set(workbook, "问题", 2, "问题", "学习贯彻不够深入");
        set(workbook, "问题", 2, "重点整改组", "作风转变");
        set(workbook, "问题", 3, "方面序号", 2);
        set(workbook, "问题", 3, "方面", "全面从严治党方面");
        set(workbook, "问题", 3, "问题序号", 2);
        set(workbook, "问题", 3, "问题", "监督责任落实不到位");
        set(workbook, "问题", 3, "重点整改组", "conduct");

        measure(workbook, 2, 1, 2, "措施一之二：建立长效学习机制", "haicang", "chief", today.plusDays(60).toString(), "长久立");
        measure(workbook, 3, 1, 1, "措施一之一：开展专题学习", "思明分局", "林志强", today.plusDays(30), "当下改");
        measure(workbook, 4, 2, 1, "措施二之一：压实监督责任", "思明分局", "chief", today.plusDays(45), "IMMEDIATE");
        return workbook;
    }

    public static void measure(Workbook workbook, int row, int problem, int seq, String content, String unit,
                                String leader, Object deadline, String kind) {
        set(workbook, "整改措施", row, "问题序号", problem);
        set(workbook, "整改措施", row, "措施序号", seq);
        set(workbook, "整改措施", row, "整改措施", content);
        set(workbook, "整改措施", row, "责任单位", unit);
        set(workbook, "整改措施", row, "责任领导", leader);
        set(workbook, "整改措施", row, "完成时限", deadline);
        set(workbook, "整改措施", row, "类型", kind);
    }

    private static Row row(Sheet sheet, int excelRow) {
        Row row = sheet.getRow(excelRow - 1);
        return row == null ? sheet.createRow(excelRow - 1) : row;
    }

    /**
     * The workbook's date style, made once: a style per cell would fill styles.xml with thousands of equal
     * entries, which compress so well that POI's zip-bomb guard refuses the file.
     */
    private static CellStyle dateStyle(Workbook workbook) {
        for (int i = 0; i < workbook.getNumCellStyles(); i++) {
            CellStyle style = workbook.getCellStyleAt(i);
            if (DATE_FORMAT.equals(style.getDataFormatString())) {
                return style;
            }
        }
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(DATE_FORMAT));
        return style;
    }

    /** Sets a cell by its Excel row and header: text, a number, a date, or null for blank. */
    public static void set(Workbook workbook, String sheetName, int excelRow, String header, Object value) {
        Sheet sheet = workbook.getSheet(sheetName);
        int column = -1;
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                column = cell.getColumnIndex();
            }
        }
        assertThat(column).as(sheetName + " " + header).isNotNegative();
        Cell cell = row(sheet, excelRow).getCell(column);
        if (cell == null) {
            cell = row(sheet, excelRow).createCell(column);
        }
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(workbook.getCellStyleAt(0));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle(workbook));
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
