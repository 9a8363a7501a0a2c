package org.rectiflow.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.rectiflow.identity.OrganisationRepository;

/**
 * The rules of a round to register, in one place: the code pattern, required fields and lengths, sequence
 * numbers and their ranges, duplicates, the known units (with the units the round creates, 新增单位: a code that
 * names no group yet), leaders and key groups, and the dates a deadline may
 * take, and how many problems and measures a round may hold. Both doors use it: the JSON API ({@code POST /api/rounds}) answers each {@link Violation} as
 * {@code <path>: <message>}; the workbook import translates the path into sheet, row and column and shows
 * {@link Violation#sheetMessage()}. Pure: the organisation is asked through a {@link Directory} and today is
 * given, so the rules are tested without a database.
 * <p>
 * Whether the code is registered already is not a rule of the round's content but the ledger's state: the
 * service checks it ({@link InspectionRoundService#register}).
 */
public final class RoundRules {

    /** 1 to 40 letters, digits or hyphens: the code is part of every measure's and clue's code. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

    static final String EMPTY = "不能为空";

    /** What a rule asks of the organisation. */
    public interface Directory {
        boolean isUnit(String code);

        boolean isLeader(String userId);

        boolean isKeyGroup(String code);

        /**
         * Whether a code names a group already (a unit, retired or not, a key group, a role group, any Camunda
         * group): a new unit may not take it.
         */
        default boolean isGroup(String code) {
            return isUnit(code) || isKeyGroup(code);
        }
    }

    /** Which rule a violation breaks. */
    public enum Rule {
        REQUIRED, TOO_LONG, CODE_PATTERN, OUT_OF_RANGE, DUPLICATE, NONE, TOO_MANY, UNKNOWN_UNIT, UNKNOWN_LEADER,
        UNKNOWN_KEY_GROUP, UNKNOWN_KIND, END_BEFORE_START, REGISTERED_IN_FUTURE, DEADLINE_BEFORE_REGISTRATION,
        DEADLINE_BEFORE_FEEDBACK, DEADLINE_BEFORE_TODAY,
        /** A new unit's code names a group already. */
        GROUP_EXISTS,
        /** The code names a round in the ledger: told by the service, which knows the ledger's state. */
        REGISTERED_ALREADY
    }

    /**
     * A broken rule at a path into the round ({@code categories[0].problems[3].measures[1].deadline}).
     *
     * @param message      what to fix, in Chinese, in the JSON's terms
     * @param sheetMessage the same where the field is a cell of the import workbook, in the sheet's terms (the
     *                     column's header is shown before it, so it is not repeated; a hint names a column, not a
     *                     JSON field)
     */
    public record Violation(String path, Rule rule, String message, String sheetMessage) {

        Violation(String path, Rule rule, String message) {
            this(path, rule, message, message);
        }

        /** The error as the JSON API lists it. */
        public String text() {
            return path + ": " + message;
        }
    }

    private final Directory directory;
    private final int maxEntries;

    /** The rules with the default limit ({@link RoundImportProperties#DEFAULT_MAX_ROWS}). */
    public RoundRules(Directory directory) {
        this(directory, RoundImportProperties.DEFAULT_MAX_ROWS);
    }

    /**
     * @param maxEntries the most problems, and the most measures, one round may hold, and the highest sequence
     *                   number of a category, a problem or a workbook's measure ({@code rectiflow.import.max-rows}:
     *                   the workbook's sheets hold no more rows, and the JSON door keeps the same bound). Not a
     *                   limit of the codes, which widen with the round ({@link RoundRegistration#codes()}), but one
     *                   against a request that would hold the registration's transaction for minutes
     */
    public RoundRules(Directory directory, int maxEntries) {
        this.directory = directory;
        this.maxEntries = maxEntries;
    }

