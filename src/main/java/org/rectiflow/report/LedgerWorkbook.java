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
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.supervision.EscalationProperties;
import org.springframework.stereotype.Component;

/**
 * The ledger (台账) as an Excel workbook (its rows read by {@link ReportReadModel#ledgerRows}): one row per
 * measure with a frozen header, column widths and its status cell filled with the measure's {@link Light} (the
 * bulletin's green, amber, red; grey when closed), then one sheet per unit with its task list. Written with POI's
 * streaming workbook.
 * Text that starts with = + - or @ is written as quoted text, never as a formula.
 */
@Component
public class LedgerWorkbook {

    static final String[] HEADER = {"序号", "方面", "问题", "整改措施", "责任单位", "牵头单位", "责任领导", "完成时限",
        "状态", "进展", "销号日期", "督办次数"};
    private static final int[] WIDTHS = {6, 24, 28, 60, 14, 14, 10, 14, 10, 40, 14, 10};

    private final EngineClock clock;
    private final Ladder ladder;

    public LedgerWorkbook(EngineClock clock, EscalationProperties escalation) {
        this.clock = clock;
        this.ladder = escalation.ladder();
    }

    public void write(List<LedgerRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            fill(workbook.createSheet("台账"), rows, styles);
            Map<String, List<LedgerRow>> byUnit = new LinkedHashMap<>();
            rows.forEach(r -> byUnit.computeIfAbsent(r.unitName(), u -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<LedgerRow>> unit : byUnit.entrySet()) {
                fill(workbook.createSheet(sheetName(unit.getKey())), unit.getValue(), styles);
            }
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
            text(line, c++, row.category(), styles);
            text(line, c++, row.problem(), styles);
            text(line, c++, row.content(), styles);
            text(line, c++, row.unitName(), styles);
            text(line, c++, row.leadUnitName(), styles);
            text(line, c++, row.leaderName(), styles);
            text(line, c++, row.deadline() == null ? "" : row.deadline().toString(), styles);
            Cell status = line.createCell(c++);
            status.setCellValue(row.status().label());
            status.setCellStyle(styles.fill(light(row, today)));
            text(line, c++, row.progress(), styles);
            text(line, c++, row.closedOn() == null ? "" : row.closedOn().toString(), styles);
            line.createCell(c).setCellValue(row.noticeCount());
        }
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
        Cell cell = row.createCell(column);
        String text = value == null ? "" : value;
        cell.setCellValue(text);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            cell.setCellStyle(styles.quoted);
        }
    }

    /** The workbook's few cell styles, made once. */
    private static final class Styles {
        private final CellStyle header;
        private final CellStyle quoted;
        private final Map<Light, CellStyle> fills = new EnumMap<>(Light.class);

        private Styles(SXSSFWorkbook workbook) {
            header = SpreadsheetStyles.header(workbook);
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
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
