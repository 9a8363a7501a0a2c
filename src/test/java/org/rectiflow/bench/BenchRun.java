package org.rectiflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.demo.DemoRound;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.engine.LedgerCopyHistoryPlugin;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.notification.OutboxDispatcher;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.LargeRounds;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.WebTest;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run of every figure on a fresh database: the application started as a site runs it (its engine
 * configuration, job executor and REST API), used either the product's way ({@link Variant#PRODUCT}: rounds,
 * ledger, delegates, listeners) or the bare engine's ({@link Variant#BARE}: {@link BareShape} instances only).
 */
final class BenchRun implements AutoCloseable {

    enum Database { H2, POSTGRES }

    enum Variant { PRODUCT, BARE }

    /**
     * The engine work of the product's seed round and of one round at scale, which the bare engine's runs repeat
     * ({@link BareWork}): counted in the product's run on the same database.
     */
    record Shapes(EngineWork seed, EngineWork round) {
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> UNITS = List.of("siming", "haicang", "tongan", "airport", "legal", "personnel",
        "patrol", "trafficPolice", "criminalInvestigation", "exitEntry");
    static final int DEADLINE_DAYS = 30;
    private static final String QUERY_UNIT = "siming";
    private static final String OFFICE_USER = "officer1";
    /** The storm's progress, which the benchmark watches (not counted as the storm's statements). */
    private static final String NOTICES_WRITTEN = noticesWritten("BENCH");
    /** The green timer jobs still waiting of a diagram's step: the bare engine's storm progress. */
    static final String GREEN_JOBS_WAITING = """
        SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
        WHERE d.act_id_ = ? AND d.proc_def_key_ = ?""";

    private final Database database;
    private final Variant variant;
    private final BenchSettings settings;
    /** Bare: the product's engine work to repeat; product: null until counted. */
    private EngineWork seedWork;
    private EngineWork roundWork;
    private final ConfigurableApplicationContext context;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcClient jdbc;
    private final Path h2Directory;
    private final int port;
    private final LocalDate today = LocalDate.now(ZONE);
    /** What this run measured: figure name → value. */
    final Map<String, Double> figures = new LinkedHashMap<>();
    /** The heap in use before the application started. */
    private final double heapBeforeMb;
    /** The statements of the benchmark's own watching of the storm, not counted as the storm's. */
    private long watchingStatements;

    /**
     * The application as a site runs it (demo users, authorization on), on a free loopback port, quiet logs; the
     * job executor on or off (a benchmark that moves the clock runs the due jobs itself).
     */
    static List<String> siteArguments(boolean jobExecution) {
        return new ArrayList<>(List.of(
            "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
            "--rectiflow.organisation.users-file=classpath:organisation/demo-users.yml",
            "--rectiflow.organisation.demo-password=demo",
            "--camunda.bpm.generic-properties.properties.enablePasswordPolicy=false",
            "--camunda.bpm.admin-user.id=demo", "--camunda.bpm.admin-user.password=demo",
            "--camunda.bpm.job-execution.enabled=" + jobExecution,
            "--rectiflow.notification.dispatch-enabled=false",
            "--logging.level.rectiflow.notifications=WARN", "--logging.level.org.camunda=WARN",
            "--logging.level.org.rectiflow=WARN"));
    }

    /**
     * Extra application settings for a tuning experiment, for every run:
     * {@code -Drectiflow.bench.args="--camunda.bpm.job-execution.core-pool-size=6 …"}.
     */
    static List<String> tuningArguments() {
        return Arrays.stream(System.getProperty("rectiflow.bench.args", "").trim().split("\\s+"))
            .filter(extra -> !extra.isEmpty()).toList();
    }

    /** The application started with these arguments; its engine the one the tests' helpers use. */
    static ConfigurableApplicationContext start(List<String> args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RectiflowApplication.class)
            .run(args.toArray(String[]::new));
        DefaultEngine.use(context.getBean(ProcessEngine.class));
        return context;
    }

    /** The application as a site runs it ({@link #siteArguments}) on this PostgreSQL database. */
    static ConfigurableApplicationContext startOnPostgres(String url, boolean jobExecution) {
        List<String> args = siteArguments(jobExecution);
        args.addAll(PostgresTestDatabase.datasourceArguments(url));
        return start(args);
    }

