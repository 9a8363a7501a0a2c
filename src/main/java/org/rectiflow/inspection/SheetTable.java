package org.rectiflow.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.pjfanning.xlsx.exceptions.MissingSheetException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.rectiflow.inspection.RoundSheets.Column;

/**
 * Cell parsing for the import workbook: a sheet whose columns were found by header, its non-empty data rows, and
 * each cell read as text, integer, date or 是/否. A cell that cannot be read as its type (a formula, an error
 * value, 「下个月」 in a date column) is reported at its sheet, row and column and read as null; what the value
 * must be beyond its type is {@link RoundRules}' business (or another import's: the organisation's reads its sheets
 * with it).
 */
public final class SheetTable {

    static final String FORMULA = "公式单元格不允许";
    static final String EMPTY = RoundRules.EMPTY;

    /** Where a problem with a cell is told: sheet, Excel row (1 = header, 0 = none) and column header (or null). */
    public interface Report {
        void error(String sheet, int row, String column, String problem);
    }

    private final String name;
    private final Map<String, Integer> columns;
    private final List<Row> rows = new ArrayList<>();
    private final Report report;

    private SheetTable(String name, Map<String, Integer> columns, Report report) {
        this.name = name;
        this.columns = columns;
        this.report = report;
    }

    /**
     * The sheet with its columns found by header and its non-empty data rows, or null (with its errors) when it is
     * missing, unusable or longer than {@code maxRows}. A streamed sheet can be read once: this is that reading.
     */
    public static SheetTable read(Workbook workbook, String name, List<Column> columns, boolean required, int maxRows,
                           Report report) {
        Sheet sheet;
        try {
            sheet = workbook.getSheet(name);
        } catch (MissingSheetException e) {
            sheet = null;
        }
        if (sheet == null) {
            if (required) {
                report.error(name, 0, null, "工作簿中没有这张工作表");
            }
            return null;
        }
        Iterator<Row> rows = sheet.rowIterator();
        Row header = rows.hasNext() ? rows.next() : null;
        Map<String, Integer> found = new HashMap<>();
        if (header != null && header.getRowNum() == 0) {
            for (Cell cell : header) {
                if (cell.getCellType() == CellType.STRING) {
                    found.putIfAbsent(cell.getStringCellValue().strip(), cell.getColumnIndex());
                }
            }
        }
        Map<String, Integer> indices = new LinkedHashMap<>();
        boolean complete = true;
        for (Column column : columns) {
            Integer index = found.get(column.header());
            if (index == null && column.optional()) {
                continue;
            }
            if (index == null) {
                report.error(name, 1, column.header(), "缺少此列（第1行须是表头）");
                complete = false;
            } else {
                indices.put(column.header(), index);
            }
        }
        if (!complete) {
            return null;
        }
        SheetTable table = new SheetTable(name, indices, report);
        while (rows.hasNext()) {
            Row row = rows.next();
            if (!table.isEmpty(row)) {
                if (table.rows.size() == maxRows) {
                    report.error(name, row.getRowNum() + 1, null, "数据行超过" + maxRows + "行，请拆分后分批导入");
                    return null;
                }
                table.rows.add(row);
            }
        }
        return table;
    }

    public String name() {
        return name;
    }

    /** Whether the sheet has this column (an optional column may be missing). */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The rows below the header with something in one of the known columns. */
    public List<Row> dataRows() {
        return rows;
    }

    /** The row as Excel numbers it. */
    public static int line(Row row) {
        return row.getRowNum() + 1;
    }

