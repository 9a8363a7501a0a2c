package org.rectiflow.common.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectiflow.common.deadline.Outcome.BASICALLY_DONE;
import static org.rectiflow.common.deadline.Outcome.IN_PROGRESS;
import static org.rectiflow.common.deadline.Outcome.NOT_DONE;
import static org.rectiflow.common.deadline.Outcome.RECTIFIED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.common.deadline.Outcomes.Counted;
import org.rectiflow.common.deadline.Outcomes.Counts;

/**
 * The figures, defined once: problems and measures by outcome, the completion rate in percent to two decimals,
 * closed, overdue, a line's light; and a problem's outcome from its measures'.
 */
class OutcomesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final Ladder ladder = Settings.escalation().ladder();

    /** Measures of one problem each, open (IN_PROGRESS) unless closed (RECTIFIED). */
    private static List<Counted> lights(Light... lights) {
        List<Counted> counted = new ArrayList<>();
        for (Light light : lights) {
            counted.add(new Counted(counted.size(), light, light == Light.CLOSED ? RECTIFIED : IN_PROGRESS));
        }
        return counted;
    }

    @Test
    void closedOverdueAndAmberAreCountedFromTheLights() {
        Outcomes outcomes = Outcomes.of(lights(
            ladder.light(true, TODAY.minusDays(3), TODAY),                       // closed past its deadline
            ladder.light(false, TODAY.minusDays(1), TODAY),                      // overdue
            ladder.light(false, TODAY, TODAY),                                   // due today: amber
            ladder.light(false, TODAY.plusDays(ladder.amberDaysBefore()), TODAY), // amber date today
            ladder.light(false, TODAY.plusDays(ladder.amberDaysBefore() + 1), TODAY))); // green
        assertThat(outcomes.total()).isEqualTo(5);
        assertThat(outcomes.closed()).isEqualTo(1);
        assertThat(outcomes.overdue()).isEqualTo(1);
        assertThat(outcomes.amber()).isEqualTo(2);
        assertThat(outcomes.open()).isEqualTo(4);
        assertThat(outcomes.completionRate()).isEqualTo(0.2);
        assertThat(outcomes.completionRatePercent()).isEqualTo("20.00");
        assertThat(outcomes.light()).isEqualTo(Light.RED);
    }

    @Test
    void aLinesLightIsTheWorstOfItsOpenMeasures() {
        assertThat(Outcomes.of(lights(Light.GREEN, Light.AMBER, Light.CLOSED)).light()).isEqualTo(Light.AMBER);
        assertThat(Outcomes.of(lights(Light.GREEN, Light.CLOSED)).light()).isEqualTo(Light.GREEN);
        assertThat(Outcomes.of(lights(Light.CLOSED, Light.CLOSED)).light()).as("all closed").isEqualTo(Light.GREEN);
        assertThat(Light.AMBER.worse(Light.RED)).isEqualTo(Light.RED);
        assertThat(Light.CLOSED.worse(Light.GREEN)).isEqualTo(Light.GREEN);
    }

    @Test
    void theCompletionRateFractionKeepsThreeDecimalsAndIsZeroWithoutMeasures() {
        assertThat(Outcomes.NONE.completionRate()).isZero();
        assertThat(Outcomes.NONE.completionRatePercent()).isEqualTo("0.00");
        assertThat(Outcomes.of(lights(Light.CLOSED, Light.GREEN, Light.GREEN)).completionRate()).isEqualTo(0.333);
        assertThat(Outcomes.of(lights(Light.CLOSED, Light.CLOSED, Light.GREEN)).completionRate()).isEqualTo(0.667);
    }

    @Test
    void theCompletionRateIsRectifiedPlusBasicallyDoneOverMeasuresInPercentToTwoDecimals() {
        // 8 measures over 3 problems: P1 all rectified; P2 rectified + basically done; P3 one not done, two open
        Outcomes outcomes = Outcomes.of(List.of(
            new Counted("P1", Light.CLOSED, RECTIFIED), new Counted("P1", Light.CLOSED, RECTIFIED),
            new Counted("P2", Light.CLOSED, RECTIFIED), new Counted("P2", Light.CLOSED, BASICALLY_DONE),
            new Counted("P2", Light.CLOSED, BASICALLY_DONE),
            new Counted("P3", Light.RED, NOT_DONE), new Counted("P3", Light.GREEN, IN_PROGRESS),
            new Counted("P3", Light.CLOSED, RECTIFIED)));

        assertThat(outcomes.measures()).isEqualTo(new Counts(8, 4, 2, 1));
        assertThat(outcomes.measures().inProgress()).isEqualTo(1);
        assertThat(outcomes.completionRatePercent()).as("6 / 8").isEqualTo("75.00");
        assertThat(outcomes.completionRate()).isEqualTo(0.75);
        assertThat(outcomes.problems()).isEqualTo(new Counts(3, 1, 1, 1));
        assertThat(outcomes.problems().completionRatePercent()).as("2 / 3").isEqualTo("66.67");
        assertThat(outcomes.closed()).isEqualTo(6);
        assertThat(outcomes.overdue()).isEqualTo(1);
    }

    @Test
    void percentIsRoundedHalfUpToTwoDecimals() {
        assertThat(Outcomes.percent(7, 8)).isEqualTo("87.50");
        assertThat(Outcomes.percent(1, 3)).isEqualTo("33.33");
        assertThat(Outcomes.percent(2, 3)).isEqualTo("66.67");
        assertThat(Outcomes.percent(1, 8000)).as("0.0125 rounds up").isEqualTo("0.01");
        assertThat(Outcomes.percent(203, 203)).isEqualTo("100.00");
        assertThat(Outcomes.percent(0, 0)).isEqualTo("0.00");
    }

    @Test
    void aProblemsOutcomeFollowsFromItsMeasures() {
        assertThat(Outcome.ofProblem(List.of(RECTIFIED, RECTIFIED))).isEqualTo(RECTIFIED);
        assertThat(Outcome.ofProblem(List.of(RECTIFIED, BASICALLY_DONE))).isEqualTo(BASICALLY_DONE);
        assertThat(Outcome.ofProblem(List.of(BASICALLY_DONE))).isEqualTo(BASICALLY_DONE);
        assertThat(Outcome.ofProblem(List.of(RECTIFIED, BASICALLY_DONE, NOT_DONE))).as("any not done")
            .isEqualTo(NOT_DONE);
        assertThat(Outcome.ofProblem(List.of(NOT_DONE, IN_PROGRESS))).isEqualTo(NOT_DONE);
        assertThat(Outcome.ofProblem(List.of(RECTIFIED, IN_PROGRESS))).isEqualTo(IN_PROGRESS);
        assertThat(Outcome.ofProblem(List.of(BASICALLY_DONE, IN_PROGRESS))).isEqualTo(IN_PROGRESS);
        assertThat(Outcome.ofProblem(List.of())).as("no measure yet").isEqualTo(IN_PROGRESS);
        assertThat(RECTIFIED.label()).isEqualTo("已完成整改");
        assertThat(BASICALLY_DONE.label()).isEqualTo("基本完成、持续推进");
        assertThat(NOT_DONE.label()).isEqualTo("未完成");
    }
}
