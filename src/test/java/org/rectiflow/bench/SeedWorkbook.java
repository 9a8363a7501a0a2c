package org.rectiflow.bench;

import static org.rectiflow.support.RoundWorkbookFiles.set;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

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
            String sheet = RoundWorkbook.ROUND_SHEET;
            set(workbook, sheet, 2, "轮次编号", round.code());
            set(workbook, sheet, 2, "名称", round.title());
            set(workbook, sheet, 2, "巡察组", round.inspectionGroup());
            set(workbook, sheet, 2, "被巡察单位", round.inspectedOrganisation());
            set(workbook, sheet, 2, "简称", round.inspectedShortName());
            set(workbook, sheet, 2, "巡察开始", round.inspectionStart());
            set(workbook, sheet, 2, "巡察结束", round.inspectionEnd());
            set(workbook, sheet, 2, "反馈日期", round.feedbackDate());
            String problems = RoundWorkbook.PROBLEM_SHEET;
            String measures = RoundWorkbook.MEASURE_SHEET;
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
}
