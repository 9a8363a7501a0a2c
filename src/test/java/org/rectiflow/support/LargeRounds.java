package org.rectiflow.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;

/**
 * A round the size of a district's or a city's published roll-up: hundreds of problems in ten categories, three
 * measures each over ten units, due in 60 days. The round import's test and the benchmark register it.
 */
public final class LargeRounds {

    /** Units of the demo organisation the measures go round. */
    public static final List<String> UNITS = List.of("siming", "haicang", "tongan", "airport", "legal", "personnel",
        "patrol", "trafficPolice", "criminalInvestigation", "exitEntry");
    public static final int CATEGORIES = 10;
    public static final int MEASURES_PER_PROBLEM = 3;

    private LargeRounds() {
    }

    /** {@code problems} problems numbered 1 to {@code problems}, {@link #MEASURES_PER_PROBLEM} measures each. */
    public static RoundRegistration round(String code, LocalDate today, int problems) {
        List<List<RoundRegistration.Problem>> byCategory = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            byCategory.add(new ArrayList<>());
        }
        int made = 0;
        for (int p = 1; p <= problems; p++) {
            List<RoundRegistration.Measure> measures = new ArrayList<>();
            for (int m = 1; m <= MEASURES_PER_PROBLEM; m++, made++) {
                measures.add(new RoundRegistration.Measure("第" + p + "个问题的第" + m + "项整改措施：完善制度并组织专题培训",
                    UNITS.get(made % UNITS.size()), TestRounds.LEADER, today.plusDays(60),
                    m == MEASURES_PER_PROBLEM ? MeasureKind.LONG_TERM : MeasureKind.IMMEDIATE));
            }
            // problems in blocks, as a feedback lists them: the first tenth in category 1, and so on
            int category = (int) ((long) (p - 1) * CATEGORIES / problems);
            byCategory.get(category).add(new RoundRegistration.Problem(p, "反馈问题第" + p + "条：制度执行不到位",
                TestRounds.KEY_GROUP, measures));
        }
        List<RoundRegistration.Category> categories = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            if (!byCategory.get(c).isEmpty()) {
                categories.add(new RoundRegistration.Category(c + 1, "第" + (c + 1) + "方面", byCategory.get(c)));
            }
        }
        return new RoundRegistration(code, "市委巡察组巡察测试单位党委反馈问题整改（大轮次）", "市委第一巡察组",
            "中共测试委员会", "测试党委", today.minusDays(60), today.minusDays(10), today, today, categories);
    }
}
