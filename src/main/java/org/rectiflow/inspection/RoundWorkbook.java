package org.rectiflow.inspection;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;
import com.github.pjfanning.xlsx.exceptions.MissingSheetException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.measure.MeasureKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A round as an Excel workbook: the import template ({@link #writeTemplate}) and its reader ({@link #read}).
 * Sheets 巡察轮次 (one row), 问题 (categories and problems), 整改措施 (measures) and 新增单位 (optional); the
 * header is row 1 and columns are found by their header. The whole file is checked before anything is
 * returned: a bad file throws a {@link WorkbookException} with every error as
 * {@code <sheet> 第<row>行 <column>: <problem>}, row numbers as Excel shows them.
 * <p>
 * New units are not created here: a unit is a Camunda group with its users and authorizations, which the
 * organisation file sets up at start ({@code identity/OrganisationLoader}); a row of 新增单位 naming a unit
 * that does not exist yet is refused with that advice.
 */
@Component
public class RoundWorkbook {

    public static final String ROUND_SHEET = "巡察轮次";
    public static final String PROBLEM_SHEET = "问题";
    public static final String MEASURE_SHEET = "整改措施";
    public static final String NEW_UNIT_SHEET = "新增单位";
    public static final String LIST_SHEET = "单位列表";

    static final String NOT_XLSX = "文件不是有效的xlsx工作簿";
    static final String UNREADABLE = "工作簿的内容无法读取，请用Excel另存为xlsx后再导入";
    static final String FORMULA = "公式单元格不允许";
    static final String EMPTY = "不能为空";
    static final String HISTORICAL = "历史记录";
    static final String NEW_UNITS_REFUSED = "新增单位须先写入组织机构文件（organisation.yml）并重启加载，不能随工作簿导入";

    /** Beyond this many errors the list is cut short (a file of garbage would otherwise answer megabytes). */
    static final int MAX_ERRORS = 200;

    private static final Pattern ROUND_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern UNIT_ID = Pattern.compile("[a-zA-Z0-9]+");
    private static final String KEY_GROUP_SUFFIX = "重点整改组";
    private static final String YES = "是";
    private static final String NO = "否";
    private static final String UNIT_NAMES = "UnitNames";
    private static final String KEY_GROUP_NAMES = "KeyGroupNames";
    private static final String KINDS = MeasureKind.IMMEDIATE.label() + "," + MeasureKind.LONG_TERM.label();
    /** Rows the streaming reader parses ahead. */
    private static final int ROW_CACHE = 100;
    /** Validation and column formats of the template cover this many data rows. */
    private static final int TEMPLATE_ROWS = 2000;

    private enum Type { TEXT, INTEGER, DATE }

    /**
     * A column: its header, the note on it, its width in characters and its type; an optional column may be
     * missing from a file (workbooks made from an older template).
     */
    private record Column(String header, String note, int width, Type type, boolean optional) {
        private Column(String header, String note, int width, Type type) {
            this(header, note, width, type, false);
        }
    }

    private static final List<Column> ROUND_COLUMNS = List.of(
        new Column("轮次编号", "必填。本轮巡察整改的编号：1至40位字母、数字或连字符，如 XC2024XMGA。已登记的编号不能再次导入。",
            16, Type.TEXT),
        new Column("名称", "必填，至多200字。如：市委第一巡察组巡察市公安局党委反馈问题整改。", 40, Type.TEXT),
        new Column("巡察组", "必填，至多100字。如：市委第一巡察组。", 20, Type.TEXT),
        new Column("被巡察单位", "必填，至多200字。如：中共厦门市公安局委员会。", 28, Type.TEXT),
        new Column("简称", "选填，至多100字。如：市公安局党委。", 16, Type.TEXT),
        new Column("巡察开始", "选填。日期（日期单元格或 yyyy-MM-dd 文本）。", 14, Type.DATE),
        new Column("巡察结束", "选填。日期（日期单元格或 yyyy-MM-dd 文本），不早于巡察开始。", 14, Type.DATE),
        new Column("反馈日期", "必填。巡察组反馈问题的日期（日期单元格或 yyyy-MM-dd 文本）；各措施的完成时限不得早于它。",
            14, Type.DATE),
        new Column(HISTORICAL, "选填，是 或 否（留空为否）。填「是」表示补录已经过去的巡察整改，作为历史记录：完成时限可以早于今天"
            + "（仍不得早于反馈日期），已过的日期不再提醒。正常登记请留空。", 10, Type.TEXT, true));

    private static final List<Column> PROBLEM_COLUMNS = List.of(
        new Column("方面序号", "必填。问题所属方面的序号（1、2、3……）；同一方面的问题填同一序号。", 10, Type.INTEGER),
        new Column("方面", "同一方面序号第一次出现时必填，至多500字；其后可留空，填写则须相同。", 30, Type.TEXT),
        new Column("问题序号", "必填。问题的序号，1至99，全轮次不得重复；措施编号由它而来。", 10, Type.INTEGER),
        new Column("问题", "必填，至多500字。反馈的问题。", 50, Type.TEXT),
        new Column("重点整改组", "必填。从下拉列表选择重点整改组（也可填其编号，如 conduct）；由其牵头单位审核该问题的措施。",
            14, Type.TEXT));

    private static final List<Column> MEASURE_COLUMNS = List.of(
        new Column("问题序号", "必填。措施所属问题的序号，须是「问题」表中的一个问题序号。", 10, Type.INTEGER),
        new Column("措施序号", "必填。措施在该问题下的序号，1至99，同一问题内不得重复；措施按此序号排列和编号。", 10,
            Type.INTEGER),
        new Column("整改措施", "必填，至多2000字。", 60, Type.TEXT),
        new Column("责任单位", "必填。从下拉列表选择单位（也可填单位编号，如 siming）。", 16, Type.TEXT),
        new Column("责任领导", "必填。分管领导的用户编号（如 chief）或姓名。", 12, Type.TEXT),
        new Column("完成时限", "必填。日期（日期单元格或 yyyy-MM-dd 文本），不得早于反馈日期，也不得早于今天。", 14, Type.DATE),
        new Column("类型", "必填。当下改 或 长久立（只有长久立的措施可转常态）。", 10, Type.TEXT));

    private static final List<Column> NEW_UNIT_COLUMNS = List.of(
        new Column("单位编号", "选填的表。新单位须先写入组织机构文件（organisation.yml）并重启加载，再导入本工作簿："
            + "这里填写尚不存在的单位会被拒绝；已存在的单位（编号和名称一致）可留在表中。", 16, Type.TEXT),
        new Column("单位名称", "单位的全称，至多100字。", 24, Type.TEXT));

    private final OrganisationRepository organisation;
    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final RoundImportProperties properties;

    public RoundWorkbook(OrganisationRepository organisation, JdbcClient jdbc, EngineClock clock,
                         RoundImportProperties properties) {
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A workbook that cannot be imported: every error, each naming its sheet, row and column. */
    public static class WorkbookException extends RuntimeException {

        private final List<String> errors;

        public WorkbookException(List<String> errors) {
            super("The workbook cannot be imported:\n  - " + String.join("\n  - ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    // ---------------------------------------------------------------------------------------------- template

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
            validate(problems, column(PROBLEM_COLUMNS, "重点整改组"), 1, TEMPLATE_ROWS,
                problems.getDataValidationHelper().createFormulaListConstraint(KEY_GROUP_NAMES), "重点整改组",
                "请从列表中选择重点整改组");
            validateColumns(measures, MEASURE_COLUMNS);
            validate(measures, column(MEASURE_COLUMNS, "责任单位"), 1, TEMPLATE_ROWS,
                measures.getDataValidationHelper().createFormulaListConstraint(UNIT_NAMES), "责任单位",
                "请从列表中选择责任单位");
            validate(measures, column(MEASURE_COLUMNS, "类型"), 1, TEMPLATE_ROWS,
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
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 3);
            anchor.setRow1(0);
            anchor.setRow2(5);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(workbook.getCreationHelper().createRichTextString(column.note()));
            comment.setAuthor("整改通");
            cell.setCellComment(comment);
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

    /** Date columns a date validation, sequence numbers a whole number 1 to 99. */
    private static void validateColumns(XSSFSheet sheet, List<Column> columns) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c).type()) {
                case DATE -> validate(sheet, c, 1, TEMPLATE_ROWS, dateConstraint(helper), "日期",
                    "请填写日期，如 2024-06-30");
                case INTEGER -> validate(sheet, c, 1, TEMPLATE_ROWS,
                    helper.createIntegerConstraint(OperatorType.BETWEEN, "1", "99"), columns.get(c).header(),
                    "请填写1至99的整数");
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
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(constraint,
            new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, text);
        validation.setEmptyCellAllowed(true);
        if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        }
        sheet.addValidationData(validation);
    }

    private static int column(List<Column> columns, String header) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).header().equals(header)) {
                return c;
            }
        }
        throw new IllegalArgumentException(header);
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

    // -------------------------------------------------------------------------------------------------- read

    /**
     * Reads and checks a whole workbook. Returns the round to register (registered as of today), or throws a
     * {@link WorkbookException} listing every error; the organisation is only read. The upload is kept in a
     * temporary file, whose parts are checked ({@link WorkbookPartsCheck}: sizes, cell lengths, shared strings,
     * no DOCTYPE, valid XML) before the streaming reader opens it.
     */
    public RoundRegistration read(InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile("rectiflow-import-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                if (in.transferTo(new BoundedOutput(out, properties.maxSize().toBytes())) > properties.maxSize().toBytes()) {
                    throw new WorkbookException(List.of(properties.tooLargeMessage()));
                }
            }
            try (InputStream head = new BufferedInputStream(Files.newInputStream(file))) {
                if (FileMagic.valueOf(head) != FileMagic.OOXML) {
                    throw notXlsx();
                }
            }
            WorkbookPartsCheck.check(file.toFile(), properties);
            try (Workbook workbook = open(file.toFile())) {
                return new Reader(workbook).read();
            } catch (ExcelRuntimeException | POIXMLException | OpenXML4JRuntimeException e) {
                // the parts were checked: what remains is a workbook whose content the reader cannot make sense of
                throw new WorkbookException(List.of(UNREADABLE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * The workbook opened for streaming (the sheets are parsed row by row as they are read, never held as a
     * whole), or a {@link WorkbookException} when the file is not an xlsx workbook.
     */
    private static Workbook open(File file) {
        try {
            Workbook workbook = StreamingReader.builder()
                .rowCacheSize(ROW_CACHE)
                .setReadSharedFormulas(true)
                .open(file);
            if (workbook.getNumberOfSheets() == 0) {
                // another OOXML document (a docx opens as a package without a workbook part): every xlsx has a sheet
                workbook.close();
                throw notXlsx();
            }
            return workbook;
        } catch (WorkbookException e) {
            throw e;
        } catch (Exception e) {
            // a zip without [Content_Types].xml, another OOXML document (docx, pptx), xlsb
            throw notXlsx();
        }
    }

    /** Passes bytes on up to a limit, then only counts them: a stream longer than the limit is known by its count. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long written;

        private BoundedOutput(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (++written <= limit) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            long room = Math.max(0, limit - written);
            written += length;
            if (room > 0) {
                out.write(bytes, offset, (int) Math.min(room, length));
            }
        }
    }

    private static WorkbookException notXlsx() {
        return new WorkbookException(List.of(NOT_XLSX));
    }

    /** The measures of a problem as read, each with its sequence number and row. */
    private record MeasureRow(int seq, int row, RoundRegistration.Measure measure) {
    }

    private static final class ProblemRow {
        private final int row;
        private final int categorySeq;
        private final int seq;
        private final String title;
        private final String keyGroup;
        private final List<MeasureRow> measures = new ArrayList<>();

        private ProblemRow(int row, int categorySeq, int seq, String title, String keyGroup) {
            this.row = row;
            this.categorySeq = categorySeq;
            this.seq = seq;
            this.title = title;
            this.keyGroup = keyGroup;
        }
    }

    /** One reading: the errors so far and the organisation looked up once. */
    private final class Reader {

        private final Workbook workbook;
        private final List<String> errors = new ArrayList<>();
        private int dropped;
        private final Map<String, String> unitIds = new HashMap<>();
        private final Map<String, String> unitNames = new HashMap<>();
        private final Map<String, String> keyGroups = new HashMap<>();
        private final Map<String, Optional<String>> leaders = new HashMap<>();
        /** Unit ids and names listed in 新增单位 that do not exist: their measures are not flagged twice. */
        private final Map<String, Integer> newUnits = new HashMap<>();
        private final LocalDate today = clock.today();

        private Reader(Workbook workbook) {
            this.workbook = workbook;
            for (OrganisationRepository.Unit unit : organisation.units()) {
                unitIds.put(unit.code(), unit.code());
                unitNames.put(unit.code(), unit.name());
                unitIds.putIfAbsent(unit.name(), unit.code());
            }
            for (OrganisationRepository.KeyGroup group : organisation.keyGroups()) {
                keyGroups.put(group.code(), group.code());
                keyGroups.putIfAbsent(group.name(), group.code());
                keyGroups.putIfAbsent(group.name() + KEY_GROUP_SUFFIX, group.code());
            }
        }

        private RoundRegistration read() {
            Table roundTable = table(ROUND_SHEET, ROUND_COLUMNS, true);
            Table problemTable = table(PROBLEM_SHEET, PROBLEM_COLUMNS, true);
            Table measureTable = table(MEASURE_SHEET, MEASURE_COLUMNS, true);
            Table newUnitTable = table(NEW_UNIT_SHEET, NEW_UNIT_COLUMNS, false);

            if (newUnitTable != null) {
                readNewUnits(newUnitTable);
            }
            RoundHeader round = roundTable == null ? null : readRound(roundTable);
            Map<Integer, String> categories = new TreeMap<>();
            Map<Integer, ProblemRow> problems = problemTable == null ? null : readProblems(problemTable, categories);
            if (measureTable != null) {
                readMeasures(measureTable, problems, round == null ? null : round.feedbackDate,
                    round != null && round.historical);
            }
            if (problems != null && measureTable != null) {
                for (ProblemRow problem : problems.values()) {
                    if (problem.measures.isEmpty()) {
                        error(PROBLEM_SHEET, problem.row, "问题序号",
                            "问题 " + problem.seq + " 没有整改措施（「" + MEASURE_SHEET + "」表中没有它的行）");
                    }
                }
            }
            if (round != null && !round.present) {
                error(ROUND_SHEET, 2, null, "缺少轮次信息");
            }
            if (problems != null && problems.isEmpty()) {
                error(PROBLEM_SHEET, 2, null, "至少要有一个问题");
            }
            if (!errors.isEmpty()) {
                List<String> all = new ArrayList<>(errors);
                if (dropped > 0) {
                    all.add("……另有 " + dropped + " 处错误未列出");
                }
                throw new WorkbookException(all);
            }
            return registration(round, categories, problems);
        }

        private RoundRegistration registration(RoundHeader round, Map<Integer, String> categoryTitles,
                                               Map<Integer, ProblemRow> problems) {
            Map<Integer, List<RoundRegistration.Problem>> byCategory = new TreeMap<>();
            problems.values().stream().sorted(Comparator.comparingInt(p -> p.seq)).forEach(p -> {
                List<RoundRegistration.Measure> measures = p.measures.stream()
                    .sorted(Comparator.comparingInt(MeasureRow::seq)).map(MeasureRow::measure).toList();
                byCategory.computeIfAbsent(p.categorySeq, c -> new ArrayList<>())
                    .add(new RoundRegistration.Problem(p.seq, p.title, p.keyGroup, measures));
            });
            List<RoundRegistration.Category> categories = new ArrayList<>();
            byCategory.forEach((seq, list) ->
                categories.add(new RoundRegistration.Category(seq, categoryTitles.get(seq), List.copyOf(list))));
            return new RoundRegistration(round.code, round.title, round.inspectionGroup, round.inspectedOrganisation,
                round.shortName, round.start, round.end, round.feedbackDate, null, List.copyOf(categories), List.of(),
                round.historical);
        }

        // ------------------------------------------------------------------------------------------ sheets

        private static final class RoundHeader {
            private boolean present;
            private String code;
            private String title;
            private String inspectionGroup;
            private String inspectedOrganisation;
            private String shortName;
            private LocalDate start;
            private LocalDate end;
            private LocalDate feedbackDate;
            private boolean historical;
        }

        private RoundHeader readRound(Table table) {
            RoundHeader round = new RoundHeader();
            for (Row row : table.dataRows()) {
                if (round.present) {
                    error(ROUND_SHEET, row.getRowNum() + 1, null, "只能填写一个轮次（第2行），多出的行请删除");
                    continue;
                }
                round.present = true;
                round.code = table.text(row, "轮次编号", true, 40);
                if (round.code != null && !ROUND_CODE.matcher(round.code).matches()) {
                    table.error(row, "轮次编号", "只能由1至40位字母、数字或连字符组成，而非「" + round.code + "」");
                }
                round.title = table.text(row, "名称", true, 200);
                round.inspectionGroup = table.text(row, "巡察组", true, 100);
                round.inspectedOrganisation = table.text(row, "被巡察单位", true, 200);
                round.shortName = table.text(row, "简称", false, 100);
                round.start = table.date(row, "巡察开始", false);
                round.end = table.date(row, "巡察结束", false);
                round.feedbackDate = table.date(row, "反馈日期", true);
                round.historical = table.yesNo(row, HISTORICAL);
                if (round.start != null && round.end != null && round.end.isBefore(round.start)) {
                    table.error(row, "巡察结束", round.end + " 早于巡察开始 " + round.start);
                }
            }
            return round;
        }

        private Map<Integer, ProblemRow> readProblems(Table table, Map<Integer, String> categories) {
            Map<Integer, ProblemRow> problems = new LinkedHashMap<>();
            Map<Integer, Integer> categoryRows = new HashMap<>();
            for (Row row : table.dataRows()) {
                int line = row.getRowNum() + 1;
                Integer categorySeq = table.integer(row, "方面序号", 1, 999);
                String categoryTitle = table.text(row, "方面", false, 500);
                Integer seq = table.integer(row, "问题序号", 1, 99);
                String title = table.text(row, "问题", true, 500);
                String keyGroup = keyGroup(table, row);
                if (categorySeq != null) {
                    String known = categories.get(categorySeq);
                    if (known == null && categoryTitle == null) {
                        if (!categoryRows.containsKey(categorySeq)) {
                            table.error(row, "方面", "方面 " + categorySeq + " 第一次出现，须填写方面名称");
                            categoryRows.put(categorySeq, line);
                        }
                    } else if (known == null) {
                        categories.put(categorySeq, categoryTitle);
                        categoryRows.put(categorySeq, line);
                    } else if (categoryTitle != null && !categoryTitle.equals(known)) {
                        table.error(row, "方面", "方面 " + categorySeq + " 在第" + categoryRows.get(categorySeq)
                            + "行名为「" + shorten(known) + "」，此处不同");
                    }
                }
                if (seq != null) {
                    ProblemRow earlier = problems.get(seq);
                    if (earlier != null) {
                        table.error(row, "问题序号", "问题序号 " + seq + " 重复（已用于第" + earlier.row + "行）");
                    } else {
                        problems.put(seq, new ProblemRow(line, categorySeq == null ? 0 : categorySeq, seq, title,
                            keyGroup));
                    }
                }
            }
            return problems;
        }

        private String keyGroup(Table table, Row row) {
            String value = table.text(row, "重点整改组", true, 100);
            if (value == null) {
                return null;
            }
            String code = keyGroups.get(value);
            if (code == null) {
                table.error(row, "重点整改组", "未知重点整改组「" + value + "」");
            }
            return code;
        }

        private void readMeasures(Table table, Map<Integer, ProblemRow> problems, LocalDate feedbackDate,
                                  boolean historical) {
            for (Row row : table.dataRows()) {
                int line = row.getRowNum() + 1;
                Integer problemSeq = table.integer(row, "问题序号", 1, 99);
                Integer seq = table.integer(row, "措施序号", 1, 99);
                String content = table.text(row, "整改措施", true, 2000);
                String unit = unit(table, row);
                String leader = leader(table, row);
                LocalDate deadline = table.date(row, "完成时限", true);
                MeasureKind kind = kind(table, row);
                if (deadline != null && feedbackDate != null && deadline.isBefore(feedbackDate)) {
                    table.error(row, "完成时限", deadline + " 早于反馈日期 " + feedbackDate);
                } else if (deadline != null && !historical && deadline.isBefore(today)) {
                    table.error(row, "完成时限", deadline + " 早于今天 " + today + "（补录已过去的整改须在「" + ROUND_SHEET
                        + "」表的「" + HISTORICAL + "」列填「是」）");
                }
                if (problemSeq == null || problems == null) {
                    continue;
                }
                ProblemRow problem = problems.get(problemSeq);
                if (problem == null) {
                    table.error(row, "问题序号", "问题序号 " + problemSeq + " 在「" + PROBLEM_SHEET + "」表中不存在");
                    continue;
                }
                if (seq != null) {
                    Optional<MeasureRow> earlier = problem.measures.stream().filter(m -> m.seq() == seq).findFirst();
                    if (earlier.isPresent()) {
                        table.error(row, "措施序号", "问题 " + problemSeq + " 的措施序号 " + seq + " 重复（已用于第"
                            + earlier.get().row() + "行）");
                    } else {
                        problem.measures.add(new MeasureRow(seq, line,
                            new RoundRegistration.Measure(content, unit, leader, deadline, kind)));
                    }
                }
            }
        }

        private String unit(Table table, Row row) {
            String value = table.text(row, "责任单位", true, 100);
            if (value == null) {
                return null;
            }
            String code = unitIds.get(value);
            if (code == null && !newUnits.containsKey(value)) {
                table.error(row, "责任单位", "未知单位「" + value + "」");
            }
            return code;
        }

        private String leader(Table table, Row row) {
            String value = table.text(row, "责任领导", true, 64);
            if (value == null) {
                return null;
            }
            Optional<String> userId = leaders.computeIfAbsent(value, v -> {
                if (organisation.person(v).isPresent()) {
                    return Optional.of(v);
                }
                List<String> byName = jdbc.sql("SELECT user_id FROM org_user WHERE display_name = ? ORDER BY user_id")
                    .param(v).query(String.class).list();
                return byName.size() == 1 ? Optional.of(byName.get(0))
                    : byName.isEmpty() ? Optional.empty() : Optional.of("");
            });
            if (userId.isEmpty()) {
                table.error(row, "责任领导", "未知责任领导「" + value + "」（填用户编号或姓名）");
                return null;
            }
            if (userId.get().isEmpty()) {
                table.error(row, "责任领导", "姓名「" + value + "」对应多个用户，请填用户编号");
                return null;
            }
            return userId.get();
        }

        private MeasureKind kind(Table table, Row row) {
            String value = table.text(row, "类型", true, 20);
            if (value == null) {
                return null;
            }
            for (MeasureKind kind : MeasureKind.values()) {
                if (kind.label().equals(value) || kind.name().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            table.error(row, "类型", "应为 当下改 或 长久立，而非「" + shorten(value) + "」");
            return null;
        }

        private void readNewUnits(Table table) {
            for (Row row : table.dataRows()) {
                String id = table.text(row, "单位编号", true, 64);
                String name = table.text(row, "单位名称", true, 100);
                if (id != null && !UNIT_ID.matcher(id).matches()) {
                    table.error(row, "单位编号", "只能由字母和数字组成，而非「" + id + "」");
                }
                if (id != null && name != null && name.equals(unitNames.get(id))) {
                    continue; // the unit exists already: nothing to add
                }
                if (id != null) {
                    newUnits.put(id, row.getRowNum() + 1);
                }
                if (name != null) {
                    newUnits.put(name, row.getRowNum() + 1);
                }
                if (id != null && unitNames.containsKey(id)) {
                    table.error(row, "单位名称", "单位 " + id + " 已存在，名为「" + unitNames.get(id) + "」");
                } else if (id != null || name != null) {
                    table.error(row, "单位编号", NEW_UNITS_REFUSED);
                }
            }
        }

        // ---------------------------------------------------------------------------------- tables and cells

        /**
         * The sheet with its columns found by header and its non-empty data rows, or null (with its errors) when
         * it is missing, unusable or longer than {@code rectiflow.import.max-rows}. A streamed sheet can be read
         * once: this is that reading.
         */
        private Table table(String name, List<Column> columns, boolean required) {
            Sheet sheet;
            try {
                sheet = workbook.getSheet(name);
            } catch (MissingSheetException e) {
                sheet = null;
            }
            if (sheet == null) {
                if (required) {
                    error(name, 0, null, "工作簿中没有这张工作表");
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
                    error(name, 1, column.header(), "缺少此列（第1行须是表头）");
                    complete = false;
                } else {
                    indices.put(column.header(), index);
                }
            }
            if (!complete) {
                return null;
            }
            Table table = new Table(name, indices);
            while (rows.hasNext()) {
                Row row = rows.next();
                if (!table.isEmpty(row)) {
                    if (table.rows.size() == properties.maxRows()) {
                        error(name, row.getRowNum() + 1, null,
                            "数据行超过" + properties.maxRows() + "行，请拆分后分批导入");
                        return null;
                    }
                    table.rows.add(row);
                }
            }
            return table;
        }

        private void error(String sheet, int row, String column, String problem) {
            if (errors.size() >= MAX_ERRORS) {
                dropped++;
                return;
            }
            StringBuilder text = new StringBuilder(sheet);
            if (row > 0) {
                text.append(" 第").append(row).append("行");
            }
            if (column != null) {
                text.append(' ').append(column);
            }
            errors.add(text.append(": ").append(problem).toString());
        }

        /** A sheet whose columns are known: its non-empty data rows and typed cell values. */
        private final class Table {
            private final String name;
            private final Map<String, Integer> columns;
            private final List<Row> rows = new ArrayList<>();

            private Table(String name, Map<String, Integer> columns) {
                this.name = name;
                this.columns = columns;
            }

            /** The rows below the header with something in one of the known columns. */
            private List<Row> dataRows() {
                return rows;
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

            private void error(Row row, String column, String problem) {
                Reader.this.error(name, row.getRowNum() + 1, column, problem);
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

            private String text(Row row, String column, boolean required, int max) {
                Cell cell = cell(row, column);
                if (cell == null) {
                    if (required && !isFormulaOrError(row, column)) {
                        error(row, column, EMPTY);
                    }
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
            private boolean yesNo(Row row, String column) {
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
                String value = text(row, column, false, 20);
                if (value == null) {
                    return false;
                }
                if (value.equals(YES) || value.equalsIgnoreCase("TRUE")) {
                    return true;
                }
                if (!value.equals(NO) && !value.equalsIgnoreCase("FALSE")) {
                    error(row, column, "应为 是 或 否，而非「" + shorten(value) + "」");
                }
                return false;
            }

            private Integer integer(Row row, String column, int min, int max) {
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

            private LocalDate date(Row row, String column, boolean required) {
                Cell cell = cell(row, column);
                if (cell == null) {
                    if (required && !isFormulaOrError(row, column)) {
                        error(row, column, EMPTY);
                    }
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

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
