package org.rectiflow.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.inspection.RoundWorkbook;

/**
 * A round written into the import template ({@code GET /api/rounds/template.xlsx}) as an office fills it in, so
 * that the benchmark imports the seed round the way a user does. Deadlines before {@code earliest} are moved to
 * it: the import refuses a deadline in the past.
 */
final class SeedWorkbook {

    private SeedWorkbook() {
    }

    static byte[] of(byte[] template, RoundRegistration round, LocalDate earliest) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Filler roundSheet = new Filler(workbook.getSheet(RoundWorkbook.ROUND_SHEET));
            roundSheet.set(2, "轮次编号", round.code());
            roundSheet.set(2, "名称", round.title());
            roundSheet.set(2, "巡察组", round.inspectionGroup());
            roundSheet.set(2, "被巡察单位", round.inspectedOrganisation());
            roundSheet.set(2, "简称", round.inspectedShortName());
            roundSheet.set(2, "巡察开始", round.inspectionStart());
            roundSheet.set(2, "巡察结束", round.inspectionEnd());
            roundSheet.set(2, "反馈日期", round.feedbackDate());
            Filler problems = new Filler(workbook.getSheet(RoundWorkbook.PROBLEM_SHEET));
            Filler measures = new Filler(workbook.getSheet(RoundWorkbook.MEASURE_SHEET));
            int problemRow = 2;
            int measureRow = 2;
            for (RoundRegistration.Category category : round.categories()) {
                for (RoundRegistration.Problem problem : category.problems()) {
                    problems.set(problemRow, "方面序号", category.seq());
                    problems.set(problemRow, "方面", category.title());
                    problems.set(problemRow, "问题序号", problem.seq());
                    problems.set(problemRow, "问题", problem.title());
                    problems.set(problemRow, "重点整改组", problem.keyGroup());
                    problemRow++;
                    int seq = 1;
                    for (RoundRegistration.Measure measure : problem.measures()) {
                        measures.set(measureRow, "问题序号", problem.seq());
                        measures.set(measureRow, "措施序号", seq++);
                        measures.set(measureRow, "整改措施", measure.content());
                        measures.set(measureRow, "责任单位", measure.unit());
                        measures.set(measureRow, "责任领导", measure.leader());
                        measures.set(measureRow, "完成时限",
                            measure.deadline().isBefore(earliest) ? earliest : measure.deadline());
                        measures.set(measureRow, "类型", measure.kind().name());
                        measureRow++;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Cells of one sheet by Excel row number and header; dates as yyyy-MM-dd text, which the import reads. */
    private static final class Filler {

        private final Sheet sheet;
        private final Map<String, Integer> columns = new HashMap<>();

        Filler(Sheet sheet) {
            this.sheet = sheet;
            for (Cell cell : sheet.getRow(0)) {
                columns.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
        }

        void set(int excelRow, String header, Object value) {
            Integer column = columns.get(header);
            if (column == null) {
                throw new IllegalStateException("the template's sheet " + sheet.getSheetName() + " has no column " + header);
            }
            if (value == null) {
                return;
            }
            Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