    /** 1 to 64 letters or digits: a new unit's code is a Camunda group id (its default whitelist). */
    static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9]{1,64}");

    /**
     * The rules against the ledger's organisation, with the import's limit; {@code isGroup} tells whether a code
     * names any group already ({@code identity/OrganisationService#isGroup}).
     */
    public static RoundRules against(OrganisationRepository organisation, Predicate<String> isGroup,
                                     RoundImportProperties limits) {
        return new RoundRules(new Directory() {
            @Override
            public boolean isGroup(String code) {
                return isGroup.test(code);
            }

            @Override
            public boolean isUnit(String code) {
                return organisation.unit(code).isPresent();
            }

            @Override
            public boolean isLeader(String userId) {
                return organisation.person(userId).isPresent();
            }

            @Override
            public boolean isKeyGroup(String code) {
                return organisation.keyGroup(code).isPresent();
            }
        }, limits.maxRows());
    }

    /** The most problems, and the most measures, one round may hold. */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * The day a registration counts from: the one given, else the feedback date of a historical round, else
     * today.
     */
    public static LocalDate registeredOn(RoundRegistration r, LocalDate today) {
        return r.registeredOn() != null ? r.registeredOn()
            : r.historical() && r.feedbackDate() != null ? r.feedbackDate()
            : today;
    }

    /**
     * Every violation of a round, in the order of its fields. Deadlines lie on or after the registration date and
     * the feedback date and, unless the round is a historical record (or {@code backdated}, the demo's round played
     * as if registered on its {@code registeredOn}), on or after today.
     */
    public List<Violation> check(RoundRegistration r, LocalDate today, boolean backdated) {
        // a round of thousands of measures names a few units, leaders and key groups: each is asked once per check
        // (not across checks: the organisation may change between two)
        Directory remembered = new Remembered(directory);
        List<Violation> newUnitErrors = new ArrayList<>();
        Set<String> newUnits = newUnits(newUnitErrors, r.newUnits(), remembered);
        Directory withNewUnits = newUnits.isEmpty() ? remembered : new WithNewUnits(remembered, newUnits);
        List<Violation> errors = new RoundRules(withNewUnits, maxEntries).violations(r, today, backdated);
        errors.addAll(newUnitErrors); // the last field of the round
        return errors;
    }

    /**
     * Checks the units the round creates (新增单位); returns their codes, which its measures may name. A code is
     * letters and digits, given once, and names no group yet; a name is required, at most 100 characters.
     */
    private static Set<String> newUnits(List<Violation> errors, List<RoundRegistration.NewUnit> units,
                                        Directory directory) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            RoundRegistration.NewUnit unit = units.get(i);
            String at = "newUnits[" + i + "]";
            if (unit == null) {
                errors.add(new Violation(at, Rule.REQUIRED, EMPTY));
                continue;
            }
            if (unit.code() == null || unit.code().isBlank()) {
                errors.add(new Violation(at + ".code", Rule.REQUIRED, EMPTY));
            } else if (!UNIT_CODE.matcher(unit.code()).matches()) {
                errors.add(new Violation(at + ".code", Rule.CODE_PATTERN,
                    "只能由1至64位英文字母和数字组成，而非「" + shorten(unit.code()) + "」"));
            } else if (!codes.add(unit.code())) {
                errors.add(new Violation(at + ".code", Rule.DUPLICATE, "单位编号「" + unit.code() + "」重复"));
            } else if (directory.isGroup(unit.code())) {
                errors.add(new Violation(at + ".code", Rule.GROUP_EXISTS, "编号「" + unit.code()
                    + "」已被占用（已有同编号的单位、重点整改组或角色组），请另取编号"));
            }
            text(errors, at + ".name", unit.name(), 100, true);
        }
        return codes;
    }

    /** The organisation and the units the round creates: its measures may name both. */
    private record WithNewUnits(Directory directory, Set<String> newUnits) implements Directory {

        @Override
        public boolean isUnit(String code) {
            return newUnits.contains(code) || directory.isUnit(code);
        }

        @Override
        public boolean isLeader(String userId) {
            return directory.isLeader(userId);
        }

        @Override
        public boolean isKeyGroup(String code) {
            return directory.isKeyGroup(code);
        }

        @Override
        public boolean isGroup(String code) {
            return directory.isGroup(code);
        }
    }

    /** A directory's answers remembered for one check. */
    private record Remembered(Directory directory, Map<String, Boolean> units, Map<String, Boolean> leaders,
                              Map<String, Boolean> keyGroups) implements Directory {

        Remembered(Directory directory) {
            this(directory, new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        @Override
        public boolean isGroup(String code) {
            return directory.isGroup(code);
        }

        @Override
        public boolean isUnit(String code) {
            return units.computeIfAbsent(code, directory::isUnit);
        }

        @Override
        public boolean isLeader(String userId) {
            return leaders.computeIfAbsent(userId, directory::isLeader);
        }

        @Override
        public boolean isKeyGroup(String code) {
            return keyGroups.computeIfAbsent(code, directory::isKeyGroup);
        }
    }

    private List<Violation> violations(RoundRegistration r, LocalDate today, boolean backdated) {
        List<Violation> errors = new ArrayList<>();
        if (r.code() == null || r.code().isBlank()) {
            errors.add(new Violation("code", Rule.REQUIRED, EMPTY));
        } else if (!CODE.matcher(r.code()).matches()) {
            errors.add(new Violation("code", Rule.CODE_PATTERN,
                "只能由1至40位字母、数字或连字符组成，而非「" + shorten(r.code()) + "」"));
        }
        text(errors, "title", r.title(), 200, true);
        text(errors, "inspectionGroup", r.inspectionGroup(), 100, true);
        text(errors, "inspectedOrganisation", r.inspectedOrganisation(), 200, true);
        text(errors, "inspectedShortName", r.inspectedShortName(), 100, false);
        if (r.inspectionStart() != null && r.inspectionEnd() != null && r.inspectionEnd().isBefore(r.inspectionStart())) {
            errors.add(new Violation("inspectionEnd", Rule.END_BEFORE_START,
                r.inspectionEnd() + " 早于巡察开始 " + r.inspectionStart()));
        }
        if (r.feedbackDate() == null) {
            errors.add(new Violation("feedbackDate", Rule.REQUIRED, EMPTY));
        }
        if (r.registeredOn() != null && r.registeredOn().isAfter(today)) {
            errors.add(new Violation("registeredOn", Rule.REGISTERED_IN_FUTURE,
                r.registeredOn() + " 晚于今天 " + today + "，登记日期不能在将来"));
        }
        List<RoundRegistration.Category> categories = r.categories() == null ? List.of() : r.categories();
        if (categories.isEmpty()) {
            errors.add(new Violation("categories", Rule.NONE, "至少要有一个方面", "至少要有一个问题"));
        }
        if (tooMany(errors, categories)) {
            return errors; // a round beyond the limits is refused as a whole, not listed entry by entry
        }
        Deadlines deadlines = new Deadlines(r, registeredOn(r, today), r.historical() || backdated ? null : today);
        Set<Integer> categorySeqs = new HashSet<>();
        Set<Integer> problemSeqs = new HashSet<>();
        for (int c = 0; c < categories.size(); c++) {
            RoundRegistration.Category category = categories.get(c);
            String at = "categories[" + c + "]";
            if (category == null) {
                errors.add(new Violation(at, Rule.REQUIRED, EMPTY));
                continue;
            }
            sequence(errors, at + ".seq", "方面序号", category.seq(), maxEntries, categorySeqs);
            text(errors, at + ".title", category.title(), 500, true);
            List<RoundRegistration.Problem> problems = category.problems() == null ? List.of() : category.problems();
            if (problems.isEmpty()) {
                errors.add(new Violation(at + ".problems", Rule.NONE, "每个方面至少要有一个问题"));
            }
            for (int p = 0; p < problems.size(); p++) {
                problem(errors, at + ".problems[" + p + "]", problems.get(p), problemSeqs, deadlines);
            }
        }
        for (int c = 0; c < r.clues().size(); c++) {
            clue(errors, "clues[" + c + "]", r.clues().get(c));
        }
        if (r.clues().size() > 99) {
            errors.add(new Violation("clues", Rule.TOO_MANY, "每轮至多99条问题线索，此处" + r.clues().size() + "条"));
        }
        return errors;
    }

    /**
     * Whether the round holds more problems or more measures than {@link #maxEntries}: counted before anything
     * else, so that a round far too large answers one error, not one per entry.
     */
    private boolean tooMany(List<Violation> errors, List<RoundRegistration.Category> categories) {
        long problems = 0;
        long measures = 0;
        for (RoundRegistration.Category category : categories) {
            if (category != null && category.problems() != null) {
                problems += category.problems().size();
                for (RoundRegistration.Problem problem : category.problems()) {
                    measures += problem == null || problem.measures() == null ? 0 : problem.measures().size();
                }
            }
        }
        if (problems > maxEntries) {
            errors.add(new Violation("categories", Rule.TOO_MANY,
                "每轮至多" + maxEntries + "个问题，此处" + problems + "个（请分批登记）"));
        }
        if (measures > maxEntries) {
            errors.add(new Violation("categories", Rule.TOO_MANY,
                "每轮至多" + maxEntries + "项整改措施，此处" + measures + "项（请分批登记）"));
        }
        return problems > maxEntries || measures > maxEntries;
    }

    private void problem(List<Violation> errors, String at, RoundRegistration.Problem problem, Set<Integer> seqs,
                         Deadlines deadlines) {
        if (problem == null) {
            errors.add(new Violation(at, Rule.REQUIRED, EMPTY));
            return;
        }
        sequence(errors, at + ".seq", "问题序号", problem.seq(), maxEntries, seqs);
        text(errors, at + ".title", problem.title(), 500, true);
        if (problem.keyGroup() == null || problem.keyGroup().isBlank()) {
            errors.add(new Violation(at + ".keyGroup", Rule.REQUIRED, EMPTY));
        } else if (!directory.isKeyGroup(problem.keyGroup())) {
            errors.add(new Violation(at + ".keyGroup", Rule.UNKNOWN_KEY_GROUP,
                "未知重点整改组「" + shorten(problem.keyGroup()) + "」"));
        }
        List<RoundRegistration.Measure> measures = problem.measures() == null ? List.of() : problem.measures();
        if (measures.isEmpty()) {
            errors.add(new Violation(at + ".measures", Rule.NONE, "每个问题至少要有一项整改措施",
                "问题 " + problem.seq() + " 没有整改措施（「" + RoundSheets.MEASURE_SHEET + "」表中没有它的行）"));
        }
        for (int m = 0; m < measures.size(); m++) {
            measure(errors, at + ".measures[" + m + "]", measures.get(m), deadlines);
        }
    }

    private void measure(List<Violation> errors, String at, RoundRegistration.Measure measure, Deadlines deadlines) {
        if (measure == null) {
            errors.add(new Violation(at, Rule.REQUIRED, EMPTY));
            return;
        }
        text(errors, at + ".content", measure.content(), 2000, true);
        if (measure.unit() == null || measure.unit().isBlank()) {
            errors.add(new Violation(at + ".unit", Rule.REQUIRED, EMPTY));
        } else if (!directory.isUnit(measure.unit())) {
            errors.add(new Violation(at + ".unit", Rule.UNKNOWN_UNIT, "未知单位「" + shorten(measure.unit()) + "」"));
        }
        if (measure.leader() == null || measure.leader().isBlank()) {
            errors.add(new Violation(at + ".leader", Rule.REQUIRED, EMPTY));
        } else if (!directory.isLeader(measure.leader())) {
            String unknown = "未知责任领导「" + shorten(measure.leader()) + "」";
            errors.add(new Violation(at + ".leader", Rule.UNKNOWN_LEADER, unknown, unknown + "（填用户编号或姓名）"));
        }
        if (measure.kind() == null) {
            errors.add(new Violation(at + ".kind", Rule.UNKNOWN_KIND, "应为 IMMEDIATE（当下改）或 LONG_TERM（长久立）",
                EMPTY));
        }
        deadlines.check(errors, at + ".deadline", measure.deadline());
    }

    /**
     * The dates a deadline may not lie before. A registration date given explicitly is named first; one derived
     * (today, or the feedback date of a historical round) is named by what it is derived from.
     */
    private record Deadlines(RoundRegistration round, LocalDate registeredOn, LocalDate notBefore) {

        void check(List<Violation> errors, String path, LocalDate deadline) {
            if (deadline == null) {
                errors.add(new Violation(path, Rule.REQUIRED, EMPTY));
            } else if (round.registeredOn() != null && deadline.isBefore(round.registeredOn())) {
                errors.add(new Violation(path, Rule.DEADLINE_BEFORE_REGISTRATION,
                    deadline + " 早于登记日期 " + round.registeredOn()));
            } else if (round.feedbackDate() != null && deadline.isBefore(round.feedbackDate())) {
                errors.add(new Violation(path, Rule.DEADLINE_BEFORE_FEEDBACK,
                    deadline + " 早于反馈日期 " + round.feedbackDate()));
            } else if (notBefore != null && deadline.isBefore(notBefore)) {
                String before = deadline + " 早于今天 " + notBefore;
                errors.add(new Violation(path, Rule.DEADLINE_BEFORE_TODAY,
                    before + "（已过的完成时限只能随历史记录登记：historical 设为 true）",
                    before + "（补录已过去的整改须在「" + RoundSheets.ROUND_SHEET + "」表的「" + RoundSheets.HISTORICAL
                        + "」列填「是」）"));
            } else if (deadline.isBefore(registeredOn)) {
                errors.add(new Violation(path, Rule.DEADLINE_BEFORE_REGISTRATION,
                    deadline + " 早于登记日期 " + registeredOn));
            }
        }
    }

    private static void clue(List<Violation> errors, String at, RoundRegistration.Clue clue) {
        if (clue == null) {
            errors.add(new Violation(at, Rule.REQUIRED, EMPTY));
            return;
        }
        text(errors, at + ".reference", clue.reference(), 64, true);
        text(errors, at + ".summary", clue.summary(), 2000, true);
        if (clue.kind() == null) {
            errors.add(new Violation(at + ".kind", Rule.REQUIRED,
                "应为 PETITION（信访件）或 LAW_RELATED（涉法涉诉信访件）"));
        }
        if (clue.receivedOn() == null) {
            errors.add(new Violation(at + ".receivedOn", Rule.REQUIRED, EMPTY));
        }
    }

    /** A sequence number from 1 to {@code max} (the round's limit, not the codes': they widen), unique among its kind. */
    private static void sequence(List<Violation> errors, String path, String label, int seq, int max,
                                 Set<Integer> seen) {
        if (seq < 1 || seq > max) {
            String range = "应在1至" + max + "之间，而非 " + seq;
            errors.add(new Violation(path, Rule.OUT_OF_RANGE, label + range, range));
        } else if (!seen.add(seq)) {
            errors.add(new Violation(path, Rule.DUPLICATE, label + " " + seq + " 重复"));
        }
    }

    private static void text(List<Violation> errors, String path, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(path, Rule.REQUIRED, EMPTY));
            }
        } else if (value.length() > max) {
            errors.add(new Violation(path, Rule.TOO_LONG, "至多" + max + "字，此处" + value.length() + "字"));
        }
    }

    /** A value as a message quotes it: at most 40 characters. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
