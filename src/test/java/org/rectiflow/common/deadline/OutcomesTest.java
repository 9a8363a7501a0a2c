package org.rectiflow.common.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the bulletin and the round summary count measures: closed, overdue, completion rate, a line's light. */
class OutcomesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final Ladder ladder = Settings.escalation().ladder();

    @Test
    void closedOverdueAndAmberAreCountedFromTheLights() {
        Outcomes outcomes = Outcomes.of(List.of(
            ladder.light(true, TODAY.minusDays(3), TODAY),                       // closed past its deadline
            ladder.light(false, TODAY.minusDays(1), TODAY),                      // overdue
            ladder.light(false, TODAY, TODAY),                                   // due today: amber
            ladder.light(false, TODAY.plusDays(ladder.amberDaysBefore()), TODAY), // amber date today
            ladder.light(false, TODAY.plusDays(ladder.amberDaysBefore() + 1), TODAY))); // green
        assertThat(outcomes).isEqualTo(new Outcomes(5, 1, 1, 2));
        assertThat(outcomes.open()).isEqualTo(4);
        assertThat(outcomes.completionRate()).isEqualTo(0.2);
        assertThat(outcomes.light()).isEqualTo(Light.RED);
    }

    @Test
    void aLinesLightIsTheWorstOfItsOpenMeasures() {
        assertThat(Outcomes.of(List.of(Light.GREEN, Light.AMBER, Light.CLOSED)).light()).isEqualTo(Light.AMBER);
        assertThat(Outcomes.of(List.of(Light.GREEN, Light.CLOSED)).light()).isEqualTo(Light.GREEN);
        assertThat(Outcomes.of(List.of(Light.CLOSED, Light.CLOSED)).light()).as("all closed").isEqualTo(Light.GREEN);
        assertThat(Light.AMBER.worse(Light.RED)).isEqualTo(Light.RED);
        assertThat(Light.CLOSED.worse(Light.GREEN)).isEqualTo(Light.GREEN);
    }

    @Test
    void theCompletionRateIsRoundedToThreeDecimalsAndZeroWithoutMeasures() {
        assertThat(Outcomes.NONE.completionRate()).isZero();
        assertThat(Outcomes.of(List.of(Light.CLOSED, Light.GREEN, Light.GREEN)).completionRate()).isEqualTo(0.333);
        assertThat(Outcomes.of(List.of(Light.CLOSED, Light.CLOSED, Light.GREEN)).completionRate()).isEqualTo(0.667);
    }
}
