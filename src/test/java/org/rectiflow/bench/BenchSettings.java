package org.rectiflow.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's scale, from system properties: {@code -Drectiflow.bench.scale=smoke} (CI's small run) or
 * {@code full} (the default: 100 rounds × 200 measures, three repetitions, a large round of 1,000 problems);
 * {@code rectiflow.bench.databases}
 * ({@code h2,postgres}) and {@code rectiflow.bench.variants} ({@code product,bare}) narrow a run to some of them.
 * {@link #writeReport} only for the full run as shipped: a smaller, narrower or tuned run prints its figures only.
 */
record BenchSettings(String scale, int rounds, int measuresPerRound, int repetitions, int querySamples,
                     List<BenchRun.Database> databases, List<BenchRun.Variant> variants, boolean countStatements,
                     boolean writeReport, int largeRoundProblems) {

    /** The settings of a tuning experiment: a run with one of them is not the page's full run. */
    static final List<String> TUNING = List.of("rectiflow.bench.args", "rectiflow.bench.h2-options",
        "rectiflow.bench.sql");

    static BenchSettings fromSystemProperties() {
        String scale = System.getProperty("rectiflow.bench.scale", "full");
        List<BenchRun.Database> databases = listProperty("rectiflow.bench.databases", "h2,postgres",
            BenchRun.Database.class);
        List<BenchRun.Variant> variants = listProperty("rectiflow.bench.variants", "product,bare",
            BenchRun.Variant.class);
        boolean countStatements = !"false".equals(System.getProperty("rectiflow.bench.count-statements"));
        return switch (scale) {
            case "smoke" -> new BenchSettings(scale, 2, 50, 1, 20, databases, variants, countStatements, false,
                intProperty("rectiflow.bench.large-round-problems", 100));
            case "full" -> {
                int rounds = intProperty("rectiflow.bench.rounds", 100);
                int perRound = intProperty("rectiflow.bench.measures-per-round", 200);
                int repetitions = intProperty("rectiflow.bench.repetitions", 3);
                int largeRound = intProperty("rectiflow.bench.large-round-problems", 1000);
                // only the run the page describes rewrites its figures: every database and variant, the full
                // scale, three repetitions, statements counted, the settings as shipped (no tuning experiment)
                boolean fullRun = databases.size() == 2 && variants.size() == 2 && rounds == 100 && perRound == 200
                    && repetitions == 3 && largeRound == 1000 && countStatements
                    && TUNING.stream().allMatch(name -> System.getProperty(name, "").isBlank());
                yield new BenchSettings(scale, rounds, perRound, repetitions, 200, databases, variants,
                    countStatements, fullRun, largeRound);
            }
            default -> throw new IllegalArgumentException("rectiflow.bench.scale is smoke or full, not " + scale);
        };
    }

    /** A whole-number setting of a benchmark ({@code -Dname=N}), or the fallback when it is not set. */
    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)).trim());
    }

    private static <E extends Enum<E>> List<E> listProperty(String name, String fallback, Class<E> type) {
        try {
            return Arrays.stream(System.getProperty(name, fallback).split(","))
                .map(s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT))).distinct().sorted().toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " lists " + fallback + " or some of them, not "
                + System.getProperty(name), e);
        }
    }

    int measures() {
        return rounds * measuresPerRound;
    }
}
