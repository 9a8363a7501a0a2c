package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.inspection.RoundRules.Rule;
import org.rectiflow.inspection.RoundRules.Violation;
import org.rectiflow.measure.MeasureKind;

/** The round's rules on their own: no database, no Spring, the organisation a few names. */
class RoundRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static final RoundRules RULES = new RoundRules(new RoundRules.Directory() {
        @Override
        public boolean isUnit(String code) {
            return Set.of("siming", "haicang").contains(code);
        }

        @Override
        public boolean isLeader(String userId) {
            return "chief".equals(userId);
        }

        @Override
        public boolean isKeyGroup(String code) {
            return "conduct".equals(code);
        }
    });

    private static RoundRegistration.Measure measure(LocalDate deadline) {
        return new RoundRegistration.Measure("开展专题学习", "siming", "chief", deadline, MeasureKind.IMMEDIATE);
    }

    private static RoundRegistration round(LocalDate feedback, LocalDate registeredOn, boolean historical,
                                           List<RoundRegistration.Category> categories) {
        return new RoundRegistration("XC2026-01", "测试巡察", "市委第一巡察组", "中共测试委员会", null,
            feedback.minusDays(60), feedback.minusDays(10), feedback, registeredOn, categories, List.of(), historical);
    }

    private static List<RoundRegistration.Category> oneMeasure(RoundRegistration.Measure measure) {
        return List.of(new RoundRegistration.Category(1, "方面", List.of(
            new RoundRegistration.Problem(1, "问题", "conduct", List.of(measure)))));
    }

    private static List<String> texts(List<Violation> violations) {
        return violations.stream().map(Violation::text).toList();
    }

    @Test
    void aGoodRoundBreaksNoRule() {
        assertThat(RULES.check(round(TODAY, TODAY, false, oneMeasure(measure(TODAY.plusDays(30)))), TODAY, false))
            .isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedByItsPathInTheOrderOfTheFields() {
        List<RoundRegistration.Measure> measures = new ArrayList<>();
        measures.add(measure(TODAY.plusDays(30)));
        measures.add(new RoundRegistration.Measure("", "noSuchUnit", "nobody", null, null));
        RoundRegistration bad = new RoundRegistration("XC 2026!", "", "组", "单".repeat(201), null, TODAY,
            TODAY.minusDays(1), null, null, List.of(new RoundRegistration.Category(5001, "方面", List.of(
                new RoundRegistration.Problem(1, "问题", "noSuchGroup", measures),
                new RoundRegistration.Problem(1, "另一问题", "conduct", List.of())))), List.of(), false);

        List<Violation> violations = RULES.check(bad, TODAY, false);

        assertThat(texts(violations)).containsExactly(
            "code: 只能由1至40位字母、数字或连字符组成，而非「XC 2026!」",
            "title: 不能为空",
            "inspectedOrganisation: 至多200字，此处201字",
            "inspectionEnd: " + TODAY.minusDays(1) + " 早于巡察开始 " + TODAY,
            "feedbackDate: 不能为空",
            "categories[0].seq: 方面序号应在1至5000之间，而非 5001",
            "categories[0].problems[0].keyGroup: 未知重点整改组「noSuchGroup」",
            "categories[0].problems[0].measures[1].content: 不能为空",
            "categories[0].problems[0].measures[1].unit: 未知单位「noSuchUnit」",
            "categories[0].problems[0].measures[1].leader: 未知责任领导「nobody」",
            "categories[0].problems[0].measures[1].kind: 应为 IMMEDIATE（当下改）或 LONG_TERM（长久立）",
            "categories[0].problems[0].measures[1].deadline: 不能为空",
            "categories[0].problems[1].seq: 问题序号 1 重复",
            "categories[0].problems[1].measures: 每个问题至少要有一项整改措施");
        assertThat(violations).extracting(Violation::rule).containsExactly(Rule.CODE_PATTERN, Rule.REQUIRED,
            Rule.TOO_LONG, Rule.END_BEFORE_START, Rule.REQUIRED, Rule.OUT_OF_RANGE, Rule.UNKNOWN_KEY_GROUP,
            Rule.REQUIRED, Rule.UNKNOWN_UNIT, Rule.UNKNOWN_LEADER, Rule.UNKNOWN_KIND, Rule.REQUIRED, Rule.DUPLICATE,
            Rule.NONE);
    }

    @Test
    void aSheetReadsTheSameRuleInItsOwnTerms() {
        RoundRegistration bad = new RoundRegistration("XC2026-01", "测试巡察", "组", "单位", null, null, null,
            TODAY.minusDays(10), null, List.of(new RoundRegistration.Category(0, "方面", List.of(
                new RoundRegistration.Problem(2, "问题", "conduct", List.of()),
                new RoundRegistration.Problem(3, "问题", "conduct", List.of(
                    new RoundRegistration.Measure("措施", "siming", "nobody", TODAY.minusDays(1), null)))))),
            List.of(), false);

        List<Violation> violations = RULES.check(bad, TODAY, false);

        assertThat(violations).extracting(Violation::sheetMessage).containsExactly(
            "应在1至5000之间，而非 0",
            "问题 2 没有整改措施（「整改措施」表中没有它的行）",
            "未知责任领导「nobody」（填用户编号或姓名）",
            "不能为空",
            TODAY.minusDays(1) + " 早于今天 " + TODAY + "（补录已过去的整改须在「巡察轮次」表的「历史记录」列填「是」）");
        assertThat(violations.get(4).message())
            .isEqualTo(TODAY.minusDays(1) + " 早于今天 " + TODAY + "（已过的完成时限只能随历史记录登记：historical 设为 true）");
    }

    @Test
    void aDeadlineLiesOnOrAfterTheRegistrationDateGivenThenTheFeedbackDateThenToday() {
        LocalDate feedback = TODAY.minusDays(20);
        LocalDate registeredOn = TODAY.minusDays(10);

        assertThat(texts(RULES.check(round(feedback, registeredOn, false, oneMeasure(measure(TODAY.minusDays(30)))),
            TODAY, false))).containsExactly("categories[0].problems[0].measures[0].deadline: " + TODAY.minusDays(30)
            + " 早于登记日期 " + registeredOn);
        assertThat(RULES.check(round(feedback, null, false, oneMeasure(measure(TODAY.minusDays(30)))), TODAY, false))
            .extracting(Violation::rule).containsExactly(Rule.DEADLINE_BEFORE_FEEDBACK);
        assertThat(RULES.check(round(feedback, null, false, oneMeasure(measure(TODAY.minusDays(1)))), TODAY, false))
            .extracting(Violation::rule).containsExactly(Rule.DEADLINE_BEFORE_TODAY);
        assertThat(RULES.check(round(feedback, null, false, oneMeasure(measure(TODAY))), TODAY, false)).isEmpty();
    }

    @Test
    void aHistoricalRoundAndTheDemosBackdatedOneMayHaveDeadlinesBeforeTodayButNotBeforeTheirDates() {
        LocalDate feedback = TODAY.minusYears(2);

        assertThat(RULES.check(round(feedback, null, true, oneMeasure(measure(feedback.plusDays(30)))), TODAY, false))
            .isEmpty();
        assertThat(RULES.check(round(feedback, feedback, false, oneMeasure(measure(feedback.plusDays(30)))), TODAY,
            true)).isEmpty();
        assertThat(texts(RULES.check(round(feedback, null, true, oneMeasure(measure(feedback.minusDays(1)))), TODAY,
            false))).containsExactly("categories[0].problems[0].measures[0].deadline: " + feedback.minusDays(1)
            + " 早于反馈日期 " + feedback);
        assertThat(RULES.check(round(feedback, null, false, oneMeasure(measure(TODAY.minusDays(1)))), TODAY, true))
            .extracting(Violation::rule).containsExactly(Rule.DEADLINE_BEFORE_REGISTRATION);
    }

    @Test
    void theRegistrationDateIsTheOneGivenElseAHistoricalRoundsFeedbackDateElseToday() {
        LocalDate feedback = TODAY.minusYears(1);
        List<RoundRegistration.Category> categories = oneMeasure(measure(TODAY));

        assertThat(RoundRules.registeredOn(round(feedback, TODAY.minusDays(3), true, categories), TODAY))
            .isEqualTo(TODAY.minusDays(3));
        assertThat(RoundRules.registeredOn(round(feedback, null, true, categories), TODAY)).isEqualTo(feedback);
        assertThat(RoundRules.registeredOn(round(feedback, null, false, categories), TODAY)).isEqualTo(TODAY);
        assertThat(texts(RULES.check(round(TODAY, TODAY.plusDays(1), false, oneMeasure(measure(TODAY.plusDays(9)))),
            TODAY, false))).containsExactly("registeredOn: " + TODAY.plusDays(1) + " 晚于今天 " + TODAY
            + "，登记日期不能在将来");
    }

    @Test
    void sequenceNumbersHaveTheirRangesAndAreUnique() {
        List<RoundRegistration.Measure> one = List.of(measure(TODAY));
        RoundRegistration bad = round(TODAY, TODAY, false, List.of(
            new RoundRegistration.Category(0, "方面", List.of(new RoundRegistration.Problem(5001, "问题", "conduct", one))),
            new RoundRegistration.Category(5, "方面", List.of(new RoundRegistration.Problem(7, "问题", "conduct", one))),
            new RoundRegistration.Category(5, "方面", List.of(new RoundRegistration.Problem(7, "问题", "conduct", one)))));

        assertThat(texts(RULES.check(bad, TODAY, false))).containsExactly(
            "categories[0].seq: 方面序号应在1至5000之间，而非 0",
            "categories[0].problems[0].seq: 问题序号应在1至5000之间，而非 5001",
            "categories[2].seq: 方面序号 5 重复",
            "categories[2].problems[0].seq: 问题序号 7 重复");
    }

    @Test
    void listsHaveTheirBounds() {
        RoundRegistration none = round(TODAY, TODAY, false, List.of());
        assertThat(RULES.check(none, TODAY, false)).extracting(Violation::text, Violation::sheetMessage)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("categories: 至少要有一个方面", "至少要有一个问题"));

        RoundRegistration hundreds = round(TODAY, TODAY, false, oneProblem(Collections.nCopies(300, measure(TODAY))));
        assertThat(RULES.check(hundreds, TODAY, false)).isEmpty(); // no cap per problem, only the round's limit

        RoundRules small = new RoundRules(new RoundRules.Directory() {
            @Override
            public boolean isUnit(String code) {
                return true;
            }

            @Override
            public boolean isLeader(String userId) {
                return true;
            }

            @Override
            public boolean isKeyGroup(String code) {
                return true;
            }
        }, 10);
        List<RoundRegistration.Problem> elevenProblems = new ArrayList<>();
        for (int p = 1; p <= 11; p++) {
            elevenProblems.add(new RoundRegistration.Problem(p, "问题", "conduct", List.of(measure(null))));
        }
        RoundRegistration tooMany = round(TODAY, TODAY, false,
            List.of(new RoundRegistration.Category(1, "方面", elevenProblems)));
        assertThat(texts(small.check(tooMany, TODAY, false)))
            .as("a round beyond the limit answers the limit, not an error per entry (the deadlines are missing)")
            .containsExactly("categories: 每轮至多10个问题，此处11个（请分批登记）",
                "categories: 每轮至多10项整改措施，此处11项（请分批登记）");
        assertThat(texts(small.check(round(TODAY, TODAY, false, oneProblem(Collections.nCopies(11, measure(TODAY)))),
            TODAY, false))).containsExactly("categories: 每轮至多10项整改措施，此处11项（请分批登记）");

        RoundRegistration emptyCategory = round(TODAY, TODAY, false,
            List.of(new RoundRegistration.Category(1, "方面", List.of())));
        assertThat(texts(RULES.check(emptyCategory, TODAY, false)))
            .containsExactly("categories[0].problems: 每个方面至少要有一个问题");
    }

    private static List<RoundRegistration.Category> oneProblem(List<RoundRegistration.Measure> measures) {
        return List.of(new RoundRegistration.Category(1, "方面", List.of(
            new RoundRegistration.Problem(1, "问题", "conduct", measures))));
    }

    @Test
    void cluesNeedTheirFieldsAndAreAtMost99() {
        RoundRegistration good = round(TODAY, TODAY, false, oneMeasure(measure(TODAY)));
        RoundRegistration.Clue clue = new RoundRegistration.Clue("信访-1", ClueKind.PETITION, "摘要", TODAY);
        List<RoundRegistration.Clue> clues = new ArrayList<>(Collections.nCopies(99, clue));
        clues.add(new RoundRegistration.Clue(" ", null, "摘".repeat(2001), null));
        RoundRegistration bad = new RoundRegistration(good.code(), good.title(), good.inspectionGroup(),
            good.inspectedOrganisation(), null, null, null, TODAY, TODAY, good.categories(), clues);

        assertThat(texts(RULES.check(bad, TODAY, false))).containsExactly(
            "clues[99].reference: 不能为空",
            "clues[99].summary: 至多2000字，此处2001字",
            "clues[99].kind: 应为 PETITION（信访件）或 LAW_RELATED（涉法涉诉信访件）",
            "clues[99].receivedOn: 不能为空",
            "clues: 每轮至多99条问题线索，此处100条");
    }
}
