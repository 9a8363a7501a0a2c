package org.rectiflow.bench;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, point 3: a province's open measures on PostgreSQL ({@code -Drectiflow.bench.scale=province}: 100,000,
 * or {@code -Drectiflow.bench.province-measures=N}; CI's {@code smoke}: 200; any other scale skips this class).
 * The measures are opened the product's way ({@link ProvinceRun#build}) over every unit with a liaison, then,
 * after {@code ANALYZE}: the unit's and the office's task lists as the Tasklist asks for them (target p95 under
 * 100 ms), the dashboard and a round's summary (under 1 s), the storm of every green reminder at once (drained in
 * under 5 minutes, each reminder delivered once), and the heap and database size per measure. Printed, and written
 * to {@code target/province-benchmark.md}. A missed target is reported; only a broken invariant (a reminder missing
 * or delivered twice, a measure not waiting, an error) fails the run.
 */
@Tag("bench")
class ProvinceBenchmark {

    private static final double LIST_TARGET_MS = 100;
    private static final double PAGE_TARGET_MS = 1000;
    private static final double STORM_TARGET_SECONDS = 300;

    /** A line of the report's table. */
    private record Row(String figure, String value, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    /** The phases' seconds, the broken invariants, the notes. */
    private final BenchLog log = new BenchLog("province");
    private final List<String> broken = log.broken;

    @Test
    void measure() throws Exception {
        Optional<ProvinceSettings> chosen = ProvinceSettings.fromSystemProperties();
        if (chosen.isEmpty()) {
            System.out.println("[bench] ProvinceBenchmark skipped: it runs at -Drectiflow.bench.scale=province (or smoke),"
                + " not at " + System.getProperty("rectiflow.bench.scale", "full"));
        }
        Assumptions.assumeTrue(chosen.isPresent(), "the province benchmark runs at rectiflow.bench.scale=province"
            + " or smoke");
        ProvinceSettings settings = chosen.get();
        LocalDateTime began = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long runStart = System.nanoTime();
        Throwable failure = null;
        String database = "?";
        String scale = "";
        try {
            long t = System.nanoTime();
            try (ProvinceRun run = new ProvinceRun(settings)) {
                database = run.databaseName();
                log.phase("application started (fresh database, organisation imported)", t);
                scale = measureAll(run, settings);
            }
        } catch (Exception | AssertionError e) {
            failure = e;
            broken.add("the run stopped: " + e);
        }
        log.phases.put("whole run", (System.nanoTime() - runStart) / 1e9);
        log.finish(report(settings, scale, database, began), "province-benchmark.md", failure);
    }

    /** Every figure, in order; returns the scale line of the report. */
    private String measureAll(ProvinceRun run, ProvinceSettings settings) throws Exception {
        int measures = settings.measures();
        long bytesBefore = run.databaseBytes();

        long t = System.nanoTime();
        run.build();
        double buildSeconds = log.phase("measures opened (" + settings.rounds() + " rounds)", t);
        long waiting = run.openUnitTasks();
        long timers = run.greenTimersWaiting();
        if (waiting != measures || timers != measures) {
            broken.add(measures + " measures opened, but " + waiting + " unit tasks wait and " + timers
                + " green timers");
        }
        rows.add(new Row("measures opened (registered → meeting → plan → units' plans approved)",
            String.format(Locale.ROOT, "%.0f s, %.0f measures/s", buildSeconds, measures / buildSeconds), "–", ""));

        t = System.nanoTime();
        double heapMb = BenchRun.usedHeapMb();
        long bytesAfter = run.databaseBytes();
        log.phase("heap and database size", t);
        double growthMb = heapMb - run.heapBeforeMb;
        rows.add(new Row("heap with all measures open (whole JVM, after full GCs)",
            String.format(Locale.ROOT, "%.0f MB", heapMb), "–", ""));
        rows.add(new Row("heap taken by the run (growth since before the application started)",
            String.format(Locale.ROOT, "%.0f MB, %.1f KB per measure", growthMb, growthMb * 1024 / measures), "–", ""));
        rows.add(new Row("database per measure (pg_database_size after − before the build)",
            String.format(Locale.ROOT, "%,.0f bytes (%,.0f MB in all, %,.0f MB before)",
                (bytesAfter - bytesBefore) / (double) measures, bytesAfter / 1048576.0, bytesBefore / 1048576.0),
            "–", ""));

        t = System.nanoTime();
        run.analyze();
        log.phase("ANALYZE", t);

        ProvinceRun.Unit unit = run.units.stream().filter(u -> u.code().equals(ProvinceRun.QUERY_UNIT)).findFirst()
            .orElseThrow();
        String office = ProvinceRun.OFFICE_USER;
        long unitTasks = run.unitTaskCount(unit);
        t = System.nanoTime();
        list(String.format(Locale.ROOT, "unit's task list: GET /engine-rest/task?candidateGroup=%s&sortBy=dueDate"
            + "&sortOrder=asc&firstResult=0&maxResults=50 as %s (%,d tasks)", unit.code(), unit.liaison(), unitTasks),
            run.time(run.unitTaskList(unit)), LIST_TARGET_MS);
        list(String.format(Locale.ROOT, "unit's Tasklist: filter %s as %s (%,d tasks)", ProvinceRun.DEFAULT_FILTER,
            unit.liaison(), run.filterCount(ProvinceRun.DEFAULT_FILTER, unit.liaison())),
            run.time(run.tasklistFilter(ProvinceRun.DEFAULT_FILTER, unit.liaison())), LIST_TARGET_MS);
        log.phase("unit's task lists timed", t);

        t = System.nanoTime();
        list(String.format(Locale.ROOT, "office's Tasklist: filter %s (its default) as %s (%,d tasks)",
            ProvinceRun.DEFAULT_FILTER, office, run.filterCount(ProvinceRun.DEFAULT_FILTER, office)),
            run.time(run.tasklistFilter(ProvinceRun.DEFAULT_FILTER, office)), LIST_TARGET_MS);
        list(String.format(Locale.ROOT, "office's Tasklist: filter %s as %s (%,d tasks)", ProvinceRun.OVERDUE_FILTER,
            office, run.filterCount(ProvinceRun.OVERDUE_FILTER, office)),
            run.time(run.tasklistFilter(ProvinceRun.OVERDUE_FILTER, office)), LIST_TARGET_MS);
        log.phase("office's task lists timed", t);

        t = System.nanoTime();
        String round = run.dashboardRound(office);
        list("dashboard opened as " + office + ": GET /api/dashboard, /api/rounds, /api/rounds/" + round
            + "/summary in turn", run.time(run.dashboard(office)), PAGE_TARGET_MS);
        list("round summary: GET /api/rounds/" + round + "/summary as " + office + " ("
                + settings.measuresOfRound(settings.rounds() - 1) + " measures)",
            run.time(run.summary(round, office)), PAGE_TARGET_MS);
        log.phase("dashboard and summary timed", t);

        long tasks = run.openTasks();
        String tables = String.format(Locale.ROOT, "open tasks %,d; rows: act_ru_task %,d, act_ru_identitylink %,d, "
                + "act_ru_authorization %,d, act_ru_job %,d, act_ru_variable %,d, act_hi_actinst %,d", tasks,
            run.rows("act_ru_task"), run.rows("act_ru_identitylink"), run.rows("act_ru_authorization"),
            run.rows("act_ru_job"), run.rows("act_ru_variable"), run.rows("act_hi_actinst"));

        t = System.nanoTime();
        double storm = run.storm();
        log.phase("timer storm", t);
        if (storm < 0) {
            broken.add(String.format(Locale.ROOT, "the storm did not drain in %d minutes: %,d of %,d notices",
                settings.stormMinutes(), run.noticesWritten(), measures));
            rows.add(new Row(String.format(Locale.ROOT, "timer storm drained (%,d green reminders)", measures),
                String.format(Locale.ROOT, "not within %.0f s", -storm), "< 5 min", "missed"));
        } else {
            rows.add(new Row(String.format(Locale.ROOT, "timer storm drained (%,d green reminders, a GREEN notice each)",
                measures), String.format(Locale.ROOT, "%.0f s, %.0f jobs/s", storm, measures / storm), "< 5 min",
                verdict(storm < STORM_TARGET_SECONDS)));
        }

        t = System.nanoTime();
        ProvinceRun.Delivery delivery = run.deliver();
        log.phase("outbox delivered and counted", t);
        rows.add(new Row("outbox delivered through the log channel (after the storm, not its time)",
            String.format(Locale.ROOT, "%,d messages in %.0f s", delivery.messages(), delivery.seconds()), "–", ""));
        rows.add(new Row("green reminders missing (a measure's liaison without its 【绿色提醒】)",
            String.format(Locale.ROOT, "%,d of %,d", delivery.missing(), delivery.expected()), "0 (fails the run)",
            verdict(delivery.missing() == 0)));
        rows.add(new Row("duplicate reminders (delivered more than once)",
            String.format(Locale.ROOT, "%,d", delivery.duplicates()), "0 (fails the run)",
            verdict(delivery.duplicates() == 0)));
        if (delivery.expected() != measures) {
            broken.add(measures + " reminders expected, " + delivery.expected() + " measures with a liaison found");
        }
        if (delivery.missing() > 0) {
            broken.add(delivery.missing() + " green reminders not delivered, e.g. " + delivery.someMissing());
        }
        if (delivery.duplicates() > 0) {
            broken.add(delivery.duplicates() + " green reminders delivered more than once");
        }
        if (delivery.unexpected() > 0) {
            broken.add(delivery.unexpected() + " green reminders to a recipient or of a measure not expected");
        }
        log.notes.add(tables + ".");
        return String.format(Locale.ROOT, "%,d open measures (%d rounds of %d) over %d units with a liaison (%s: "
                + "%,d unit tasks)", measures, settings.rounds(), settings.measuresPerRound(), run.units.size(),
            unit.code(), unitTasks);
    }

    /** A timed list or page: its median, p95 and max, and whether its p95 met the target. */
    private void list(String figure, ProvinceRun.Timing timing, double targetMs) {
        rows.add(new Row(figure + ", median / p95 / max", String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms (%d samples)",
            timing.median(), timing.p95(), timing.max(), timing.samples()),
            targetMs >= 1000 ? String.format(Locale.ROOT, "p95 < %.0f s", targetMs / 1000)
                : String.format(Locale.ROOT, "p95 < %.0f ms", targetMs), verdict(timing.p95() < targetMs)));
        System.out.printf(Locale.ROOT, "[bench] province: %s: median %.0f ms, p95 %.0f ms, max %.0f ms%n", figure,
            timing.median(), timing.p95(), timing.max());
    }


