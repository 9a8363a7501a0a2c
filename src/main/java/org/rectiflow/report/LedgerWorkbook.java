package org.rectiflow.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.mechanism.MechanismRevision;
import org.rectiflow.mechanism.MechanismSource;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.common.deadline.Outcomes;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.stereotype.Component;

/**
 * The ledger (台账) as an Excel workbook (its rows read by {@link ReportReadModel#ledgerRows}): one row per
 * measure with a frozen header, an autofilter, column widths, long text wrapped, deadlines and sign-off dates as
 * real date cells, its status and 时限状态 cells filled with the measure's {@link Light} (the bulletin's green,
 * amber, red; grey when closed) and the light said in a word ({@link Light#deadlineWord}: 已超期 …), and its outcome (整改结果: 已完成整改, 基本完成、持续推进,
 * 未完成 with its reason and planned date, 正在推进), then one sheet per unit with its task list, then the figures
 * (整改统计) overall, per key group and per unit. Written with POI's streaming workbook.
 * Text that starts with = + - or @ is written as quoted text, never as a formula.
 */
@Component
public class LedgerWorkbook {

    static final String[] HEADER = {"序号", "方面", "问题", "整改措施", "责任单位", "牵头单位", "责任领导", "完成时限",
        "状态", "时限状态", "整改结果", "未完成原因及计划完成时间", "进展", "销号日期", "督办次数", "佐证文件"};
    private static final int[] WIDTHS = {6, 20, 28, 50, 14, 14, 10, 16, 10, 10, 18, 30, 40, 16, 10, 10};
    /** Dates as Chinese offices write them, stored as real dates (sortable and filterable in the spreadsheet). */
    static final String DATE_FORMAT = "yyyy\"年\"m\"月\"d\"日\"";

    /** The figures sheet's name: the round's (or the user's units') figures as {@link Outcomes} defines them. */
    static final String FIGURES_SHEET = "整改统计";
    static final String[] FIGURES_HEADER = {"范围", "名称", "反馈问题", "问题已完成整改", "问题基本完成、持续推进",
        "问题未完成", "问题正在推进", "整改措施", "措施已完成整改", "措施基本完成、持续推进", "措施未完成",
        "措施正在推进", "整改完成率", "制度机制", "佐证文件"};
    /** The mechanisms' sheet: every mechanism (制度机制) of the round in the scope, as recorded in the ledger. */
    static final String MECHANISMS_SHEET = "制度机制";
    static final String[] MECHANISMS_HEADER = {"序号", "名称", "文号", "发文机关", "印发日期", "新建或修订", "单位",
        "对应整改措施", "来源"};

    private final EngineClock clock;
    private final Ladder ladder;

    public LedgerWorkbook(EngineClock clock, EscalationProperties escalation) {
        this.clock = clock;
        this.ladder = escalation.ladder();
    }

