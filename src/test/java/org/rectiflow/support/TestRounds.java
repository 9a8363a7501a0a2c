package org.rectiflow.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;

/** Small rounds for tests: one category, one problem of the 作风转变 group, measures of 思明分局. */
public final class TestRounds {

    /** The unit of every test measure, and its users. */
    public static final String UNIT = "siming";
    public static final String LIAISON = "simingLiaison";
    public static final String HEAD = "simingHead";
    /** The key group 作风转变 and its lead unit 督察支队, which reviews. */
    public static final String KEY_GROUP = "conduct";
    public static final String LEAD_UNIT = "inspectorate";
    public static final String LEAD_UNIT_LIAISON = "inspectorateLiaison";
    public static final String LEADER = "chief";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestRounds() {
    }

    public static String newCode() {
        return "T" + System.nanoTime() % 100000 + "N" + NEXT.incrementAndGet();
    }

    /** A round registered today whose measures fall due the given numbers of days from today. */
    public static RoundRegistration round(String code, LocalDate today, MeasureKind kind, int... deadlineDays) {
        return round(code, today, UNIT, kind, deadlineDays);
    }

    /** A round of two measures due in 60 days, one of 思明分局 and one of 海沧分局. */
    public static RoundRegistration twoUnits(String code, LocalDate today) {
        RoundRegistration round = round(code, today, MeasureKind.IMMEDIATE, 60);
        List<RoundRegistration.Measure> measures = new ArrayList<>(round.categories().get(0).problems().get(0).measures());
        measures.add(new RoundRegistration.Measure("测试整改措施：海沧分局专项整治", "haicang", LEADER, today.plusDays(60),
            MeasureKind.IMMEDIATE));
        return new RoundRegistration(code, round.title(), round.inspectionGroup(), round.inspectedOrganisation(),
            round.inspectedShortName(), round.inspectionStart(), round.inspectionEnd(), round.feedbackDate(),
            round.registeredOn(), List.of(new RoundRegistration.Category(1, "测试方面",
                List.of(new RoundRegistration.Problem(1, "测试问题", KEY_GROUP, measures)))));
    }

    /** A round of one measure due in 60 days and the given clues. */
    public static RoundRegistration roundWithClues(String code, LocalDate today, RoundRegistration.Clue... clues) {
        RoundRegistration round = round(code, today, MeasureKind.IMMEDIATE, 60);
        return new RoundRegistration(round.code(), round.title(), round.inspectionGroup(), round.inspectedOrganisation(),
            round.inspectedShortName(), round.inspectionStart(), round.inspectionEnd(), round.feedbackDate(),
            round.registeredOn(), round.categories(), List.of(clues));
    }

    /** The same, with the measures of another unit. */
    public static RoundRegistration round(String code, LocalDate today, String unit, MeasureKind kind,
                                          int... deadlineDays) {
        List<RoundRegistration.Measure> measures = new ArrayList<>();
        for (int days : deadlineDays) {
            measures.add(new RoundRegistration.Measure("测试整改措施：完善制度并组织培训（" + days + "天）", unit, LEADER,
                today.plusDays(days), kind));
        }
        return new RoundRegistration(code, "测试巡察", "市委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today,
            List.of(new RoundRegistration.Category(1, "测试方面",
                List.of(new RoundRegistration.Problem(1, "测试问题", KEY_GROUP, measures)))));
    }
}
