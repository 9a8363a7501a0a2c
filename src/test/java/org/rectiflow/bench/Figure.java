package org.rectiflow.bench;

import java.util.List;

/** The figures the benchmark prints: their names, units, whether more is better, and the targets. */
record Figure(String name, String unit, boolean higherIsBetter, String target) {

    static final String SEED_SECONDS = "seed round started";
    static final String SEED_MEASURES = "seed round measures";
    static final String START_RATE = "measures started";
    static final String START_ALONE_RATE = "measures started, their start alone";
    static final String STARTUP_SECONDS = "start-up";
    static final String STORM_SECONDS = "timer storm drained";
    static final String STORM_RATE = "timer storm rate";
    static final String DUPLICATES = "duplicate reminders";
    static final String QUERY_MEDIAN_MS = "unit task list, median";
    static final String QUERY_P95_MS = "unit task list, p95";
    static final String OPEN_TASKS = "open tasks during the query";
    static final String HEAP_MB = "heap with all measures open";
    static final String HEAP_GROWTH_MB = "heap taken by the run";
    static final String BYTES_PER_MEASURE = "database per measure";
    static final String SEED_STATEMENTS = "SQL statements, seed round";
    static final String START_STATEMENTS = "SQL statements per measure started";
    static final String STORM_STATEMENTS = "SQL statements per storm job";
    static final String LARGE_IMPORT_SECONDS = "large round imported";
    static final String LARGE_IMPORT_RATE = "large round import rate";
    static final String LARGE_IMPORT_HEAP_MB = "heap peak during the large import";
    static final String LARGE_IMPORT_STATEMENTS = "SQL statements per measure imported";
    static final String LARGE_START_SECONDS = "large round's measures started";

    static final List<Figure> ALL = List.of(
        new Figure(STARTUP_SECONDS, "s", false, ""),
        new Figure(SEED_SECONDS, "s", false, "< 2 s"),
        new Figure(SEED_STATEMENTS, "", false, ""),
        new Figure(START_RATE, "measures/s", true, "≥ 300/s H2, ≥ 150/s PostgreSQL"),
        new Figure(START_STATEMENTS, "statements", false, ""),
        new Figure(START_ALONE_RATE, "measures/s", true, ""),
        new Figure(STORM_SECONDS, "s", false, ""),
        new Figure(STORM_RATE, "jobs/s", true, "≥ 400/s"),
        new Figure(STORM_STATEMENTS, "statements", false, ""),
        new Figure(DUPLICATES, "", false, "0"),
        new Figure(QUERY_MEDIAN_MS, "ms", false, ""),
        new Figure(QUERY_P95_MS, "ms", false, "< 100 ms"),
        new Figure(OPEN_TASKS, "", false, ""),
        new Figure(HEAP_MB, "MB", false, ""),
        // the target applies to what the application holds, not to what earlier runs left in this JVM
        new Figure(HEAP_GROWTH_MB, "MB", false, "< 512 MB"),
        new Figure(BYTES_PER_MEASURE, "bytes", false, ""),
        new Figure(LARGE_IMPORT_SECONDS, "s", false, ""),
        new Figure(LARGE_IMPORT_RATE, "measures/s", true, ""),
        new Figure(LARGE_IMPORT_HEAP_MB, "MB", false, ""),
        new Figure(LARGE_IMPORT_STATEMENTS, "statements", false, ""),
        new Figure(LARGE_START_SECONDS, "s", false, ""));

    /** The product's cost as a multiple of the bare engine's (1.0 = as cheap; the target is ≤ 1.3). */
    double costRatio(double product, double bare) {
        if (product == 0 && bare == 0) {
            return 1;
        }
        return higherIsBetter ? bare / product : product / bare;
    }

    /** Figures that describe the run rather than cost something: no ratio. */
    boolean compared() {
        // the whole JVM's heap holds what earlier runs in it left: the run's own growth is compared instead
        return !name.equals(DUPLICATES) && !name.equals(OPEN_TASKS) && !name.equals(START_ALONE_RATE)
            && !name.equals(HEAP_MB)
            && !name.startsWith("large round") && !name.equals(LARGE_IMPORT_HEAP_MB)
            && !name.equals(LARGE_IMPORT_STATEMENTS);
    }
}