    /** The ledger's rows and the mechanisms (制度机制) of the same scope. */
    public void write(List<LedgerRow> rows, List<ReportReadModel.MechanismRow> mechanisms, OutputStream out)
        throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            fill(workbook.createSheet("台账"), rows, styles);
            Map<String, List<LedgerRow>> byUnit = new LinkedHashMap<>();
            rows.forEach(r -> byUnit.computeIfAbsent(r.unitName(), u -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<LedgerRow>> unit : byUnit.entrySet()) {
                fill(workbook.createSheet(sheetName(unit.getKey())), unit.getValue(), styles);
            }
            figures(workbook.createSheet(FIGURES_SHEET), rows, byUnit, mechanisms, styles);
            mechanisms(workbook.createSheet(MECHANISMS_SHEET), mechanisms, styles);
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static String sheetName(String unitName) {
        String name = unitName.replaceAll("[\\\\/?*\\[\\]:]", "") + "任务清单";
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private void fill(SXSSFSheet sheet, List<LedgerRow> rows, Styles styles) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(HEADER[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        LocalDate today = clock.today();
        int r = 1;
        for (LedgerRow row : rows) {
            Row line = sheet.createRow(r++);
            int c = 0;
            line.createCell(c++).setCellValue(row.no());
            wrapped(line, c++, row.category(), styles);
            wrapped(line, c++, row.problem(), styles);
            wrapped(line, c++, row.content(), styles);
            text(line, c++, row.unitName(), styles);
            text(line, c++, row.leadUnitName(), styles);
            text(line, c++, row.leaderName(), styles);
            date(line, c++, row.deadline(), styles);
            Light light = light(row, today);
            Cell status = line.createCell(c++);
            status.setCellValue(row.status().label());
            status.setCellStyle(styles.fill(light));
            Cell deadline = line.createCell(c++);
            deadline.setCellValue(light.deadlineWord());
            deadline.setCellStyle(styles.fill(light));
            text(line, c++, row.outcome().label(), styles);
            wrapped(line, c++, row.plannedDate() == null ? ""
                : row.notDoneReason() + "（计划" + EngineClock.chinese(row.plannedDate()) + "前完成）", styles);
            wrapped(line, c++, row.progress(), styles);
            date(line, c++, row.closedOn(), styles);
            line.createCell(c++).setCellValue(row.noticeCount());
            line.createCell(c).setCellValue(row.evidenceFiles());
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, HEADER.length - 1));
    }

    /**
     * The figures sheet: one line for all the rows, then one per key group and one per unit, each with its problems
     * and measures by outcome and its completion rate (in percent to two decimals), all counted by {@link Outcomes}.
     */
    private void figures(SXSSFSheet sheet, List<LedgerRow> rows, Map<String, List<LedgerRow>> byUnit,
                         List<ReportReadModel.MechanismRow> mechanisms, Styles styles) {
        Map<String, Long> byUnitName = new LinkedHashMap<>();
        Map<String, Long> byGroupName = new LinkedHashMap<>();
        for (ReportReadModel.MechanismRow m : mechanisms) {
            byUnitName.merge(m.unitName(), 1L, Long::sum);
            m.keyGroupNames().forEach(g -> byGroupName.merge(g, 1L, Long::sum));
        }
        Row header = sheet.createRow(0);
        for (int i = 0; i < FIGURES_HEADER.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(FIGURES_HEADER[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, (i == 1 ? 24 : 12) * 256);
        }
        sheet.createFreezePane(0, 1);
        LocalDate today = clock.today();
        int r = 1;
        figuresLine(sheet.createRow(r++), "合计", "", rows, mechanisms.size(), today, styles);
        Map<String, List<LedgerRow>> byGroup = new LinkedHashMap<>();
        rows.forEach(row -> byGroup.computeIfAbsent(row.keyGroupName(), g -> new ArrayList<>()).add(row));
        for (Map.Entry<String, List<LedgerRow>> group : byGroup.entrySet()) {
            figuresLine(sheet.createRow(r++), "重点整改组", group.getKey(), group.getValue(),
                byGroupName.getOrDefault(group.getKey(), 0L), today, styles);
        }
        for (Map.Entry<String, List<LedgerRow>> unit : byUnit.entrySet()) {
            figuresLine(sheet.createRow(r++), "责任单位", unit.getKey(), unit.getValue(),
                byUnitName.getOrDefault(unit.getKey(), 0L), today, styles);
        }
    }

    private void figuresLine(Row line, String scope, String name, List<LedgerRow> rows, long mechanisms,
                             LocalDate today, Styles styles) {
        Outcomes outcomes = Outcomes.of(rows.stream()
            .map(row -> new Outcomes.Counted(row.problem(), light(row, today), row.outcome())).toList());
        text(line, 0, scope, styles);
        text(line, 1, name, styles);
        int c = 2;
        for (Outcomes.Counts counts : List.of(outcomes.problems(), outcomes.measures())) {
            line.createCell(c++).setCellValue(counts.total());
            line.createCell(c++).setCellValue(counts.rectified());
            line.createCell(c++).setCellValue(counts.basicallyDone());
            line.createCell(c++).setCellValue(counts.notDone());
            line.createCell(c++).setCellValue(counts.inProgress());
        }
        text(line, c++, outcomes.completionRatePercent() + "%", styles);
        line.createCell(c++).setCellValue(mechanisms);
        line.createCell(c).setCellValue(rows.stream().mapToLong(LedgerRow::evidenceFiles).sum());
    }

    /** The mechanisms' sheet, one mechanism a row, numbered from 1. */
    private static void mechanisms(SXSSFSheet sheet, List<ReportReadModel.MechanismRow> mechanisms, Styles styles) {
        Row header = sheet.createRow(0);
        int[] widths = {6, 40, 20, 20, 16, 10, 16, 36, 10};
        for (int i = 0; i < MECHANISMS_HEADER.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(MECHANISMS_HEADER[i]);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (ReportReadModel.MechanismRow m : mechanisms) {
            Row line = sheet.createRow(r);
            line.createCell(0).setCellValue(r++);
            wrapped(line, 1, m.title(), styles);
            text(line, 2, m.docNumber(), styles);
            text(line, 3, m.issuer(), styles);
            date(line, 4, m.issuedOn(), styles);
            text(line, 5, MechanismRevision.valueOf(m.revision()).label(), styles);
            text(line, 6, m.unitName(), styles);
            wrapped(line, 7, String.join("、", m.measures()), styles);
            text(line, 8, MechanismSource.valueOf(m.source()).label(), styles);
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, MECHANISMS_HEADER.length - 1));
    }

    /** The row's light by the ladder's rule; a measure without a deadline has nothing due (GREEN) until closed. */
    private Light light(LedgerRow row, LocalDate today) {
        if (row.deadline() == null) {
            return row.status().isClosed() ? Light.CLOSED : Light.GREEN;
        }
        return ladder.light(row.status().isClosed(), row.deadline(), today);
    }

    /** A text cell; text that a spreadsheet would read as a formula is quoted. */
    private static void text(Row row, int column, String value, Styles styles) {
        text(row, column, value, styles, false);
    }

    /** A cell of long text, wrapped in its column's width (and quoted like {@link #text}). */
    private static void wrapped(Row row, int column, String value, Styles styles) {
        text(row, column, value, styles, true);
    }

    private static void text(Row row, int column, String value, Styles styles, boolean wrap) {
        Cell cell = row.createCell(column);
        String text = value == null ? "" : value;
        cell.setCellValue(text);
        boolean quoted = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
        if (quoted || wrap) {
            cell.setCellStyle(quoted ? (wrap ? styles.quotedWrapped : styles.quoted) : styles.wrapped);
        }
    }

    /** A date cell (empty without a date). */
    private static void date(Row row, int column, LocalDate value, Styles styles) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(styles.date);
        }
    }

    /** The workbook's few cell styles, made once. */
    private static final class Styles {
        private final CellStyle header;
        private final CellStyle quoted;
        private final CellStyle wrapped;
        private final CellStyle quotedWrapped;
        private final CellStyle date;
        private final Map<Light, CellStyle> fills = new EnumMap<>(Light.class);

        private Styles(SXSSFWorkbook workbook) {
            header = SpreadsheetStyles.header(workbook);
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            quotedWrapped = workbook.createCellStyle();
            quotedWrapped.cloneStyleFrom(wrapped);
            quotedWrapped.setQuotePrefixed(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
            fills.put(Light.GREEN, filled(workbook, IndexedColors.LIGHT_GREEN));
            fills.put(Light.AMBER, filled(workbook, IndexedColors.LIGHT_YELLOW));
            fills.put(Light.RED, filled(workbook, IndexedColors.ROSE));
            fills.put(Light.CLOSED, filled(workbook, IndexedColors.GREY_25_PERCENT));
        }

        private static CellStyle filled(SXSSFWorkbook workbook, IndexedColors colour) {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        /** The status cell's fill: the measure's light, as the bulletin shows it (grey when closed). */
        private CellStyle fill(Light light) {
            return fills.get(light);
        }
    }
}
