package org.rectiflow.inspection;

import static org.rectiflow.inspection.RoundSheets.HISTORICAL;
import static org.rectiflow.inspection.RoundSheets.MEASURE_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.MEASURE_SHEET;
import static org.rectiflow.inspection.RoundSheets.NEW_UNIT_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.NEW_UNIT_SHEET;
import static org.rectiflow.inspection.RoundSheets.PROBLEM_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.PROBLEM_SHEET;
import static org.rectiflow.inspection.RoundSheets.ROUND_COLUMNS;
import static org.rectiflow.inspection.RoundSheets.ROUND_SHEET;
import static org.rectiflow.inspection.SheetTable.line;
import static org.rectiflow.inspection.SheetTable.shorten;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.OrganisationService;
import org.rectiflow.measure.MeasureKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads an import workbook ({@link RoundSheets}) into the {@link RoundRegistration} it describes. The reader only
 * parses: it finds the sheets and columns, reads each cell as its type ({@link SheetTable}), resolves the names
 * an office writes (a unit's or key group's name, a leader's name) to codes, and ties the sheets together (a
 * measure's 问题序号 names a problem row). The round's rules are {@link RoundRules}', checked here on what was
 * read; each violation's path is translated into the sheet, row and column it came from. The whole file is
 * checked before anything is returned: a bad file throws a {@link WorkbookException} with every error as
 * {@code <sheet> 第<row>行 <column>: <problem>}, row numbers as Excel shows them, in the order of the sheets.
 * <p>
 * The rows of 新增单位 become the round's {@link RoundRegistration#newUnits()} (a row naming a unit that exists
 * with the same name is skipped): the measures may name them by code or name, and the registration creates them
 * in the round's transaction. The reader creates nothing.
 */
@Component
public class RoundWorkbookReader {


    /** Beyond this many errors the list is cut short (a file of garbage would otherwise answer megabytes). */
    static final int MAX_ERRORS = 200;

    private static final String KEY_GROUP_SUFFIX = "重点整改组";
    private static final List<String> SHEETS = List.of(ROUND_SHEET, PROBLEM_SHEET, MEASURE_SHEET, NEW_UNIT_SHEET);
    /** The round's single row. */
    private static final int ROUND_ROW = 2;

    private final OrganisationRepository organisation;
    private final RoundRules rules;
    private final EngineClock clock;
    private final RoundImportProperties properties;

    @Autowired
    public RoundWorkbookReader(OrganisationRepository organisation, OrganisationService organisationService,
                               EngineClock clock, RoundImportProperties properties) {
        this(organisation, organisationService::isGroup, clock, properties);
    }

