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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.common.EngineClock;
import org.rectiflow.demo.DemoRound;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.supervision.EscalationLadder;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of every figure on a fresh database: the application started as a site runs it (its engine
 * configuration, job executor and REST API), used either the product's way ({@link Variant#PRODUCT}: rounds,
 * ledger, delegates, listeners) or the bare engine's ({@link Variant#BARE}: {@link BareShape} instances only).
 */
final class BenchRun implements AutoCloseable {

    enum Database { H2, POSTGRES }

    enum Variant { PRODUCT, BARE }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> UNITS = List.of("siming", "haicang", "tongan", "airport", "legal", "personnel",
        "patrol", "trafficPolice", "criminalInvestigation", "exitEntry");
    static final int DEADLINE_DAYS = 30;
    private static final String QUERY_UNIT = "siming";

    private final Database database;
    private final Variant variant;
    private final BenchSettings settings;
    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final Path h2Directory;
    private final int port;
    private final LocalDate today = LocalDate.now(ZONE);
    /** What this run measured: figure name → value. */
    final Map<String, Double> figures = new LinkedHashMap<>();

    BenchRun(Database database, Variant variant, BenchSettings settings) throws IOException {
        this.database = database;
        this.variant = variant;
        this.settings = settings;
        List<String> args = new ArrayList<>(List.of(
            "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
            "--rectiflow.organisation.users-file=classpath:organisation/demo-users.yml",
            "--rectiflow.organisation.demo-password=demo",
            "--camunda.bpm.generic-properties.properties.enablePasswordPolicy=false",
            "--camunda.bpm.admin-user.id=demo", "--camunda.bpm.admin-user.password=demo",
            "--camunda.bpm.job-execution.enabled=true",
            "--rectiflow.notification.dispatch-enabled=false",
            "--logging.level.rectiflow.notifications=WARN", "--logging.level.org.camunda=WARN",
            "--logging.level.org.rectiflow=WARN"));
        if (database == Database.POSTGRES) {
            h2Directory = null;
            args.add("--spring.datasource.url=" + PostgresTestDatabase.newDatabase());
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        } else {
            h2Directory = Files.createTempDirectory("rectiflow-bench-h2");
            args.add("--spring.datasource.url=jdbc:h2:file:" + h2Directory.resolve("rectiflow") + ";AUTO_SERVER=FALSE");
        }
        context = new SpringApplicationBuilder(RectiflowApplication.class).run(args.toArray(String[]::new));
        DefaultEngine.use(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
        jdbc = context.getBean(JdbcClient.class);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        if (variant == Variant.BARE) {
            context.getBean(RepositoryService.class).createDeployment().name("bench-bare")
                .addModelInstance(BareShape.KEY + ".bpmn", BareShape.model()).deploy();
        }
    }

    // ---------------------------------------------------------------------------------------------- figures

    /** The seed round (42 problems, all its measures): registered and brought to execution, or bare: started. */
    void seedRound() {
        RoundRegistration seed = DemoRound.registration(DemoRound.read(new ClassPathResource("demo/demo-round.yml")),
            today);
        int measures = seed.categories().stream().flatMap(c -> c.problems().stream())
            .mapToInt(p -> p.measures().size()).sum();
        long start = System.nanoTime();
        if (variant == Variant.PRODUCT) {
            bringToExecution(seed);
        } else {
            startBare(measures, "SEED");
        }
        figures.put(Figure.SEED_SECONDS, seconds(start));
        figures.put(Figure.SEED_MEASURES, (double) measures);
    }

    /**
     * The rounds at scale: product: register, meeting, plan, then the units' plans approved, which starts the
     * measures (timed: the measures' start); bare: the same number of instances, a round's worth per transaction.
     */
    void startAtScale() {
        double measureStartNanos = 0;
        long whole = System.nanoTime();
        for (int r = 0; r < settings.rounds(); r++) {
            String code = "BENCH" + r;
            if (variant == Variant.PRODUCT) {
                RoundRegistration round = round(code);
                register(round);
                long start = System.nanoTime();
                walkthrough().approveUnitPlans(code);
                measureStartNanos += System.nanoTime() - start;
            } else {
                long start = System.nanoTime();
                startBare(settings.measuresPerRound(), code);
                measureStartNanos += System.nanoTime() - start;
            }
        }
        figures.put(Figure.START_RATE, settings.measures() / (measureStartNanos / 1e9));
        if (variant == Variant.PRODUCT) {
            figures.put(Figure.WHOLE_RATE, settings.measures() / seconds(whole));
        }
    }

    /** Heap in use after a full collection, and the database's size per open measure. */
    void heapAndSize(long bytesBefore) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        figures.put(Figure.HEAP_MB, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        figures.put(Figure.BYTES_PER_MEASURE, (databaseBytes() - bytesBefore) / (double) settings.measures());
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
        ClockUtil.setCurrentTime(Date.from(today.plusDays(DEADLINE_DAYS - 19).atTime(9, 0).atZone(ZONE).toInstant()));
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
        figures.put(Figure.DUPLICATES, (double) duplicates());
    }

    private long done() {
        if (variant == Variant.PRODUCT) {
            return jdbc.sql("""
                    SELECT COUNT(*) FROM supervision_notice n JOIN measure m ON m.code = n.measure_code
                    WHERE m.round_code LIKE 'BENCH%' AND n.step = 'GREEN'""").query(Long.class).single();
        }
        long waiting = jdbc.sql("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                WHERE d.act_id_ = ? AND d.proc_def_key_ = ?""").params(BareShape.GREEN, BareShape.KEY)
            .query(Long.class).single();
        return settings.measures() + seedMeasures() - waiting;
    }

    private long seedMeasures() {
        return figures.getOrDefault(Figure.SEED_MEASURES, 0.0).longValue();
    }

    private long duplicates() {
        if (variant == Variant.PRODUCT) {
            return jdbc.sql("""
                    SELECT COUNT(*) - COUNT(DISTINCT n.measure_code) FROM supervision_notice n
                    JOIN measure m ON m.code = n.measure_code WHERE m.round_code LIKE 'BENCH%' AND n.step = 'GREEN'""")
                .query(Long.class).single();
        }
        return jdbc.sql("""
                SELECT COUNT(*) - COUNT(DISTINCT job_id_) FROM act_hi_job_log
                WHERE act_id_ = ? AND job_state_ = 2""").param(BareShape.GREEN).query(Long.class).single();
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

    private void bringToExecution(RoundRegistration round) {
        register(round);
        walkthrough().approveUnitPlans(round.code());
    }

    private void register(RoundRegistration round) {
        context.getBean(InspectionRoundService.class).register(round);
        walkthrough().holdMeeting(round.code(), today, "领导小组会议", "班子成员", "部署整改");
        walkthrough().approvePlan(round.code(), "整改方案", "无");
    }

    private RoundWalkthrough walkthrough() {
        return context.getBean(RoundWalkthrough.class);
    }

    /** Bare instances with the ladder's dates, as the product computes them, a batch per transaction. */
    private void startBare(int count, String prefix) {
        EngineClock clock = context.getBean(EngineClock.class);
        EscalationLadder ladder = context.getBean(EscalationLadder.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        Date deadline = clock.deadlineInstant(today.plusDays(DEADLINE_DAYS));
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                runtime.startProcessInstanceByKey(BareShape.KEY, prefix + "-" + i, BareShape.variables(
                    UNITS.get(i % UNITS.size()), ladder.greenAt(deadline), ladder.amberAt(deadline), deadline,
                    ladder.overdueCycle(deadline), ladder.interviewAt(deadline)));
            }
        });
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
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
