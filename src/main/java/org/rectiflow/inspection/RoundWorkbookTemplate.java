package org.rectiflow.inspection;

import static org.rectiflow.inspection.RoundSheets.HISTORICAL;
import static org.rectiflow.inspection.RoundSheets.KINDS;
import static org.rectiflow.inspection.RoundSheets.LIST_SHEET;
import static org.rectiflow.inspection.RoundSheets.MEASURE_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.MEASURE_SHEET;
import static org.rectiflow.inspection.RoundSheets.NEW_UNIT_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.NEW_UNIT_SHEET;
import static org.rectiflow.inspection.RoundSheets.NO;
import static org.rectiflow.inspection.RoundSheets.PROBLEM_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.PROBLEM_SHEET;
import static org.rectiflow.inspection.RoundSheets.ROUND_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.ROUND_SHEET;
import static org.rectiflow.inspection.RoundSheets.YES;
import static org.rectiflow.inspection.RoundSheets.column;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.inspection.RoundSheets.Column;
import org.rectiflow.inspection.RoundSheets.Type;
import org.springframework.stereotype.Component;

/**
 * The downloadable import workbook ({@code GET /api/rounds/template.xlsx}): the sheets of {@link RoundSheets} with
 * a bold frozen header, a note on each column, the column formats, data validation, and drop-down lists of the
 * ledger's units and key groups from a hidden sheet.
 */
@Component
public class RoundWorkbookTemplate {

    private static final String UNIT_NAMES = "UnitNames";
    private static final String KEY_GROUP_NAMES = "KeyGroupNames";
    private final OrganisationRepository organisation;
    /** Validation covers this many data rows, as many as a sheet may hold; sequence numbers go from 1 to it. */
    private final int rows;

    public RoundWorkbookTemplate(OrganisationRepository organisation, RoundImportProperties limits) {
        this.organisation = organisation;
        this.rows = limits.maxRows();
    }

