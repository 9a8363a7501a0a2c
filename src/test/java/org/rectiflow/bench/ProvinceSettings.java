package org.rectiflow.bench;

import static org.rectiflow.bench.BenchSettings.intProperty;

import java.util.Optional;

/**
 * The province benchmark's scale, from system properties: {@code -Drectiflow.bench.scale=province} the full run
 * (100,000 measures unless {@code rectiflow.bench.province-measures} says otherwise), {@code smoke} CI's small run
 * (200 measures, one round); any other scale (the default {@code full} of {@link RectiflowBenchmark} included) is not this
 * benchmark's: empty.
 *
 * @param samples       timed calls per query after the warm-up, unless {@code sampleBudgetSeconds} runs out first
 * @param stormMinutes  how long the storm may take before the run fails as broken (not the target: that is 5 min)
 */
record ProvinceSettings(String scale, int measures, int measuresPerRound, int warmUp, int samples,
                        int sampleBudgetSeconds, int stormMinutes) {

    /** The scale of the province run, which the other benchmarks leave to this one. */
    static final String PROVINCE = "province";

    static Optional<ProvinceSettings> fromSystemProperties() {
        String scale = System.getProperty("rectiflow.bench.scale", "full");
        return switch (scale) {
            case PROVINCE -> Optional.of(new ProvinceSettings(scale,
                intProperty("rectiflow.bench.province-measures", 100_000),
                intProperty("rectiflow.bench.province-measures-per-round", 200),
                10, intProperty("rectiflow.bench.province-samples", 100), 180,
                intProperty("rectiflow.bench.province-storm-minutes", 60)));
            case "smoke" -> Optional.of(new ProvinceSettings(scale,
                intProperty("rectiflow.bench.province-measures", 200),
                intProperty("rectiflow.bench.province-measures-per-round", 200),
                3, intProperty("rectiflow.bench.province-samples", 10), 15, 10));
            default -> Optional.empty();
        };
    }

    ProvinceSettings {
        if (measures < 1 || measuresPerRound < 1 || samples < 1) {
            throw new IllegalArgumentException("the province benchmark needs measures, measures per round and samples"
                + " of at least 1");
        }
    }

    /** The rounds the measures take: all of {@link #measuresPerRound} but the last, which holds the rest. */
    int rounds() {
        return (measures + measuresPerRound - 1) / measuresPerRound;
    }

    int measuresOfRound(int round) {
        return round < rounds() - 1 ? measuresPerRound : measures - measuresPerRound * (rounds() - 1);
    }

    boolean smoke() {
        return scale.equals("smoke");
    }
}
