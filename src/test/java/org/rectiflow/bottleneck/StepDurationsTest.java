package org.rectiflow.bottleneck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.bottleneck.StepDurations.Bucket;

/** The histogram's classes read as the figures are shown, and its percentiles as PERCENTILE_DISC's. */
class StepDurationsTest {

    @Test
    void aClassIsTheDurationRoundedDownToTheResolutionItIsShownIn() {
        assertThat(StepDurations.bucket(59 * 60)).isZero();
        assertThat(StepDurations.bucket(5 * 3600 + 59 * 60)).isEqualTo(5 * 3600);
        assertThat(StepDurations.bucket(86_400 + 8_639)).isEqualTo(86_400);
        assertThat(StepDurations.bucket(2 * 86_400 + 12 * 3600 + 1)).isEqualTo(216_000);
        assertThat(StepDurations.bucket(12 * 86_400 + 23 * 3600)).isEqualTo(12 * 86_400);
        assertThat(StepDurations.bucket(-5)).isZero();
        assertThat(Waits.text(StepDurations.bucket(2 * 86_400 + 12 * 3600 + 1))).isEqualTo("2.5天");
        assertThat(Waits.text(StepDurations.bucket(5 * 3600 + 59 * 60))).isEqualTo("5小时");
    }

    @Test
    void percentilesAreNearestRankLikePercentileDisc() {
        // 1, 2, 3 and 4 days: median 2, 90th percentile 4
        List<Bucket> four = List.of(new Bucket(86_400, 1), new Bucket(172_800, 1), new Bucket(259_200, 1),
            new Bucket(345_600, 1));
        assertThat(StepDurations.percentile(four, 0.5)).isEqualTo(172_800);
        assertThat(StepDurations.percentile(four, 0.9)).isEqualTo(345_600);
        // nine in the first day, one of ten days: median and 90th percentile in the first, the maximum not
        List<Bucket> skewed = List.of(new Bucket(0, 9), new Bucket(864_000, 1));
        assertThat(StepDurations.percentile(skewed, 0.5)).isZero();
        assertThat(StepDurations.percentile(skewed, 0.9)).isZero();
        assertThat(StepDurations.percentile(skewed, 0.95)).isEqualTo(864_000);
        assertThat(StepDurations.count(skewed)).isEqualTo(10);
        assertThat(StepDurations.percentile(List.of(), 0.5)).isNull();
    }
}