    /** A run; a bare one repeats the engine work {@code shapes} counted in the product's run (null for the product). */
    BenchRun(Database database, Variant variant, BenchSettings settings, Shapes shapes) throws IOException {
        if (variant == Variant.BARE) {
            if (shapes == null) {
                throw new IllegalStateException("the bare engine repeats the product's engine work, counted in the "
                    + "product's run on the same database: run the variants product,bare together");
            }
            seedWork = shapes.seed();
            roundWork = shapes.round();
        }
        this.database = database;
        this.variant = variant;
        this.settings = settings;
        // What earlier runs in this JVM left behind is in the heap figure too; the growth figure leaves it out.
        heapBeforeMb = usedHeapMb();
        List<String> args = siteArguments(true);
        if (database == Database.POSTGRES) {
            h2Directory = null;
            args.addAll(PostgresTestDatabase.datasourceArguments(PostgresTestDatabase.newDatabase()));
        } else {
            h2Directory = Files.createTempDirectory("rectiflow-bench-h2");
            // Tuning experiments: -Drectiflow.bench.h2-options=";CACHE_SIZE=262144"
            args.add("--spring.datasource.url=jdbc:h2:file:" + h2Directory.resolve("rectiflow") + ";AUTO_SERVER=FALSE"
                + System.getProperty("rectiflow.bench.h2-options", ""));
        }
        args.addAll(tuningArguments());
        context = start(args);
        jdbc = context.getBean(JdbcClient.class);
        if (countsStatements()) {
            // H2 counts every statement it executes (by its SQL text): the statement counts of the figures.
            jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 100000").update();
            jdbc.sql("SET QUERY_STATISTICS TRUE").update();
        }
        // Tuning experiments: -Drectiflow.bench.sql="CREATE INDEX … ;; …", run once the engine's tables exist.
        for (String statement : System.getProperty("rectiflow.bench.sql", "").split(";;")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        engine = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        System.out.printf("[bench] %s %s: job executor %d jobs per acquisition, acquire by due date %s, backoff %d ms"
                + " (at most %d ms); JDBC batches %s; history %s, written by %s%n", database, variant,
            engine.getJobExecutor().getMaxJobsPerAcquisition(), engine.isJobExecutorAcquireByDueDate(),
            engine.getJobExecutor().getBackoffTimeInMillis(), engine.getJobExecutor().getMaxBackoff(),
            engine.isJdbcBatchProcessing(), engine.getHistoryLevel().getName(),
            context.getBeanProvider(LedgerCopyHistoryPlugin.class).getIfAvailable() == null
                ? "the engine's handler" : "LedgerCopyHistoryPlugin");
        if (database == Database.H2) {
            System.out.println("[bench] H2 page cache (MB): " + jdbc.sql(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")
                .query(String.class).optional().orElse("?"));
        }
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        if (variant == Variant.BARE) {
            context.getBean(RepositoryService.class).createDeployment().name("bench-bare")
                .addModelInstance(BareShape.KEY + ".bpmn", BareShape.model())
                .addModelInstance(BareWork.STEP_KEY + ".bpmn", BareWork.stepModel()).deploy();
        }
    }

    /** The product's engine work, counted in this run (its seed round and its first round at scale). */
    Shapes shapes() {
        return new Shapes(seedWork, roundWork);
    }

    /** How many measures of the rounds whose codes start with {@code roundPrefix} have their green notice. */
    static String noticesWritten(String roundPrefix) {
        return """
            SELECT COUNT(*) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
            WHERE m.round_code LIKE '%s%%' AND n.step = 'GREEN'""".formatted(roundPrefix);
    }

    // ---------------------------------------------------------------------------------------------- figures

    /**
     * The seed round (42 problems, all its measures): its workbook imported ({@code POST /api/rounds} as the
     * office) and the round brought to execution (meeting, plan, the units' plans), until every unit task waits;
     * bare: the same engine work ({@link BareWork}: as many instances, user tasks and measures' transactions).
     */
    void seedRound() throws Exception {
        RoundRegistration seed = DemoRound.registration(DemoRound.read(new ClassPathResource("demo/demo-round.yml")),
            today);
        int measures = seed.categories().stream().flatMap(c -> c.problems().stream())
            .mapToInt(p -> p.measures().size()).sum();
        byte[] workbook = variant == Variant.PRODUCT ? RoundWorkbookFiles.of(template(), seed, today) : null;
        EngineWork.Counts counts = EngineWork.Counts.of(jdbc, measureKey());
        long statements = statements();
        long start = System.nanoTime();
        if (variant == Variant.PRODUCT) {
            importWorkbook(workbook);
            meetingAndPlan(seed.code());
            walkthrough().approveUnitPlans(seed.code());
        } else {
            BareWork.run(context, seedWork, "SEED", today.plusDays(DEADLINE_DAYS));
        }
        figures.put(Figure.SEED_SECONDS, seconds(start));
        putStatements(Figure.SEED_STATEMENTS, statements(), statements, 1);
        figures.put(Figure.SEED_MEASURES, (double) measures);
        EngineWork done = EngineWork.between(counts, EngineWork.Counts.of(jdbc, measureKey()), unitsOf(seed));
        System.out.printf("[bench] %s %s seed round: %s%n", database, variant, done);
        if (variant == Variant.PRODUCT) {
            seedWork = done;
        } else {
            checkLike(done, seedWork, "the seed round");
        }
    }

    /** The diagram of the measures' instances: the product's, or the bare engine's shape of it. */
    private String measureKey() {
        return variant == Variant.PRODUCT ? MeasureExecutionProcess.KEY : BareShape.KEY;
    }

    /** The bare engine did the engine work of the product's, or its ratios would not compare like with like. */
    private static void checkLike(EngineWork bare, EngineWork product, String what) {
        if (!bare.equals(product)) {
            throw new IllegalStateException("the bare engine's counterpart of " + what + " did " + bare
                + ", the product " + product);
        }
    }

    /** The units a round's measures go to: the transactions their measures start in (one per unit's plan). */
    private static int unitsOf(RoundRegistration round) {
        return (int) round.categories().stream().flatMap(c -> c.problems().stream())
            .flatMap(p -> p.measures().stream()).map(RoundRegistration.Measure::unit).distinct().count();
    }

    private byte[] template() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/rounds/template.xlsx"))
            .header("Authorization", WebTest.basicAuth(OFFICE_USER, "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("template: " + answer.statusCode());
        }
        return answer.body();
    }

    private void importWorkbook(byte[] workbook) throws Exception {
        HttpResponse<String> answer = RoundWorkbookFiles.upload(port, WebTest.basicAuth(OFFICE_USER, "demo"), workbook);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("import of the seed round: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * The rounds at scale, timed the whole way from the registration to every measure's unit task waiting: product:
     * registered (the ledger's rows), meeting, plan, then the units' plans approved, which starts the measures;
     * bare: the same engine work ({@link BareWork}), a round at a time. Also, product only, the measures' start
     * alone (the units' plans approved), as earlier runs of this page measured it.
     */
    void startAtScale() {
        double wholeNanos = 0;
        double measureStartNanos = 0;
        long wholeStatements = 0;
        for (int r = 0; r < settings.rounds(); r++) {
            String code = "BENCH" + r;
            RoundRegistration round = variant == Variant.PRODUCT ? round(code) : null;
            Map<String, Long> profile = r == settings.rounds() - 1 ? statementCounts() : null;
            EngineWork.Counts counts = EngineWork.Counts.of(jdbc, measureKey());
            long statements = statements();
            long start = System.nanoTime();
            if (variant == Variant.PRODUCT) {
                register(round);
                long measuresStart = System.nanoTime();
                walkthrough().approveUnitPlans(code);
                measureStartNanos += System.nanoTime() - measuresStart;
            } else {
                BareWork.run(context, roundWork, code, today.plusDays(DEADLINE_DAYS));
            }
            wholeNanos += System.nanoTime() - start;
            wholeStatements += statements() - statements;
            printProfile("measures started (last round, the whole way), per measure", profile,
                settings.measuresPerRound());
            // every round's engine work is the first's (the product's rounds are alike; the bare engine repeats it)
            EngineWork done = EngineWork.between(counts, EngineWork.Counts.of(jdbc, measureKey()),
                variant == Variant.PRODUCT ? unitsOf(round) : roundWork.measureTransactions());
            if (r == 0) {
                System.out.printf("[bench] %s %s round at scale: %s%n", database, variant, done);
            }
            if (r == 0 && variant == Variant.PRODUCT) {
                roundWork = done;
            } else {
                checkLike(done, roundWork, "round " + code);
            }
        }
        figures.put(Figure.START_RATE, settings.measures() / (wholeNanos / 1e9));
        putStatements(Figure.START_STATEMENTS, wholeStatements, 0, settings.measures());
        if (variant == Variant.PRODUCT) {
            figures.put(Figure.START_ALONE_RATE, settings.measures() / (measureStartNanos / 1e9));
        }
    }

    /** Heap in use after a full collection, and the database's size per open measure. */
    void heapAndSize(long bytesBefore) {
        double used = usedHeapMb();
        figures.put(Figure.HEAP_MB, used);
        figures.put(Figure.HEAP_GROWTH_MB, used - heapBeforeMb);
        figures.put(Figure.BYTES_PER_MEASURE, (databaseBytes() - bytesBefore) / (double) settings.measures());
    }

    /** The heap in use after full collections, in MB. */
    static double usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    long databaseBytes() {
        if (database == Database.POSTGRES) {
            return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        }
        jdbc.sql("CHECKPOINT SYNC").update();
        try (Stream<Path> files = Files.list(h2Directory)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** H2: how many statements the database has executed so far; PostgreSQL: not counted (-1). */
    private long statements() {
        if (!countsStatements()) {
            return -1;
        }
        return jdbc.sql("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
            .query(Long.class).single();
    }

    /** H2: the executions so far of each statement (by its SQL text); otherwise null. */
    private Map<String, Long> statementCounts() {
        if (!countsStatements()) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
            .query((RowCallbackHandler) rs -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum));
        return counts;
    }

    /**
     * Prints the statements run since {@code before}, the most frequent first, per unit of work: where the product's
     * statements go (docs/benchmarks.md). The benchmark's own statements (its watching, its counting) are left out.
     */
    private void printProfile(String title, Map<String, Long> before, int per) {
        if (before == null) {
            return;
        }
        Map<String, Double> perUnit = new HashMap<>();
        statementCounts().forEach((sql, count) -> {
            long delta = count - before.getOrDefault(sql, 0L);
            if (delta > 0 && !sql.contains("QUERY_STATISTICS") && !sql.equals(NOTICES_WRITTEN)
                && !sql.equals(GREEN_JOBS_WAITING)) {
                String text = sql.replaceAll("\\s+", " ").trim();
                perUnit.merge(text.length() > 120 ? text.substring(0, 120) + "…" : text, delta / (double) per,
                    Double::sum);
            }
        });
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "[bench] %s %s statements, %s: %.1f%n",
            database, variant, title, perUnit.values().stream().mapToDouble(Double::doubleValue).sum()));
        perUnit.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(25)
            .forEach(e -> out.append(String.format(Locale.ROOT, "[bench]   %6.2f  %s%n", e.getValue(), e.getKey())));
        System.out.print(out);
    }

    private boolean countsStatements() {
        return database == Database.H2 && settings.countStatements();
    }

    private void putStatements(String figure, long after, long before, int per) {
        if (countsStatements()) {
            figures.put(figure, (after - before) / (double) per);
        }
    }

    /**
     * The database's statistics brought up to date, as its background maintenance (PostgreSQL's autovacuum, H2's
     * automatic analysis) does on a running site: a freshly filled database otherwise plans with the statistics
     * of its empty tables.
     */
    void analyze() {
        jdbc.sql("ANALYZE").update();
    }

    /** A unit's task list as the Tasklist asks for it: first 50 by due date, as the unit's liaison. */
    void taskQuery() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/task?candidateGroup=" + QUERY_UNIT + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50"))
            .header("Authorization", WebTest.basicAuth(QUERY_UNIT + "Liaison", "demo")).GET().build();
        for (int i = 0; i < 10; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < settings.querySamples(); i++) {
            long start = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        figures.put(Figure.QUERY_MEDIAN_MS, Stats.percentile(millis, 50));
        figures.put(Figure.QUERY_P95_MS, Stats.percentile(millis, 95));
        figures.put(Figure.OPEN_TASKS, (double) context.getBean(TaskService.class).createTaskQuery().count());
    }

    private static void check(HttpResponse<String> answer) {
        if (answer.statusCode() != 200 || !answer.body().startsWith("[{")) {
            throw new IllegalStateException("task query: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * The storm: the engine clock moves past every green reminder at once (deadline in 30 days, reminder 20
     * days before), and the job executor drains them. Timed until every reminder is done: product, a notice per
     * measure; bare, no green timer job left.
     */
    void timerStorm() throws InterruptedException {
        Map<String, Long> profile = statementCounts();
        long statements = statements();
        ClockUtil.setCurrentTime(Date.from(today.plusDays(DEADLINE_DAYS - 19).atTime(9, 0).atZone(ZONE).toInstant()));
        // The acquisition sleeps while nothing is due (up to its maximum wait); a storm that comes with the clock
        // would start at its next look. Timed is the draining, so the job executor looks now.
        engine.getJobExecutor().jobWasAdded();
        long start = System.nanoTime();
        long deadline = start + 30L * 60 * 1_000_000_000L;
        int expected = settings.measures();
        while (done() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20); // watching the job executor work
        }
        double seconds = seconds(start);
        if (done() < expected) {
            throw new IllegalStateException("the storm did not drain: " + done() + " of " + expected);
        }
        figures.put(Figure.STORM_SECONDS, seconds);
        figures.put(Figure.STORM_RATE, expected / seconds);
        // Not the storm's: the benchmark's own look at the count, every 20 ms, and the count itself.
        putStatements(Figure.STORM_STATEMENTS, statements() - watchingStatements - 1, statements, expected);
        printProfile("timer storm, per job", profile, expected);
        figures.put(Figure.DUPLICATES, (double) duplicates());
    }

    private long done() {
        watchingStatements++;
        if (variant == Variant.PRODUCT) {
            return jdbc.sql(NOTICES_WRITTEN).query(Long.class).single();
        }
        long waiting = jdbc.sql(GREEN_JOBS_WAITING).params(BareShape.GREEN, BareShape.KEY).query(Long.class).single();
        return settings.measures() + seedMeasures() - waiting;
    }

    /**
     * Delivers the outbox through the log channel (logger {@code rectiflow.notifications}), every message it sends
     * caught by {@code appender} alone (at INFO, not passed on to the run's log); the channel as it was afterwards.
     */
    static void dispatchThrough(ConfigurableApplicationContext context, Appender<ILoggingEvent> appender) {
        Logger channel = (Logger) LoggerFactory.getLogger("rectiflow.notifications");
        Level level = channel.getLevel();
        boolean additive = channel.isAdditive();
        channel.addAppender(appender);
        channel.setLevel(Level.INFO);
        channel.setAdditive(false);
        try {
            context.getBean(OutboxDispatcher.class).dispatchPending();
        } finally {
            channel.detachAppender(appender);
            channel.setLevel(level);
            channel.setAdditive(additive);
        }
    }

    /** Delivers the outbox through the log channel and counts its green reminders of the storm: "user subject" → messages. */
    private Map<String, Long> deliveredReminders() {
        ListAppender<ILoggingEvent> messages = new ListAppender<>();
        messages.start();
        dispatchThrough(context, messages);
        Map<String, Long> reminders = new HashMap<>();
        for (ILoggingEvent message : messages.list) {
            // LogChannel: "Notification {key} to {recipient}: {subject}" (the text only at DEBUG)
            Object[] arguments = message.getArgumentArray();
            String subject = String.valueOf(arguments[2]);
            if (subject.startsWith("【绿色提醒】BENCH")) {
                reminders.merge(arguments[1] + " " + subject, 1L, Long::sum);
            }
        }
        System.out.printf("[bench] %s %s: %d messages delivered through the log channel, %d green reminders of the storm%n",
            database, variant, messages.list.size(), reminders.values().stream().mapToLong(Long::longValue).sum());
        return reminders;
    }

    private long seedMeasures() {
        return figures.getOrDefault(Figure.SEED_MEASURES, 0.0).longValue();
    }

    /**
     * Product: the green reminders delivered more than once. Once the storm is over (not timed), the outbox is
     * delivered through the log channel (logger {@code rectiflow.notifications}) and every message it delivers is
     * caught; each measure of the storm's rounds must have sent its unit's liaison one 【绿色提醒】 with its code,
     * counted per recipient and subject, whatever keys the outbox holds. A reminder that never arrives fails the
     * run. Bare: timer jobs that succeeded more than once.
     */
    private long duplicates() {
        if (variant == Variant.PRODUCT) {
            Map<String, Long> delivered = deliveredReminders();
            List<String> expected = jdbc.sql("""
                    SELECT u.user_id || ' 【绿色提醒】' || m.code FROM measure m
                    JOIN org_user u ON u.unit_code = m.unit_code AND u.unit_role = 'LIAISON'
                    WHERE m.round_code LIKE 'BENCH%'""").query(String.class).list();
            List<String> missing = expected.stream().filter(e -> !delivered.containsKey(e)).toList();
            if (expected.size() != settings.measures() || !missing.isEmpty() || delivered.size() != expected.size()) {
                throw new IllegalStateException(settings.measures() + " reminders expected, " + expected.size()
                    + " liaisons found, " + delivered.size() + " delivered; not delivered: "
                    + missing.subList(0, Math.min(10, missing.size())));
            }
            return delivered.values().stream().mapToLong(n -> n - 1).sum();
        }
        return jdbc.sql("""
                SELECT COUNT(*) - COUNT(DISTINCT job_id_) FROM act_hi_job_log
                WHERE act_id_ = ? AND job_state_ = 2""").param(BareShape.GREEN).query(Long.class).single();
    }

    /**
     * Product only: a large round ({@link LargeRounds}: {@code largeRoundProblems} problems, three measures each)
     * imported as a workbook through {@code POST /api/rounds}, after everything else, into a ledger that holds the
     * run's rounds. Timed is the request (upload, streamed reading, the rules, the registration's one transaction);
     * the heap figure is the peak of the heap's pools during it (their peaks reset before), the whole JVM's. The
     * registration starts only the round's instance: the measures start when their units' plans are approved.
     */
    void largeRound() throws Exception {
        if (variant != Variant.PRODUCT) {
            return;
        }
        RoundRegistration round = LargeRounds.round("BIG" + System.nanoTime() % 100000, today,
            settings.largeRoundProblems());
        int measures = settings.largeRoundProblems() * LargeRounds.MEASURES_PER_PROBLEM;
        byte[] workbook = RoundWorkbookFiles.of(template(), round, today);
        usedHeapMb(); // collected before, so that the peak is the import's
        List<java.lang.management.MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long statements = statements();
        long start = System.nanoTime();
        HttpResponse<String> answer = RoundWorkbookFiles.upload(port, WebTest.basicAuth(OFFICE_USER, "demo"), workbook);
        double seconds = seconds(start);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("import of the large round: " + answer.statusCode() + " " + answer.body());
        }
        figures.put(Figure.LARGE_IMPORT_HEAP_MB,
            heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0);
        figures.put(Figure.LARGE_IMPORT_SECONDS, seconds);
        figures.put(Figure.LARGE_IMPORT_RATE, measures / seconds);
        putStatements(Figure.LARGE_IMPORT_STATEMENTS, statements(), statements, measures);
        long written = jdbc.sql("SELECT COUNT(*) FROM measure WHERE round_code = ?").param(round.code())
            .query(Long.class).single();
        if (written != measures) {
            throw new IllegalStateException("the large round holds " + written + " measures, not " + measures);
        }
        // its measures started: the meeting and plan, then each unit's plan approved, a unit's measures in the
        // transaction of its approval (ten units: a tenth of the round each)
        meetingAndPlan(round.code());
        start = System.nanoTime();
        walkthrough().approveUnitPlans(round.code());
        figures.put(Figure.LARGE_START_SECONDS, seconds(start));
    }

    // ---------------------------------------------------------------------------------------------- the work

    private RoundRegistration round(String code) {
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        int made = 0;
        for (int problem = 1; made < settings.measuresPerRound(); problem++) {
            List<RoundRegistration.Measure> list = new ArrayList<>();
            for (int i = 0; i < 50 && made < settings.measuresPerRound(); i++, made++) {
                list.add(new RoundRegistration.Measure("基准测试整改措施第" + (made + 1) + "项：完善制度并组织培训",
                    UNITS.get(made % UNITS.size()), "chief", today.plusDays(DEADLINE_DAYS), MeasureKind.IMMEDIATE));
            }
            problems.add(new RoundRegistration.Problem(problem, "基准测试问题" + problem, "conduct", list));
        }
        return new RoundRegistration(code, "基准测试巡察" + code, "市委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today,
            List.of(new RoundRegistration.Category(1, "测试方面", problems)));
    }

    /** Registered (the round's and its measures' ledger rows), its meeting held and its plan approved. */
    private void register(RoundRegistration round) {
        context.getBean(InspectionRoundService.class).register(round);
        meetingAndPlan(round.code());
    }

    /** The leading group's meeting held and the plan approved: the units' plans wait. */
    private void meetingAndPlan(String roundCode) {
        walkthrough().holdMeeting(roundCode, today, "领导小组会议", "班子成员", "部署整改");
        walkthrough().approvePlan(roundCode, "整改方案", "无");
    }

    private RoundWalkthrough walkthrough() {
        return context.getBean(RoundWalkthrough.class);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws IOException {
        ClockUtil.reset();
        context.close();
        if (h2Directory != null) {
            try (Stream<Path> files = Files.walk(h2Directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
