package org.rectiflow.organisation;

import static org.rectiflow.organisation.OrganisationSheets.CODE;
import static org.rectiflow.organisation.OrganisationSheets.GROUPS;
import static org.rectiflow.organisation.OrganisationSheets.HEAD;
import static org.rectiflow.organisation.OrganisationSheets.KEY_GROUP_COLUMNS;
import static org.rectiflow.organisation.OrganisationSheets.KEY_GROUP_SHEET;
import static org.rectiflow.organisation.OrganisationSheets.KIND;
import static org.rectiflow.organisation.OrganisationSheets.LEAD_UNIT;
import static org.rectiflow.organisation.OrganisationSheets.LIAISON;
import static org.rectiflow.organisation.OrganisationSheets.MERGED_INTO;
import static org.rectiflow.organisation.OrganisationSheets.NAME;
import static org.rectiflow.organisation.OrganisationSheets.NO;
import static org.rectiflow.organisation.OrganisationSheets.OVERSEES;
import static org.rectiflow.organisation.OrganisationSheets.PARENT;
import static org.rectiflow.organisation.OrganisationSheets.PEOPLE_COLUMNS;
import static org.rectiflow.organisation.OrganisationSheets.PEOPLE_SHEET;
import static org.rectiflow.organisation.OrganisationSheets.RETIRED;
import static org.rectiflow.organisation.OrganisationSheets.ROLE;
import static org.rectiflow.organisation.OrganisationSheets.ROLE_GROUP_COLUMNS;
import static org.rectiflow.organisation.OrganisationSheets.ROLE_GROUP_SHEET;
import static org.rectiflow.organisation.OrganisationSheets.TITLE;
import static org.rectiflow.organisation.OrganisationSheets.UNIT;
import static org.rectiflow.organisation.OrganisationSheets.UNIT_COLUMNS;
import static org.rectiflow.organisation.OrganisationSheets.UNIT_SHEET;
import static org.rectiflow.organisation.OrganisationSheets.USER_ID;
import static org.rectiflow.organisation.OrganisationSheets.YES;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectiflow.common.SpreadsheetStyles;
import org.rectiflow.identity.Organisation;
import org.rectiflow.identity.OrganisationService;
import org.rectiflow.identity.UsersFile;
import org.rectiflow.inspection.RoundImportProperties;
import org.rectiflow.inspection.RoundSheets.Column;
import org.rectiflow.inspection.SheetTable;
import org.rectiflow.inspection.WorkbookException;
import org.rectiflow.inspection.WorkbookUpload;
import org.springframework.stereotype.Component;

/**
 * The organisation as a workbook ({@link OrganisationSheets}): the empty template, the current organisation in the
 * same layout (download, edit, upload), and the reading of an upload into the change
 * {@code identity/OrganisationService.apply} takes. Each row lists an entry to create or change as the row says it
 * (a blank 类别 or 上级单位 clears it); an entry without a row stays as it is. References (上级单位, 并入单位,
 * 牵头单位, 所在单位, 所属组) take a code or a name. The upload is opened as the round's is
 * ({@code inspection/WorkbookUpload}: size, parts and XML checked first); a cell that cannot be read, and every
 * error the organisation's rules find, is told at its sheet, row and column, as
 * {@code 单位 第3行 上级单位: …}.
 */
@Component
public class OrganisationWorkbook {

