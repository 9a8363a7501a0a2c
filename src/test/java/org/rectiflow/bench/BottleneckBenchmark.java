package org.rectiflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.bottleneck.BottleneckRepository;
import org.rectiflow.bottleneck.StepDurationRepository;
import org.rectiflow.bottleneck.BottleneckRepository.Deadlines;
import org.rectiflow.bottleneck.BottleneckRepository.Readers;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureTally;
import org.rectiflow.measure.MeasureExecutionProcess.Elements;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bottleneck figures (issue 19) at scale ({@code ./mvnw -B verify -Pbench}, this class alone with
 * {@code -Dtest=BottleneckBenchmark}): on PostgreSQL, a base round driven through the product and copied in bulk
 * SQL ({@link BottleneckData}) to {@code rectiflow.bench.bottleneck-measures} measures (full: 100,000; smoke:
 * 2,000), then what Cockpit's plugin calls, through HTTP with HTTP Basic after a warm-up, N samples each
 * (median, p95, max), each repository statement on its own, and the plan of the slowest statement. Target:
 * p95 under 500 ms at 100,000 measures. Printed, and written to {@code target/bottleneck-benchmark.md}.
 */
@Tag("bench")
class BottleneckBenchmark {

    static final String DATABASE = "bench_bottleneck";
    private static final double TARGET_MS = 500;
    private static final String OFFICE = "officer1";
    private static final String LIAISON = "simingLiaison";
    private static final List<String> STEPS = List.of(Elements.UNIT_RECTIFIES, Elements.LEAD_UNIT_REVIEW,
        Elements.SUPERVISION_SIGN_OFF);

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void measure() throws Exception {
        String scale = System.getProperty("rectiflow.bench.scale", "full");
        // the province run (-Drectiflow.bench.scale=province) is ProvinceBenchmark's alone
        Assumptions.assumeFalse(ProvinceSettings.PROVINCE.equals(scale), "the province scale runs ProvinceBenchmark");
        boolean smoke = switch (scale) {
            case "smoke" -> true;
            case "full" -> false;
            default -> throw new IllegalArgumentException("rectiflow.bench.scale is smoke or full, not " + scale);
        };
        int measures = Integer.parseInt(System.getProperty("rectiflow.bench.bottleneck-measures",
            smoke ? "2000" : "100000"));
        int samples = Integer.parseInt(System.getProperty("rectiflow.bench.bottleneck-samples", smoke ? "10" : "50"));
        int base = smoke ? 20 : 100;
        int copies = Math.max(0, (measures + base - 1) / base - 1);
        // the benchmark's own database, dropped and made again (kept after the run, for a look with psql)
        String url = PostgresTestDatabase.namedDatabase(DATABASE);
        long start = System.nanoTime();
        // as a site runs it, its job executor off (the clock is moved)
        try (ConfigurableApplicationContext context = BenchRun.startOnPostgres(url, false)) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            BottleneckData data = new BottleneckData(context, base);
            data.baseRound();
            double baseSeconds = (System.nanoTime() - start) / 1e9;
            long copyStart = System.nanoTime();
            data.copy(copies);
            // the copies are history written by SQL, not by the engine: the ledger's histogram of finished steps
            // is computed from it as an upgraded site's is (ledger V22)
            int histogramRows = context.getBean(StepDurationRepository.class).rebuild();
            // and the measures are rows written by SQL: the ledger's tally of them is counted as V23 counts it
            int tallyRows = context.getBean(MeasureTally.class).rebuild();
            jdbc.sql("ANALYZE").update();
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            System.out.printf(Locale.ROOT, "[bench] bottlenecks: base round in %.1f s, %d copies in %.1f s"
                + " (histogram of finished steps: %d rows, tally of measures: %d rows)%n", baseSeconds, copies,
                copySeconds, histogramRows, tallyRows);

            String definition = context.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(MeasureExecutionProcess.KEY).latestVersion().singleResult().getId();
            Map<String, String[]> calls = new LinkedHashMap<>();
            calls.put("measure-execution definition, as the office (" + OFFICE + ")",
                new String[] {"/api/bottlenecks/process-definitions/" + definition, OFFICE});
            calls.put("measure-execution definition, as a unit liaison (" + LIAISON + ")",
                new String[] {"/api/bottlenecks/process-definitions/" + definition, LIAISON});
            calls.put("a round's instance (" + base + " measures), as the office",
                new String[] {"/api/bottlenecks/process-instances/" + data.roundInstance, OFFICE});
            calls.put("a measure's instance, as its unit's liaison",
                new String[] {"/api/bottlenecks/process-instances/" + data.measureInstance, LIAISON});

            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "Scale: %,d measures (a base round of %d, %d copies), %d samples"
                    + " per call after 5 warm-up calls; %s; PostgreSQL database %s%n%n", countOf(jdbc, "measure"),
                base, copies, samples, LocalDate.now(), DATABASE));
            report.append(Machine.describe()).append("\n\n");
            report.append("| call | median | p95 | max | target p95 |\n|---|---:|---:|---:|---|\n");
            boolean met = true;
            for (Map.Entry<String, String[]> call : calls.entrySet()) {
                List<Double> millis = timeHttp(call.getValue()[0], call.getValue()[1], samples);
                double p95 = Stats.percentile(millis, 95);
                met &= p95 < TARGET_MS;
                report.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | < 500 ms %s |%n",
                    call.getKey(), Stats.median(millis), p95, Stats.percentile(millis, 100),
                    p95 < TARGET_MS ? "(met)" : "(missed)"));
            }
            report.append("\nRows: ");
            List<String> counts = new ArrayList<>();
            for (String table : List.of("act_ru_task", "act_ru_execution", "act_hi_taskinst", "act_hi_actinst",
                "act_hi_procinst", "measure", "problem", "org_unit", "org_key_group")) {
                counts.add(String.format(Locale.ROOT, "%s %,d", table, countOf(jdbc, table)));
            }
            report.append(String.join(", ", counts)).append(".\n\n");
            report.append(statements(context, data, definition, smoke ? 3 : 10));
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "bottleneck-benchmark.md"), report, StandardCharsets.UTF_8);
            System.out.println("[bench] bottlenecks: " + (met ? "every p95 under 500 ms" : "a p95 of 500 ms or more")
                + " at " + measures + " measures");
        } finally {
            ClockUtil.reset();
        }
    }

    private static long countOf(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<Double> timeHttp(String path, String user, int samples) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", WebTest.basicAuth(user, "demo")).GET().build();
        for (int i = 0; i < 5; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()), path, user);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            check(answer, path, user);
        }
        return millis;
    }

    private static void check(HttpResponse<String> answer, String path, String user) {
        if (answer.statusCode() != 200 || !answer.body().contains("\"activities\"")) {
            throw new IllegalStateException(path + " as " + user + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Each statement of the repository on its own (the office's and the liaison's readers), its median over
     * {@code samples} calls, and the plan of the slowest ({@code EXPLAIN (ANALYZE, BUFFERS)}).
     */
    private static String statements(ConfigurableApplicationContext context, BottleneckData data, String definition,
                                     int samples) {
        ExplainingDataSource source = new ExplainingDataSource(context.getBean(DataSource.class));
        BottleneckRepository repository = new BottleneckRepository(JdbcClient.create(source));
        LocalDate today = BottleneckData.DAY0.plusDays(BottleneckData.LAST_DAY);
        Deadlines d = new Deadlines(today, today.plusDays(10),
            Timestamp.from(today.atStartOfDay(BenchRun.ZONE).toInstant()),
            Timestamp.from(today.plusDays(11).atStartOfDay(BenchRun.ZONE).toInstant()));
        Readers all = Readers.everyone();
        Readers liaison = new Readers(false, context.getBean(IdentityService.class).createGroupQuery()
            .groupMember(LIAISON).list().stream().map(Group::getId).toList());
        String key = MeasureExecutionProcess.KEY;
        String round = data.round;
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("definition", () -> repository.definition(definition));
        queries.put("openTaskWaits (office)", () -> repository.openTaskWaits(key, all));
        queries.put("openTaskLights (office)", () -> repository.openTaskLights(key, d, all));
        queries.put("finishedSteps (office)", () -> repository.finishedSteps(key, all));
        queries.put("openCalls", () -> repository.openCalls(key, d));
        queries.put("groupLedgers (office)", () -> repository.groupLedgers(d, all));
        queries.put("unitSteps (office)", () -> repository.unitSteps(key, STEPS, all));
        queries.put("keyGroupSteps (office)", () -> repository.keyGroupSteps(key, STEPS, all));
        queries.put("openTaskWaits (liaison)", () -> repository.openTaskWaits(key, liaison));
        queries.put("openTaskLights (liaison)", () -> repository.openTaskLights(key, d, liaison));
        queries.put("finishedSteps (liaison)", () -> repository.finishedSteps(key, liaison));
        queries.put("groupLedgers (liaison)", () -> repository.groupLedgers(d, liaison));
        queries.put("unitSteps (liaison)", () -> repository.unitSteps(key, STEPS, liaison));
        queries.put("keyGroupSteps (liaison)", () -> repository.keyGroupSteps(key, STEPS, liaison));
        queries.put("instance (round)", () -> repository.instance(data.roundInstance));
        queries.put("openTasksOf (round)", () -> repository.openTasksOf(data.roundInstance, d));
        queries.put("openCallsOf (round)", () -> repository.openCallsOf(data.roundInstance, d));
        queries.put("roundOf (round)", () -> repository.roundOf(data.roundInstance));
        queries.put("openMeasuresOfRound", () -> repository.openMeasuresOfRound(round));
        queries.put("measureOf (measure)", () -> repository.measureOf(data.measureInstance));
        queries.put("openTasksOf (measure)", () -> repository.openTasksOf(data.measureInstance, d));
        queries.put("openMeasureOfInstance", () -> repository.openMeasureOfInstance(data.measureInstance));

        StringBuilder out = new StringBuilder("| repository statement | median |\n|---|---:|\n");
        String slowest = null;
        double slowestMillis = -1;
        for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < samples + 2; i++) {
                long start = System.nanoTime();
                query.getValue().get();
                if (i >= 2) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            double median = Stats.median(millis);
            out.append(String.format(Locale.ROOT, "| %s | %.1f ms |%n", query.getKey(), median));
            if (median > slowestMillis) {
                slowestMillis = median;
                slowest = query.getKey();
            }
        }
        source.explain = true;
        queries.get(slowest).get();
        source.explain = false;
        out.append("\nThe slowest, ").append(slowest).append(", EXPLAIN (ANALYZE, BUFFERS):\n\n```\n")
            .append(String.join("\n", source.plans)).append("```\n");
        return out.toString();
    }
}