    private static String verdict(boolean met) {
        return met ? "met" : "missed";
    }

    private String report(ProvinceSettings settings, String scale, String database, LocalDateTime began) {
        StringBuilder out = new StringBuilder();
        out.append("# Province benchmark (issue 20, point 3)\n\n");
        out.append(String.format(Locale.ROOT, "Run %s, -Drectiflow.bench.scale=%s. Scale: %s. %d samples per call "
                + "after %d warm-up calls (fewer if a call's %d s ran out). PostgreSQL database %s (%s).%n%n", began,
            settings.scale(), scale.isEmpty() ? settings.measures() + " measures (not reached)" : scale,
            settings.samples(), settings.warmUp(), settings.sampleBudgetSeconds(), database,
            settings.smoke() ? "dropped afterwards" : "kept for a look with psql"));
        out.append(Machine.describe()).append("\n\n");
        out.append("| figure | value | target | |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(String.format("| %s | %s | %s | %s |%n", row.figure(), row.value(), row.target(), row.verdict()));
        }
        out.append("\nThe Tasklist's requests are those Camunda 7.24's Tasklist sends when a user opens a filter: "
            + "POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15, Accept application/hal+json, body "
            + ProvinceRun.TASKLIST_BODY.strip() + " (the webapp sends it to /camunda/api/engine/…, the same resource"
            + " behind its session). " + ProvinceRun.DEFAULT_FILTER + " (priority −10, opened first) selects the "
            + "tasks of the user's groups (${currentUserGroups()}) and the user's own; " + ProvinceRun.OVERDUE_FILTER
            + " those due before today's deadline time, every task the user may read (the office reads all). "
            + "GET /api/dashboard alone is a static page: \"dashboard opened\" is the page and the two requests its "
            + "dashboard.js makes, in turn (its script, style sheet and ECharts are static files, not counted).\n");
        log.appendTo(out);
        return out.toString();
    }
}
