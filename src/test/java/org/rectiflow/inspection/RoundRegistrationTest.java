package org.rectiflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;

/** Registration of a feedback: validated whole, written whole or not at all. */
class RoundRegistrationTest extends ProcessTest {

    private long rows(String table, String roundCode) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE round_code = ?").param(roundCode)
            .query(Long.class).single();
    }

    @Test
    void aDeadlineInThePastIsRefusedNamingTheFieldAndNothingIsWritten() {
        String code = TestRounds.newCode();
        RoundRegistration registration = TestRounds.round(code, TODAY, MeasureKind.IMMEDIATE, 30, -1);

        assertThatThrownBy(() -> rounds.register(registration))
            .isInstanceOf(RegistrationException.class)
            .hasMessageContaining("categories[0].problems[0].measures[1].deadline: 2026-03-01 早于登记日期 2026-03-02");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single())
            .isZero();
        assertThat(rows("measure", code)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void everyBadFieldIsListed() {
        String code = TestRounds.newCode();
        RoundRegistration good = TestRounds.round(code, TODAY, MeasureKind.IMMEDIATE, 30);
        RoundRegistration.Problem problem = good.categories().get(0).problems().get(0);
        List<RoundRegistration.Measure> measures = new ArrayList<>(problem.measures());
        measures.add(new RoundRegistration.Measure("", "noSuchUnit", "nobody", null, null));
        RoundRegistration bad = new RoundRegistration(code, good.title(), good.inspectionGroup(),
            good.inspectedOrganisation(), null, null, null, TODAY, TODAY,
            List.of(new RoundRegistration.Category(1, "方面", List.of(
                new RoundRegistration.Problem(1, "问题", "noSuchGroup", measures),
                new RoundRegistration.Problem(1, "", TestRounds.KEY_GROUP, problem.measures())))));

        assertThatThrownBy(() -> rounds.register(bad))
            .isInstanceOf(RegistrationException.class)
            .satisfies(e -> assertThat(((RegistrationException) e).errors()).containsExactly(
                "categories[0].problems[0].keyGroup: 未知重点整改组「noSuchGroup」",
                "categories[0].problems[0].measures[1].content: 不能为空",
                "categories[0].problems[0].measures[1].unit: 未知单位「noSuchUnit」",
                "categories[0].problems[0].measures[1].leader: 未知责任领导「nobody」",
                "categories[0].problems[0].measures[1].kind: 应为 IMMEDIATE（当下改）或 LONG_TERM（长久立）",
                "categories[0].problems[0].measures[1].deadline: 不能为空",
                "categories[0].problems[1].seq: 问题序号 1 重复",
                "categories[0].problems[1].title: 不能为空"));
        assertThat(rows("problem", code)).isZero();
    }

    @Test
    void aRoundCodeCanBeRegisteredOnlyOnce() {
        String code = registerRound(MeasureKind.IMMEDIATE, 30);

        assertThatThrownBy(() -> rounds.register(TestRounds.round(code, TODAY, MeasureKind.IMMEDIATE, 30)))
            .isInstanceOf(RegistrationException.class).hasMessageContaining("code: 轮次编号 " + code + " 已登记，不能再次登记");
        assertThat(rows("measure", code)).isEqualTo(1);
    }
}
