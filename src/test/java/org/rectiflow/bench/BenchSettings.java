package org.rectiflow.bench;

/**
 * The benchmark's scale, from system properties: {@code -Drectiflow.bench.scale=smoke} (CI's small run) or
 * {@code full} (the default: 100 rounds × 200 measures, three repetitions).
 */
record BenchSettings(String scale, int rounds, int measuresPerRound, int repetitions, int querySamples,
                     boolean postgres, boolean writeReport) {

    static BenchSettings fromSystemProperties() {
        String scale = System.getProperty("rectiflow.bench.scale", "full");
        boolean postgres = !"false".equals(System.getProperty("rectiflow.bench.postgres", "true"));
        return switch (scale) {
            case "smoke" -> new BenchSettings(scale, 2, 50, 1, 20, postgres, false);
            case "full" -> new BenchSettings(scale, intProperty("rectiflow.bench.rounds", 100),
                intProperty("rectiflow.bench.measures-per-round", 200), intProperty("rectiflow.bench.repetitions", 3),
                200, postgres, true);
            default -> throw new IllegalArgumentException("rectiflow.bench.scale is smoke or full, not " + scale);
        };
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }

    int measures() {
        return rounds * measuresPerRound;
    }
}