    private boolean isEmpty(Row row) {
        for (int index : columns.values()) {
            Cell cell = row.getCell(index);
            if (cell != null && !(cell.getCellType() == CellType.BLANK
                || cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    public void error(Row row, String column, String problem) {
        report.error(name, line(row), column, problem);
    }

    /** The cell, or null when blank; formula and error cells are reported and read as null. */
    private Cell cell(Row row, String column) {
        Cell cell = row.getCell(columns.get(column));
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case BLANK -> null;
            case FORMULA -> {
                error(row, column, FORMULA + formula(cell) + "，请填写值");
                yield null;
            }
            case ERROR -> {
                error(row, column, "单元格是错误值，请填写值");
                yield null;
            }
            case STRING -> cell.getStringCellValue().isBlank() ? null : cell;
            default -> cell;
        };
    }

    private boolean isFormulaOrError(Row row, String column) {
        Cell cell = row.getCell(columns.get(column));
        return cell != null && (cell.getCellType() == CellType.FORMULA || cell.getCellType() == CellType.ERROR);
    }

    /** The cell as text, stripped, or null when blank. Whether it may be blank, and how long, the rules say. */
    public String text(Row row, String column) {
        return text(row, column, Integer.MAX_VALUE);
    }

    /**
     * The cell as text, or null when blank or longer than {@code max}: for a name that is looked up (a unit, a
     * leader), where a longer text cannot be one.
     */
    public String text(Row row, String column, int max) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return null;
        }
        String value = switch (cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            default -> cell.getStringCellValue().strip();
        };
        if (value.length() > max) {
            error(row, column, "至多" + max + "字，此处" + value.length() + "字");
            return null;
        }
        return value;
    }

    /** 是 or 否 (TRUE or FALSE, a boolean cell); blank or a missing optional column: false. */
    public boolean yesNo(Row row, String column) {
        if (!columns.containsKey(column)) {
            return false;
        }
        Cell cell = cell(row, column);
        if (cell == null) {
            return false;
        }
        if (cell.getCellType() == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        String value = text(row, column, 20);
        if (value == null) {
            return false;
        }
        if (value.equals(RoundSheets.YES) || value.equalsIgnoreCase("TRUE")) {
            return true;
        }
        if (!value.equals(RoundSheets.NO) && !value.equalsIgnoreCase("FALSE")) {
            error(row, column, "应为 是 或 否，而非「" + shorten(value) + "」");
        }
        return false;
    }

    /**
     * A whole number, required (a sequence number: the rows refer to each other by it), or null, reported, when
     * blank or not a whole number. Its range is a rule ({@link RoundRules}) unless {@code min}/{@code max} are
     * given for a number the rules never see (a measure's number within its problem).
     */
    Integer integer(Row row, String column) {
        return integer(row, column, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    Integer integer(Row row, String column, int min, int max) {
        Cell cell = cell(row, column);
        if (cell == null) {
            if (!isFormulaOrError(row, column)) {
                error(row, column, EMPTY);
            }
            return null;
        }
        Integer value = null;
        String shown;
        if (cell.getCellType() == CellType.NUMERIC) {
            double number = cell.getNumericCellValue();
            shown = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            if (number == Math.rint(number) && Math.abs(number) < 1_000_000) {
                value = (int) number;
            }
        } else {
            shown = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip()
                : String.valueOf(cell.getBooleanCellValue());
            try {
                value = Integer.valueOf(shown);
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null) {
            error(row, column, "应为整数，而非「" + shorten(shown) + "」");
            return null;
        }
        if (value < min || value > max) {
            error(row, column, "应在" + min + "至" + max + "之间，而非 " + value);
            return null;
        }
        return value;
    }

    /** A date cell or yyyy-MM-dd text, or null when blank or (reported) not a date. */
    LocalDate date(Row row, String column) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            error(row, column, "应为日期（日期单元格或 yyyy-MM-dd 文本），而非数字 "
                + BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
            return null;
        }
        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip()
            : String.valueOf(cell.getBooleanCellValue());
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            error(row, column, "应为日期（日期单元格或 yyyy-MM-dd 文本），而非「" + shorten(text) + "」");
            return null;
        }
    }

    /** The formula as written, in brackets, or nothing when the file does not say it. */
    private static String formula(Cell cell) {
        try {
            return "（" + shorten("=" + cell.getCellFormula()) + "）";
        } catch (IllegalStateException e) {
            return "";
        }
    }

    public static String shorten(String text) {
        return RoundRules.shorten(text);
    }
}