    /** The empty workbook: every sheet with its bold frozen header, a note on each column and data validation. */
    public void writeTemplate(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet round = header(workbook, ROUND_SHEET, ROUND_COLUMNS, styles);
            XSSFSheet problems = header(workbook, PROBLEM_SHEET, PROBLEM_COLUMNS, styles);
            XSSFSheet measures = header(workbook, MEASURE_SHEET, MEASURE_COLUMNS, styles);
            header(workbook, NEW_UNIT_SHEET, NEW_UNIT_COLUMNS, styles);
            lists(workbook);

            DataValidationHelper helper = round.getDataValidationHelper();
            for (int c = 0; c < ROUND_COLUMNS.size(); c++) {
                if (ROUND_COLUMNS.get(c).type() == Type.DATE) {
                    validate(round, c, 1, 1, dateConstraint(helper), "日期", "请填写日期，如 2024-06-30");
                }
            }
            validate(round, column(ROUND_COLUMNS, HISTORICAL), 1, 1,
                helper.createExplicitListConstraint(new String[] {YES, NO}), HISTORICAL, "请选择 是 或 否");
            validateColumns(problems, PROBLEM_COLUMNS);
            validate(problems, column(PROBLEM_COLUMNS, "重点整改组"), 1, rows,
                problems.getDataValidationHelper().createFormulaListConstraint(KEY_GROUP_NAMES), "重点整改组",
                "请从列表中选择重点整改组");
            validateColumns(measures, MEASURE_COLUMNS);
            validate(measures, column(MEASURE_COLUMNS, "责任单位"), 1, rows,
                measures.getDataValidationHelper().createFormulaListConstraint(UNIT_NAMES), "责任单位",
                "列表中没有这个单位：本轮新设的单位请同时填入「" + NEW_UNIT_SHEET + "」表", DataValidation.ErrorStyle.WARNING);
            validate(measures, column(MEASURE_COLUMNS, "类型"), 1, rows,
                measures.getDataValidationHelper().createExplicitListConstraint(KINDS.split(",")), "类型",
                "请选择 当下改 或 长久立");
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    /** A sheet with its header row (bold, grey, frozen), a comment on each header cell and the column formats. */
    private static XSSFSheet header(XSSFWorkbook workbook, String name, List<Column> columns, TemplateStyles styles) {
        XSSFSheet sheet = workbook.createSheet(name);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, column.width() * 256);
            sheet.setDefaultColumnStyle(c, column.type() == Type.DATE ? styles.date
                : column.type() == Type.TEXT ? styles.text : styles.integer);
            SpreadsheetStyles.note(drawing, cell, column.note());
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The hidden sheet of the ledger's units and key groups that the drop-down lists refer to. */
    private void lists(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.createSheet(LIST_SHEET);
        Row head = sheet.createRow(0);
        head.createCell(0).setCellValue("单位名称");
        head.createCell(1).setCellValue("单位编号");
        head.createCell(3).setCellValue("重点整改组");
        head.createCell(4).setCellValue("编号");
        List<OrganisationRepository.Unit> units = organisation.units();
        List<OrganisationRepository.KeyGroup> keyGroups = organisation.keyGroups();
        for (int i = 0; i < Math.max(units.size(), keyGroups.size()); i++) {
            Row row = sheet.createRow(i + 1);
            if (i < units.size()) {
                row.createCell(0).setCellValue(units.get(i).name());
                row.createCell(1).setCellValue(units.get(i).code());
            }
            if (i < keyGroups.size()) {
                row.createCell(3).setCellValue(keyGroups.get(i).name());
                row.createCell(4).setCellValue(keyGroups.get(i).code());
            }
        }
        name(workbook, UNIT_NAMES, "A", units.size());
        name(workbook, KEY_GROUP_NAMES, "D", keyGroups.size());
        workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
    }

    private static void name(XSSFWorkbook workbook, String name, String column, int size) {
        Name range = workbook.createName();
        range.setNameName(name);
        int last = Math.max(size, 1) + 1;
        range.setRefersToFormula("'" + LIST_SHEET + "'!$" + column + "$2:$" + column + "$" + last);
    }

    /** Date columns a date validation, sequence numbers a whole number from 1 to the rows a sheet may hold. */
    private void validateColumns(XSSFSheet sheet, List<Column> columns) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c).type()) {
                case DATE -> validate(sheet, c, 1, rows, dateConstraint(helper), "日期",
                    "请填写日期，如 2024-06-30");
                case INTEGER -> validate(sheet, c, 1, rows,
                    helper.createIntegerConstraint(OperatorType.BETWEEN, "1", String.valueOf(rows)),
                    columns.get(c).header(), "请填写1至" + rows + "的整数");
                default -> {
                }
            }
        }
    }

    private static DataValidationConstraint dateConstraint(DataValidationHelper helper) {
        return helper.createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2099,12,31)", null);
    }

    private static void validate(XSSFSheet sheet, int column, int firstRow, int lastRow,
                                 DataValidationConstraint constraint, String title, String text) {
        validate(sheet, column, firstRow, lastRow, constraint, title, text, DataValidation.ErrorStyle.STOP);
    }

    /** A validation whose error box stops a wrong value, or (WARNING) lets the user keep it. */
    private static void validate(XSSFSheet sheet, int column, int firstRow, int lastRow,
                                 DataValidationConstraint constraint, String title, String text, int errorStyle) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(constraint,
            new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(errorStyle);
        validation.createErrorBox(title, text);
        validation.setEmptyCellAllowed(true);
        if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        }
        sheet.addValidationData(validation);
    }

    private static final class TemplateStyles {
        private final CellStyle header;
        private final CellStyle text;
        private final CellStyle integer;
        private final CellStyle date;

        private TemplateStyles(XSSFWorkbook workbook) {
            header = SpreadsheetStyles.header(workbook);
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            text.setWrapText(true);
            integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