    /** @param isGroup whether a code names a group already (a new unit may not take it) */
    RoundWorkbookReader(OrganisationRepository organisation, Predicate<String> isGroup, EngineClock clock,
                        RoundImportProperties properties) {
        this.organisation = organisation;
        this.rules = RoundRules.against(organisation, isGroup, properties);
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Reads and checks a whole workbook. Returns the round to register (registered as of today), or throws a
     * {@link WorkbookException} listing every error; the organisation is only read. The upload is kept in a
     * temporary file, whose parts are checked ({@link WorkbookPartsCheck}: sizes, cell lengths, shared strings,
     * no DOCTYPE, valid XML) before the streaming reader opens it ({@link WorkbookUpload}).
     */
    public RoundRegistration read(InputStream in) {
        return WorkbookUpload.read(in, properties, workbook -> new Reading(workbook).read());
    }

    /** A place in the workbook: sheet, Excel row (0: the sheet as a whole) and column header (or null: the row). */
    record Place(String sheet, int row, String column) {
    }

    /** An error at its place, as listed: {@code 整改措施 第3行 完成时限: …}. */
    private record SheetError(Place place, String problem) {

        String text() {
            StringBuilder text = new StringBuilder(place.sheet());
            if (place.row() > 0) {
                text.append(" 第").append(place.row()).append("行");
            }
            if (place.column() != null) {
                text.append(' ').append(place.column());
            }
            return text.append(": ").append(problem).toString();
        }
    }

    /** The sheets, then the rows, then the columns of each sheet in the template's order. */
    private static final Comparator<SheetError> ORDER = Comparator
        .comparingInt((SheetError e) -> SHEETS.indexOf(e.place().sheet()))
        .thenComparingInt(e -> e.place().row())
        .thenComparingInt(e -> columnRank(e.place()));

    private static int columnRank(Place place) {
        if (place.column() == null) {
            return -1;
        }
        List<RoundSheets.Column> columns = switch (place.sheet()) {
            case ROUND_SHEET -> ROUND_COLUMNS;
            case PROBLEM_SHEET -> PROBLEM_COLUMNS;
            case MEASURE_SHEET -> MEASURE_COLUMNS;
            default -> NEW_UNIT_COLUMNS;
        };
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).header().equals(place.column())) {
                return c;
            }
        }
        return columns.size();
    }

    /** A row of 新增单位 as read. */
    private record NewUnitRow(int row, String code, String name) {
    }

    /** The measures of a problem as read, each with its sequence number and row. */
    private record MeasureRow(int seq, int row, RoundRegistration.Measure measure) {
    }

    private static final class ProblemRow {
        private final int row;
        private final Integer categorySeq;
        private final int seq;
        private final String title;
        private final String keyGroup;
        private final List<MeasureRow> measures = new ArrayList<>();

        private ProblemRow(int row, Integer categorySeq, int seq, String title, String keyGroup) {
            this.row = row;
            this.categorySeq = categorySeq;
            this.seq = seq;
            this.title = title;
            this.keyGroup = keyGroup;
        }
    }

    /** The round's row as read. */
    private static final class RoundRow {
        private int row = ROUND_ROW;
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

    /** A category as read: its number, its title (from the first row that names it) and the row it first shows. */
    private static final class CategoryRow {
        private final int row;
        private String title;

        private CategoryRow(int row) {
            this.row = row;
        }
    }

    /** One reading: the errors so far, the cells they concern, and the organisation looked up once. */
    private final class Reading implements SheetTable.Report {

        private final Workbook workbook;
        private final List<SheetError> errors = new ArrayList<>();
        /** Cells (and whole rows, column null) with an error already: a rule's violation there is not told twice. */
        private final Set<Place> reported = new HashSet<>();
        private final Map<String, String> unitIds = new HashMap<>();
        private final Map<String, String> unitNames = new HashMap<>();
        private final Map<String, String> keyGroups = new HashMap<>();
        private final Map<String, Optional<String>> leaders = new HashMap<>();
        /** The rows of 新增单位 that name a unit to create, with their rows. */
        private final List<NewUnitRow> newUnits = new ArrayList<>();
        /** Each path of the registration built, to the place it was read from (null: told by the reader already). */
        private final Map<String, Place> places = new HashMap<>();

        private Reading(Workbook workbook) {
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

        @Override
        public void error(String sheet, int row, String column, String problem) {
            Place place = new Place(sheet, row, column);
            errors.add(new SheetError(place, problem));
            reported.add(place);
        }

        private RoundRegistration read() {
            int maxRows = properties.maxRows();
            SheetTable roundTable = SheetTable.read(workbook, ROUND_SHEET, ROUND_COLUMNS, true, maxRows, this);
            SheetTable problemTable = SheetTable.read(workbook, PROBLEM_SHEET, PROBLEM_COLUMNS, true, maxRows, this);
            SheetTable measureTable = SheetTable.read(workbook, MEASURE_SHEET, MEASURE_COLUMNS, true, maxRows, this);
            SheetTable newUnitTable = SheetTable.read(workbook, NEW_UNIT_SHEET, NEW_UNIT_COLUMNS, false, maxRows, this);

            if (newUnitTable != null) {
                readNewUnits(newUnitTable);
            }
            RoundRow round = roundTable == null ? null : readRound(roundTable);
            Map<Integer, CategoryRow> categories = new TreeMap<>();
            Map<Integer, ProblemRow> problems = problemTable == null ? null : readProblems(problemTable, categories);
            if (measureTable != null) {
                readMeasures(measureTable, problems);
            }
            RoundRegistration registration = null;
            if (round != null && problems != null && measureTable != null) {
                // the rules are checked on a whole round only: a missing sheet is reason enough to refuse the file
                registration = registration(round, categories, problems);
                for (RoundRules.Violation violation : rules.check(registration, clock.today(), false)) {
                    translate(violation);
                }
            }
            if (!errors.isEmpty()) {
                List<String> all = new ArrayList<>();
                errors.stream().sorted(ORDER).limit(MAX_ERRORS).forEach(e -> all.add(e.text()));
                if (errors.size() > MAX_ERRORS) {
                    all.add("……另有 " + (errors.size() - MAX_ERRORS) + " 处错误未列出");
                }
                throw new WorkbookException(all);
            }
            return registration;
        }

        /** A rule's violation at the cell its path was read from, unless that cell was reported already. */
        private void translate(RoundRules.Violation violation) {
            if (!places.containsKey(violation.path())) {
                // not a field of the workbook: named by its path
                errors.add(new SheetError(new Place(ROUND_SHEET, 0, null), violation.text()));
                return;
            }
            Place place = places.get(violation.path());
            if (place == null || reported.contains(place) || reported.contains(new Place(place.sheet(), place.row(), null))) {
                return;
            }
            errors.add(new SheetError(place, violation.sheetMessage()));
            reported.add(place); // one error a cell: the first rule it breaks
        }

        private void place(String path, String sheet, int row, String column) {
            places.put(path, new Place(sheet, row, column));
        }

        private RoundRegistration registration(RoundRow round, Map<Integer, CategoryRow> categoryRows,
                                               Map<Integer, ProblemRow> problems) {
            place("code", ROUND_SHEET, round.row, "轮次编号");
            place("title", ROUND_SHEET, round.row, "名称");
            place("inspectionGroup", ROUND_SHEET, round.row, "巡察组");
            place("inspectedOrganisation", ROUND_SHEET, round.row, "被巡察单位");
            place("inspectedShortName", ROUND_SHEET, round.row, "简称");
            place("inspectionStart", ROUND_SHEET, round.row, "巡察开始");
            place("inspectionEnd", ROUND_SHEET, round.row, "巡察结束");
            place("feedbackDate", ROUND_SHEET, round.row, "反馈日期");
            place("historical", ROUND_SHEET, round.row, HISTORICAL);
            place("categories", PROBLEM_SHEET, ROUND_ROW, null);

            // problems whose category number could not be read go together under none: their rows say why
            Map<Integer, List<ProblemRow>> byCategory = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            problems.values().stream().sorted(Comparator.comparingInt(p -> p.seq))
                .forEach(p -> byCategory.computeIfAbsent(p.categorySeq, c -> new ArrayList<>()).add(p));
            List<RoundRegistration.Category> categories = new ArrayList<>();
            for (Map.Entry<Integer, List<ProblemRow>> entry : byCategory.entrySet()) {
                String at = "categories[" + categories.size() + "]";
                CategoryRow category = entry.getKey() == null ? null : categoryRows.get(entry.getKey());
                if (category == null) {
                    places.put(at + ".seq", null);
                    places.put(at + ".title", null);
                } else {
                    place(at + ".seq", PROBLEM_SHEET, category.row, "方面序号");
                    place(at + ".title", PROBLEM_SHEET, category.row, "方面");
                }
                List<RoundRegistration.Problem> list = new ArrayList<>();
                for (ProblemRow p : entry.getValue()) {
                    String pat = at + ".problems[" + list.size() + "]";
                    place(pat + ".seq", PROBLEM_SHEET, p.row, "问题序号");
                    place(pat + ".title", PROBLEM_SHEET, p.row, "问题");
                    place(pat + ".keyGroup", PROBLEM_SHEET, p.row, "重点整改组");
                    place(pat + ".measures", PROBLEM_SHEET, p.row, "问题序号");
                    List<MeasureRow> measureRows = p.measures.stream().sorted(Comparator.comparingInt(MeasureRow::seq))
                        .toList();
                    for (int m = 0; m < measureRows.size(); m++) {
                        String mat = pat + ".measures[" + m + "]";
                        int row = measureRows.get(m).row();
                        place(mat + ".content", MEASURE_SHEET, row, "整改措施");
                        place(mat + ".unit", MEASURE_SHEET, row, "责任单位");
                        place(mat + ".leader", MEASURE_SHEET, row, "责任领导");
                        place(mat + ".deadline", MEASURE_SHEET, row, "完成时限");
                        place(mat + ".kind", MEASURE_SHEET, row, "类型");
                    }
                    list.add(new RoundRegistration.Problem(p.seq, p.title, p.keyGroup,
                        measureRows.stream().map(MeasureRow::measure).toList()));
                }
                categories.add(new RoundRegistration.Category(entry.getKey() == null ? 0 : entry.getKey(),
                    category == null ? null : category.title, List.copyOf(list)));
            }
            List<RoundRegistration.NewUnit> units = new ArrayList<>();
            for (NewUnitRow unit : newUnits) {
                String at = "newUnits[" + units.size() + "]";
                place(at + ".code", NEW_UNIT_SHEET, unit.row(), "单位编号");
                place(at + ".name", NEW_UNIT_SHEET, unit.row(), "单位名称");
                place(at, NEW_UNIT_SHEET, unit.row(), null);
                units.add(new RoundRegistration.NewUnit(unit.code(), unit.name()));
            }
            return new RoundRegistration(round.code, round.title, round.inspectionGroup, round.inspectedOrganisation,
                round.shortName, round.start, round.end, round.feedbackDate, null, List.copyOf(categories), List.of(),
                round.historical, List.copyOf(units));
        }

        // ------------------------------------------------------------------------------------------ sheets

        private RoundRow readRound(SheetTable table) {
            RoundRow round = new RoundRow();
            for (Row row : table.dataRows()) {
                if (round.present) {
                    error(ROUND_SHEET, line(row), null, "只能填写一个轮次（第2行），多出的行请删除");
                    continue;
                }
                round.present = true;
                round.row = line(row);
                round.code = table.text(row, "轮次编号");
                round.title = table.text(row, "名称");
                round.inspectionGroup = table.text(row, "巡察组");
                round.inspectedOrganisation = table.text(row, "被巡察单位");
                round.shortName = table.text(row, "简称");
                round.start = table.date(row, "巡察开始");
                round.end = table.date(row, "巡察结束");
                round.feedbackDate = table.date(row, "反馈日期");
                round.historical = table.yesNo(row, HISTORICAL);
            }
            if (!round.present) {
                error(ROUND_SHEET, ROUND_ROW, null, "缺少轮次信息");
            }
            return round;
        }

        private Map<Integer, ProblemRow> readProblems(SheetTable table, Map<Integer, CategoryRow> categories) {
            Map<Integer, ProblemRow> problems = new LinkedHashMap<>();
            for (Row row : table.dataRows()) {
                int line = line(row);
                Integer categorySeq = table.integer(row, "方面序号");
                String categoryTitle = table.text(row, "方面");
                Integer seq = table.integer(row, "问题序号");
                String title = table.text(row, "问题");
                String keyGroup = code(table, row, "重点整改组", keyGroups, 100);
                if (categorySeq != null) {
                    CategoryRow category = categories.get(categorySeq);
                    if (category == null) {
                        category = new CategoryRow(line);
                        categories.put(categorySeq, category);
                        if (categoryTitle == null) {
                            table.error(row, "方面", "方面 " + categorySeq + " 第一次出现，须填写方面名称");
                        }
                    }
                    if (category.title == null) {
                        category.title = categoryTitle;
                    } else if (categoryTitle != null && !categoryTitle.equals(category.title)) {
                        table.error(row, "方面", "方面 " + categorySeq + " 在第" + category.row
                            + "行名为「" + shorten(category.title) + "」，此处不同");
                    }
                }
                if (seq != null) {
                    // the measures refer to their problem by this number: it must name one row
                    ProblemRow earlier = problems.get(seq);
                    if (earlier != null) {
                        table.error(row, "问题序号", "问题序号 " + seq + " 重复（已用于第" + earlier.row + "行）");
                    } else {
                        problems.put(seq, new ProblemRow(line, categorySeq, seq, title, keyGroup));
                    }
                }
            }
            return problems;
        }

        private void readMeasures(SheetTable table, Map<Integer, ProblemRow> problems) {
            for (Row row : table.dataRows()) {
                int line = line(row);
                Integer problemSeq = table.integer(row, "问题序号");
                Integer seq = table.integer(row, "措施序号", 1, properties.maxRows());
                String content = table.text(row, "整改措施");
                String unit = unit(table, row);
                String leader = leader(table, row);
                LocalDate deadline = table.date(row, "完成时限");
                MeasureKind kind = kind(table, row);
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

        /** A name or code looked up: its code, or the text as written when unknown (the rules say so). */
        private static String code(SheetTable table, Row row, String column, Map<String, String> codes, int max) {
            String value = table.text(row, column, max);
            return value == null ? null : codes.getOrDefault(value, value);
        }

        private String unit(SheetTable table, Row row) {
            return code(table, row, "责任单位", unitIds, 100);
        }

        /** A leader's user id, or the text as written when no user has it as id or name. */
        private String leader(SheetTable table, Row row) {
            String value = table.text(row, "责任领导", 64);
            if (value == null) {
                return null;
            }
            Optional<String> userId = leaders.computeIfAbsent(value, v -> {
                if (organisation.person(v).isPresent()) {
                    return Optional.of(v);
                }
                List<String> byName = organisation.userIdsNamed(v);
                return byName.size() == 1 ? Optional.of(byName.get(0))
                    : byName.isEmpty() ? Optional.empty() : Optional.of("");
            });
            if (userId.isPresent() && userId.get().isEmpty()) {
                table.error(row, "责任领导", "姓名「" + value + "」对应多个用户，请填用户编号");
                return value;
            }
            return userId.orElse(value);
        }

        private MeasureKind kind(SheetTable table, Row row) {
            String value = table.text(row, "类型", 20);
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

        /**
         * The units to create: each row with its code and name, unless the unit exists with that name already. A
         * measure may name a new unit by its code or its name. A code taken by another unit is told here with that
         * unit's name; the rest (pattern, duplicates, a code of another group) is the rules'.
         */
        private void readNewUnits(SheetTable table) {
            for (Row row : table.dataRows()) {
                String id = table.text(row, "单位编号", 64);
                String name = table.text(row, "单位名称", 100);
                if (id == null && name == null) {
                    continue;
                }
                if (id != null && name != null && name.equals(unitNames.get(id))) {
                    continue; // the unit exists already: nothing to add
                }
                if (id != null && unitNames.containsKey(id)) {
                    table.error(row, "单位编号", "单位 " + id + " 已存在，名为「" + unitNames.get(id) + "」；新设单位请另取编号");
                    continue;
                }
                newUnits.add(new NewUnitRow(line(row), id, name));
                if (id != null) {
                    unitIds.putIfAbsent(id, id);
                    if (name != null) {
                        unitIds.putIfAbsent(name, id);
                    }
                }
            }
        }
    }
}