    /** An error's path in the change: {@code units[2].parent: …}, {@code people[0].groups[1]: …}. */
    private static final Pattern PATH = Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+)(?:\\[\\d+])?)?: (.*)$",
        Pattern.DOTALL);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；\\s]+");
    private static final String KEY_GROUP_SUFFIX = "重点整改组";

    private final OrganisationService organisation;
    private final RoundImportProperties limits;

    public OrganisationWorkbook(OrganisationService organisation, RoundImportProperties limits) {
        this.organisation = organisation;
        this.limits = limits;
    }

    /** An upload as read: the change it asks for, and the Excel row of each entry ({@code units[2]} → 4). */
    public record Upload(Organisation change, Map<String, Integer> rows) {

        /**
         * The organisation's errors ({@code units[2].parent: …}) told at the sheet, row and column they came from
         * ({@code 单位 第4行 上级单位: …}).
         */
        public List<String> placed(List<String> errors) {
            // in the order of the sheets, rows and columns
            List<Placed> sorted = new ArrayList<>();
            for (String error : errors) {
                Matcher m = PATH.matcher(error);
                String sheet = m.matches() ? OrganisationSheets.SHEET_OF_LIST.get(m.group(1)) : null;
                if (sheet == null) {
                    sorted.add(new Placed(error, Integer.MAX_VALUE, 0, 0));
                    continue;
                }
                StringBuilder text = new StringBuilder(sheet);
                Integer row = rows.get(m.group(1) + "[" + m.group(2) + "]");
                if (row != null) {
                    text.append(" 第").append(row).append("行");
                }
                String column = m.group(3) == null ? null
                    : OrganisationSheets.COLUMN_OF_FIELD.get(sheet).get(m.group(3));
                int columnRank = -1;
                if (column != null) {
                    text.append(' ').append(column);
                    List<Column> columns = OrganisationSheets.COLUMNS.get(sheet);
                    for (int c = 0; c < columns.size(); c++) {
                        columnRank = columns.get(c).header().equals(column) ? c : columnRank;
                    }
                }
                sorted.add(new Placed(text.append(": ").append(m.group(4)).toString(),
                    OrganisationSheets.SHEETS.indexOf(sheet), row == null ? 0 : row, columnRank));
            }
            sorted.sort(Comparator.comparingInt(Placed::sheet).thenComparingInt(Placed::row)
                .thenComparingInt(Placed::column));
            return sorted.stream().map(Placed::text).toList();
        }
    }

    /** An error as told, with the place it sorts by. */
    private record Placed(String text, int sheet, int row, int column) {
    }

    /** The empty workbook: every sheet with its header, a note on each column and its drop-down lists. */
    public void writeTemplate(OutputStream out) throws IOException {
        write(null, out);
    }

    /** The current organisation, every entry a row, in the template's layout. */
    public void writeCurrent(OutputStream out) throws IOException {
        write(organisation.current(), out);
    }

    private void write(Organisation current, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = SpreadsheetStyles.header(workbook);
            CellStyle text = workbook.createCellStyle();
            DataFormat format = workbook.createDataFormat();
            text.setDataFormat(format.getFormat("@"));
            XSSFSheet roleGroups = sheet(workbook, ROLE_GROUP_SHEET, ROLE_GROUP_COLUMNS, header, text);
            XSSFSheet units = sheet(workbook, UNIT_SHEET, UNIT_COLUMNS, header, text);
            XSSFSheet keyGroups = sheet(workbook, KEY_GROUP_SHEET, KEY_GROUP_COLUMNS, header, text);
            XSSFSheet people = sheet(workbook, PEOPLE_SHEET, PEOPLE_COLUMNS, header, text);
            choices(roleGroups, ROLE_GROUP_COLUMNS, OVERSEES, YES, NO);
            choices(units, UNIT_COLUMNS, RETIRED, YES, NO);
            choices(people, PEOPLE_COLUMNS, ROLE, LIAISON, HEAD);
            if (current != null) {
                int r = 1;
                for (Organisation.RoleGroup g : current.roleGroups()) {
                    row(roleGroups, r++, g.code(), g.name(), yesNo(g.oversees()));
                }
                r = 1;
                for (Organisation.Unit u : current.units()) {
                    row(units, r++, u.code(), u.name(), u.kind(), u.parent(), yesNo(u.retired()), u.mergedInto());
                }
                r = 1;
                for (Organisation.KeyGroup k : current.keyGroups()) {
                    row(keyGroups, r++, k.code(), k.name(), k.leadUnit());
                }
                r = 1;
                for (Organisation.Person p : current.people()) {
                    row(people, r++, p.userId(), p.name(), p.title(), p.unit(), role(p.role()),
                        p.groups() == null ? null : String.join("、", p.groups()));
                }
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    /** A sheet with its header row (bold, grey, frozen), a comment on each header cell, text columns. */
    private static XSSFSheet sheet(XSSFWorkbook workbook, String name, List<Column> columns, CellStyle header,
                                   CellStyle text) {
        XSSFSheet sheet = workbook.createSheet(name);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        Row row = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell cell = row.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, column.width() * 256);
            sheet.setDefaultColumnStyle(c, text);
            SpreadsheetStyles.note(drawing, cell, column.note());
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** A drop-down list of the allowed words on a column's data rows. */
    private void choices(XSSFSheet sheet, List<Column> columns, String header, String... words) {
        int c = 0;
        while (!columns.get(c).header().equals(header)) {
            c++;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(words),
            new CellRangeAddressList(1, limits.maxRows(), c, c));
        validation.setShowErrorBox(true);
        validation.createErrorBox(header, "请选择 " + String.join(" 或 ", words));
        sheet.addValidationData(validation);
    }

    private static void row(XSSFSheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? YES : NO;
    }

    private static String role(UsersFile.UnitRole role) {
        return role == null ? null : role == UsersFile.UnitRole.LIAISON ? LIAISON : HEAD;
    }

    /**
     * Reads an upload into the change it asks for, or throws a {@link WorkbookException} naming every cell that
     * cannot be read. Whether the change is allowed is the organisation's to say.
     */
    public Upload read(InputStream in) {
        Organisation current = organisation.current();
        return WorkbookUpload.read(in, limits, workbook -> new Reading(workbook, current).read());
    }

    /** One reading: its errors, where each entry came from, and the names a reference may use. */
    private final class Reading implements SheetTable.Report {

        private final Workbook workbook;
        private final List<String> errors = new ArrayList<>();
        private final Map<String, Integer> rows = new HashMap<>();
        private final Map<String, String> units = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();

        private Reading(Workbook workbook, Organisation current) {
            this.workbook = workbook;
            Set<String> unitCodes = new HashSet<>();
            current.units().forEach(u -> unitCodes.add(u.code()));
            current.units().forEach(u -> units.put(u.code(), u.code()));
            current.units().stream().filter(u -> !unitCodes.contains(u.name()))
                .forEach(u -> units.putIfAbsent(u.name(), u.code()));
            current.roleGroups().forEach(g -> groups.put(g.code(), g.code()));
            current.keyGroups().forEach(k -> groups.put(k.code(), k.code()));
            current.roleGroups().forEach(g -> groups.putIfAbsent(g.name(), g.code()));
            current.keyGroups().forEach(k -> groups.putIfAbsent(k.name(), k.code()));
            current.keyGroups().forEach(k -> groups.putIfAbsent(k.name() + KEY_GROUP_SUFFIX, k.code()));
        }

        @Override
        public void error(String sheet, int row, String column, String problem) {
            StringBuilder text = new StringBuilder(sheet);
            if (row > 0) {
                text.append(" 第").append(row).append("行");
            }
            if (column != null) {
                text.append(' ').append(column);
            }
            errors.add(text.append(": ").append(problem).toString());
        }

        private Upload read() {
            int max = limits.maxRows();
            // streamed: each sheet is read once, in the workbook's order of the lists
            SheetTable roleTable = SheetTable.read(workbook, ROLE_GROUP_SHEET, ROLE_GROUP_COLUMNS, false, max, this);
            List<Organisation.RoleGroup> roleGroups = new ArrayList<>();
            if (roleTable != null) {
                for (Row row : roleTable.dataRows()) {
                    rows.put("roleGroups[" + roleGroups.size() + "]", SheetTable.line(row));
                    roleGroups.add(new Organisation.RoleGroup(text(roleTable, row, CODE), text(roleTable, row, NAME),
                        yesNo(roleTable, row, OVERSEES)));
                }
            }
            roleGroups.forEach(g -> nameOf(groups, g.code(), g.name(), ""));
            SheetTable unitTable = SheetTable.read(workbook, UNIT_SHEET, UNIT_COLUMNS, false, max, this);
            // every unit's name first: a parent or a merge may name a unit listed further down
            List<Row> unitRows = unitTable == null ? List.of() : unitTable.dataRows();
            List<String[]> unitTexts = new ArrayList<>();
            for (Row row : unitRows) {
                String[] u = {text(unitTable, row, CODE), text(unitTable, row, NAME), text(unitTable, row, KIND),
                    text(unitTable, row, PARENT), text(unitTable, row, MERGED_INTO)};
                nameOf(units, u[0], u[1], "");
                unitTexts.add(u);
            }
            List<Organisation.Unit> unitList = new ArrayList<>();
            for (int i = 0; i < unitRows.size(); i++) {
                Row row = unitRows.get(i);
                String[] u = unitTexts.get(i);
                rows.put("units[" + i + "]", SheetTable.line(row));
                Boolean retired = yesNo(unitTable, row, RETIRED);
                unitList.add(new Organisation.Unit(u[0], u[1], unitTable.has(KIND) ? orEmpty(u[2]) : null,
                    unitTable.has(PARENT) ? orEmpty(unit(u[3])) : null,
                    unitTable.has(RETIRED) ? Boolean.valueOf(Boolean.TRUE.equals(retired)) : null, unit(u[4])));
            }
            SheetTable keyTable = SheetTable.read(workbook, KEY_GROUP_SHEET, KEY_GROUP_COLUMNS, false, max, this);
            List<Organisation.KeyGroup> keyGroups = new ArrayList<>();
            if (keyTable != null) {
                for (Row row : keyTable.dataRows()) {
                    rows.put("keyGroups[" + keyGroups.size() + "]", SheetTable.line(row));
                    keyGroups.add(new Organisation.KeyGroup(text(keyTable, row, CODE), text(keyTable, row, NAME),
                        unit(text(keyTable, row, LEAD_UNIT))));
                }
            }
            keyGroups.forEach(k -> nameOf(groups, k.code(), k.name(), KEY_GROUP_SUFFIX));
            SheetTable peopleTable = SheetTable.read(workbook, PEOPLE_SHEET, PEOPLE_COLUMNS, false, max, this);
            List<Organisation.Person> people = new ArrayList<>();
            if (peopleTable != null) {
                for (Row row : peopleTable.dataRows()) {
                    rows.put("people[" + people.size() + "]", SheetTable.line(row));
                    people.add(new Organisation.Person(text(peopleTable, row, USER_ID), null,
                        text(peopleTable, row, TITLE), unit(text(peopleTable, row, UNIT)),
                        role(peopleTable, row), groups(peopleTable, row)));
                }
            }
            if (roleTable == null && unitTable == null && keyTable == null && peopleTable == null && errors.isEmpty()) {
                errors.add("工作簿中没有「" + String.join("」「", OrganisationSheets.SHEETS) + "」中的任何一张工作表");
            }
            if (!errors.isEmpty()) {
                throw new WorkbookException(errors);
            }
            return new Upload(new Organisation(roleGroups, unitList, keyGroups, people), Map.copyOf(rows));
        }

        /** Adds an entry's name (and the name with a suffix) as a name its references may use. */
        private static void nameOf(Map<String, String> names, String code, String name, String suffix) {
            if (code == null) {
                return;
            }
            names.put(code, code);
            if (name != null) {
                names.putIfAbsent(name, code);
                if (!suffix.isEmpty()) {
                    names.putIfAbsent(name + suffix, code);
                }
            }
        }

        private String text(SheetTable table, Row row, String column) {
            return table.has(column) ? table.text(row, column) : null;
        }

        /** 是, 否 (TRUE, FALSE), or null when blank or the column is missing. */
        private Boolean yesNo(SheetTable table, Row row, String column) {
            String value = text(table, row, column);
            if (value == null) {
                return null;
            }
            if (value.equals(YES) || value.equalsIgnoreCase("TRUE")) {
                return true;
            }
            if (value.equals(NO) || value.equalsIgnoreCase("FALSE")) {
                return false;
            }
            table.error(row, column, "应为 是 或 否，而非「" + SheetTable.shorten(value) + "」");
            return null;
        }

        private UsersFile.UnitRole role(SheetTable table, Row row) {
            String value = text(table, row, ROLE);
            if (value == null) {
                return null;
            }
            if (value.equals(LIAISON) || value.toUpperCase(Locale.ROOT).equals(UsersFile.UnitRole.LIAISON.name())) {
                return UsersFile.UnitRole.LIAISON;
            }
            if (value.equals(HEAD) || value.toUpperCase(Locale.ROOT).equals(UsersFile.UnitRole.HEAD.name())) {
                return UsersFile.UnitRole.HEAD;
            }
            table.error(row, ROLE, "应为 " + LIAISON + " 或 " + HEAD + "，而非「" + SheetTable.shorten(value) + "」");
            return null;
        }

        /** The groups listed (codes or names), or null when the column is missing (memberships kept). */
        private List<String> groups(SheetTable table, Row row) {
            if (!table.has(GROUPS)) {
                return null;
            }
            String value = table.text(row, GROUPS);
            if (value == null) {
                return List.of();
            }
            return Arrays.stream(LIST_SEPARATOR.split(value)).filter(g -> !g.isBlank())
                .map(g -> groups.getOrDefault(g, g)).distinct().toList();
        }

        /** A unit named by code or name: its code, or the text as written (the organisation then says it is unknown). */
        private String unit(String value) {
            return value == null ? null : units.getOrDefault(value, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
