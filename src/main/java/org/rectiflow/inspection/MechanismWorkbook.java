package org.rectiflow.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.mechanism.MechanismColumn;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismService;
import org.springframework.stereotype.Component;

/**
 * The mechanisms' import workbook: one sheet 制度机制, one mechanism a row, the columns of {@link MechanismColumn}
 * (measure codes in one cell, separated by 、 or a comma). Read like the round's workbook (the parts checked by
 * {@link WorkbookPartsCheck}, the sheet streamed, cells by {@link SheetTable}); an error names the sheet, the row as
 * Excel numbers it and the column: {@code 制度机制 第3行 名称: 请填写名称}.
 */
@Component
public class MechanismWorkbook {

    public static final String SHEET = "制度机制";

    private static final List<RoundSheets.Column> COLUMNS = List.of(
        new RoundSheets.Column(MechanismColumn.TITLE.label(), "必填，至多200字。制度机制的名称，如：关于加强请示报告工作的通知。",
            40, RoundSheets.Type.TEXT),
        new RoundSheets.Column(MechanismColumn.DOC_NUMBER.label(), "选填，至多100字。如：厦公党〔2021〕5号。", 20,
            RoundSheets.Type.TEXT),
        new RoundSheets.Column(MechanismColumn.ISSUER.label(), "必填，至多200字。如：厦门市公安局。", 20, RoundSheets.Type.TEXT),
        new RoundSheets.Column(MechanismColumn.ISSUED_ON.label(), "必填。日期（日期单元格或 yyyy-MM-dd 文本），不晚于今天。", 14,
            RoundSheets.Type.DATE),
        new RoundSheets.Column(MechanismColumn.REVISION.label(), "必填：新建 或 修订。", 10, RoundSheets.Type.TEXT),
        new RoundSheets.Column(MechanismColumn.UNIT.label(), "选填：单位编号或名称；不填为所对应整改措施的责任单位。", 16,
            RoundSheets.Type.TEXT),
        new RoundSheets.Column(MechanismColumn.MEASURES.label(),
            "必填：本轮次整改措施的编号，多个用、或逗号分隔，如 XC2020XMGA-01-01、XC2020XMGA-01-02。", 36, RoundSheets.Type.TEXT));

    /** The most characters a cell's text is read with (the rules then check each column's own length). */
    private static final int CELL_TEXT = 4000;

    private final RoundImportProperties properties;

    public MechanismWorkbook(RoundImportProperties properties) {
        this.properties = properties;
    }

    /** The rows of a workbook, each with the row number Excel shows; or a {@link WorkbookException}. */
    public record Rows(List<MechanismDraft> drafts, List<Integer> lines) {
    }

    public Rows read(InputStream in) {
        return WorkbookUpload.read(in, properties, this::rows);
    }

    private Rows rows(Workbook workbook) {
        List<String> errors = new ArrayList<>();
        SheetTable table = SheetTable.read(workbook, SHEET, COLUMNS, true,
            Math.min(properties.maxRows(), MechanismService.MAX_PER_IMPORT),
            (sheet, row, column, problem) -> errors.add(place(row, column) + problem));
        if (table == null) {
            throw new WorkbookException(errors);
        }
        List<MechanismDraft> drafts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Row row : table.dataRows()) {
            drafts.add(new MechanismDraft(cell(table, row, MechanismColumn.TITLE),
                cell(table, row, MechanismColumn.DOC_NUMBER), cell(table, row, MechanismColumn.ISSUER),
                cell(table, row, MechanismColumn.ISSUED_ON), cell(table, row, MechanismColumn.REVISION),
                cell(table, row, MechanismColumn.UNIT),
                MechanismService.splitCodes(cell(table, row, MechanismColumn.MEASURES))));
            lines.add(SheetTable.line(row));
        }
        if (!errors.isEmpty()) {
            throw new WorkbookException(errors);
        }
        return new Rows(drafts, lines);
    }

    private static String cell(SheetTable table, Row row, MechanismColumn column) {
        return table.text(row, column.label(), CELL_TEXT);
    }

    /** {@code 制度机制 第3行 名称: }, as the round import names a place. */
    static String place(int row, String column) {
        return SHEET + (row > 0 ? " 第" + row + "行" : "") + (column == null ? "" : " " + column) + ": ";
    }

    /** The empty workbook: the header, a note on each column. */
    public void writeTemplate(OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Row header = sheet.createRow(0);
            var style = SpreadsheetStyles.header(workbook);
            var drawing = sheet.createDrawingPatriarch();
            var factory = workbook.getCreationHelper();
            for (int i = 0; i < COLUMNS.size(); i++) {
                RoundSheets.Column column = COLUMNS.get(i);
                Cell cell = header.createCell(i);
                cell.setCellValue(column.header());
                cell.setCellStyle(style);
                sheet.setColumnWidth(i, column.width() * 256);
                var anchor = factory.createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(4);
                var comment = drawing.createCellComment(anchor);
                comment.setString(factory.createRichTextString(column.note()));
                cell.setCellComment(comment);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }
}
