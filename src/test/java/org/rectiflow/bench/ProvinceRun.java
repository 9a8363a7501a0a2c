package org.rectiflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.AccessSetup;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as a site runs it ({@link BenchRun#siteArguments}: demo users, authorization on, job executor on)
 * on a PostgreSQL database of its own, filled the product's way with a province's open measures over every unit
 * that has a liaison, then what its users ask of it, timed through HTTP as they ask it, and the storm of green
 * reminders drained and delivered.
 */
final class ProvinceRun implements AutoCloseable {

    /** The rounds' codes: PROV0, PROV1, … */
    static final String ROUND_PREFIX = "PROV";
    /** The unit whose task list is timed (as in {@link BenchRun}). */
    static final String QUERY_UNIT = "siming";
    static final String OFFICE_USER = "officer1";
    /** The Tasklist's default filter: the one of lowest priority, which the Tasklist opens first. */
    static final String DEFAULT_FILTER = AccessSetup.FILTER_MY_UNIT;
    /** The Tasklist's overdue filter: for the office, every task due before today's deadline time. */
    static final String OVERDUE_FILTER = AccessSetup.FILTER_OVERDUE;

    /** Days from today to every measure's deadline; the green reminder falls due 20 days before it. */
    private static final int DEADLINE_DAYS = BenchRun.DEADLINE_DAYS;
    private static final String GREEN_SUBJECT = "【绿色提醒】" + ROUND_PREFIX;
    /** The storm's progress: the measures that have their green notice. */
    private static final String NOTICES_WRITTEN = BenchRun.noticesWritten(ROUND_PREFIX);
    private static final String GREEN_JOBS_WAITING = BenchRun.GREEN_JOBS_WAITING;
    /** What the Tasklist posts to {@code filter/{id}/list} when it opens a filter (Camunda 7.24's tasklist). */
    static final String TASKLIST_BODY = """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
        "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

    /** A unit that receives measures, and its liaison (who receives its reminders and asks for its task list). */
    record Unit(String code, String liaison) {
    }

    /** Timed calls: how many, and their median, 95th percentile and maximum in ms. */
    record Timing(int samples, double median, double p95, double max) {
    }

    /** The outbox delivered after the storm, and its green reminders checked against the storm's measures. */
    record Delivery(long messages, long expected, long missing, long unexpected, long duplicates, double seconds,
                    List<String> someMissing) {
    }

    /** A timed call, which throws when its answer is wrong. */
    interface Call {
        void run() throws Exception;
    }

    private final ProvinceSettings settings;
    private final String databaseName;
    private final ConfigurableApplicationContext context;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcClient jdbc;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = LocalDate.now(BenchRun.ZONE);
    /** The heap in use before the application started (what earlier runs in this JVM left too). */
    final double heapBeforeMb;
    final List<Unit> units;

    ProvinceRun(ProvinceSettings settings) {
        this.settings = settings;
        databaseName = settings.smoke() ? "bench_province_smoke" : "bench_province";
        // the benchmark's own database, dropped and made again (the province's is kept after the run, for psql)
        String url = PostgresTestDatabase.namedDatabase(databaseName);
        heapBeforeMb = BenchRun.usedHeapMb();
        List<String> args = BenchRun.siteArguments(true);
        args.addAll(PostgresTestDatabase.datasourceArguments(url));
        args.addAll(BenchRun.tuningArguments()); // tuning experiments, as for RectiflowBenchmark
        context = BenchRun.start(args);
        engine = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        jdbc = context.getBean(JdbcClient.class);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // every unit with a liaison (the demo organisation's 26): a province's task lists, not BenchRun's ten units
        units = jdbc.sql("""
                SELECT unit_code, MIN(user_id) FROM org_user
                WHERE unit_role = 'LIAISON' AND unit_code IS NOT NULL AND removed_at IS NULL
                GROUP BY unit_code ORDER BY unit_code""")
            .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2))).list();
        if (units.stream().noneMatch(u -> u.code().equals(QUERY_UNIT))) {
            throw new IllegalStateException("no liaison for " + QUERY_UNIT + " among " + units);
        }
    }

    String databaseName() {
        return databaseName;
    }

    // ---------------------------------------------------------------------------------------------- the build

    /**
     * The measures opened the product's way, round after round: registered (the ledger's rows and the round's
     * instance), the leading group's meeting, the plan approved after its comment rounds, then every unit's plan
     * drafted and approved, which starts its measures: each measure's unit task waits with its timers. A round's
     * measures go to the units in turn, continuing from the last round's, so every unit gets as many.
     */
    /** The rounds after which the statistics are brought up to date once while the measures open. */
    private static final int EARLY_ANALYZE_ROUNDS = 10;

    void build() {
        InspectionRoundService rounds = context.getBean(InspectionRoundService.class);
        RoundWalkthrough walkthrough = context.getBean(RoundWalkthrough.class);
        long start = System.nanoTime();
        long lastStart = start;
        int made = 0;
        int lastMade = 0;
        int lastRound = 0;
        for (int r = 0; r < settings.rounds(); r++) {
            String code = ROUND_PREFIX + r;
            int count = settings.measuresOfRound(r);
            rounds.register(round(code, count, made));
            walkthrough.holdMeeting(code, today, "领导小组会议", "班子成员", "部署整改");
            walkthrough.approvePlan(code, "整改方案", "无");
            walkthrough.approveUnitPlans(code);
            made += count;
            if (r + 1 == EARLY_ANALYZE_ROUNDS && settings.rounds() > EARLY_ANALYZE_ROUNDS) {
                // as autovacuum's analyze does on a site once the engine's tables have grown from a new database's
                // few rows (a server with autovacuum off would keep the first statistics all run; tuning log 20)
                analyze();
            }
            if ((r + 1) % 10 == 0 || r == settings.rounds() - 1) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "[bench] province: %d of %d rounds, %,d measures open in %.0f s"
                        + " (%.0f measures/s; the last %d rounds %.0f/s)%n", r + 1, settings.rounds(), made,
                    (now - start) / 1e9, made / ((now - start) / 1e9), r + 1 - lastRound,
                    (made - lastMade) / ((now - lastStart) / 1e9));
                lastStart = now;
                lastMade = made;
                lastRound = r + 1;
            }
        }
    }

    private RoundRegistration round(String code, int count, int offset) {
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        int made = 0;
        for (int problem = 1; made < count; problem++) {
            List<RoundRegistration.Measure> list = new ArrayList<>();
            for (int i = 0; i < 50 && made < count; i++, made++) {
                list.add(new RoundRegistration.Measure("省级基准测试整改措施第" + (made + 1) + "项：完善制度并组织培训",
                    units.get((offset + made) % units.size()).code(), "chief", today.plusDays(DEADLINE_DAYS),
                    MeasureKind.IMMEDIATE));
            }
            problems.add(new RoundRegistration.Problem(problem, "省级基准测试问题" + problem, "conduct", list));
        }
        return new RoundRegistration(code, "省级基准测试巡察" + code, "省委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today,
            List.of(new RoundRegistration.Category(1, "测试方面", problems)));
    }

    /** The measures' unit tasks waiting, and their green timers: each must be {@code measures}. */
    long openUnitTasks() {
        return context.getBean(TaskService.class).createTaskQuery().processDefinitionKey(MeasureExecutionProcess.KEY)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).count();
    }

    long greenTimersWaiting() {
        return jdbc.sql(GREEN_JOBS_WAITING)
            .params(MeasureExecutionProcess.Elements.GREEN_REMINDER, MeasureExecutionProcess.KEY)
            .query(Long.class).single();
    }

    long openTasks() {
        return context.getBean(TaskService.class).createTaskQuery().count();
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    // ---------------------------------------------------------------------------------------------- size

    long databaseBytes() {
        return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
    }

    /** The statistics brought up to date, as autovacuum does on a running site (as {@link BenchRun#analyze}). */
    void analyze() {
        jdbc.sql("ANALYZE").update();
    }

    // ---------------------------------------------------------------------------------------------- the reads

    /**
     * {@code warmUp} calls, then {@code samples} timed ones, or fewer when the sample budget runs out (at least 20,
     * or all of them if fewer are asked for): a call of seconds would otherwise take the run's hour.
     */
    Timing time(Call call) throws Exception {
        for (int i = 0; i < settings.warmUp(); i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        long budgetEnd = System.nanoTime() + settings.sampleBudgetSeconds() * 1_000_000_000L;
        int least = Math.min(20, settings.samples());
        while (millis.size() < settings.samples() && (millis.size() < least || System.nanoTime() < budgetEnd)) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Timing(millis.size(), Stats.median(millis), Stats.percentile(millis, 95),
            Stats.percentile(millis, 100));
    }

    /** A unit's task list as BenchRun asks for it: the first 50 by due date, as the unit's liaison. */
    Call unitTaskList(Unit unit) {
        HttpRequest request = get("/engine-rest/task?candidateGroup=" + unit.code()
            + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50", unit.liaison());
        return () -> {
            HttpResponse<String> answer = send(request);
            if (!answer.body().startsWith("[{")) {
                throw new IllegalStateException("the task list of " + unit.code() + " is empty: " + answer.body());
            }
        };
    }

    /**
     * A Tasklist filter's first page as the Tasklist asks for it when the user opens it: {@code POST
     * filter/{id}/list?firstResult=0&maxResults=15}, the sorting by creation (newest first) it sends by default,
     * HAL (the cards' variables and the candidate groups embedded, and the count).
     */
    Call tasklistFilter(String filterName, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/filter/" + filterId(filterName)
                + "/list?firstResult=0&maxResults=15"))
            .header("Authorization", WebTest.basicAuth(user, "demo"))
            .header("Accept", "application/hal+json, application/json; q=0.5")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build();
        return () -> {
            HttpResponse<String> answer = send(request);
            if (!json.readTree(answer.body()).has("_embedded")) {
                throw new IllegalStateException("filter " + filterName + " as " + user + ": " + answer.body());
            }
        };
    }

    /** The tasks a filter holds for the user: its count, as the HAL list reports it. */
    long filterCount(String filterName, String user) throws Exception {
        JsonNode count = json.readTree(send(get("/engine-rest/filter/" + filterId(filterName) + "/count", user)).body());
        return count.path("count").asLong(-1);
    }

    long unitTaskCount(Unit unit) throws Exception {
        return json.readTree(send(get("/engine-rest/task/count?candidateGroup=" + unit.code(), unit.liaison())).body())
            .path("count").asLong(-1);
    }

    private String filterId(String name) {
        List<Filter> filters = context.getBean(FilterService.class).createFilterQuery().filterName(name).list();
        if (filters.size() != 1) {
            throw new IllegalStateException(filters.size() + " Tasklist filters named " + name);
        }
        return filters.get(0).getId();
    }

    /**
     * The dashboard as a browser opens it: the page ({@code GET /api/dashboard}), then the rounds
     * ({@code GET /api/rounds}) and the summary of the round it chooses (the newest in rectification), one
     * after the other as dashboard.js asks; its script, style sheet and ECharts are static files, not counted.
     */
    Call dashboard(String user) {
        HttpRequest page = get("/api/dashboard", user);
        HttpRequest rounds = get("/api/rounds", user);
        return () -> {
            if (!send(page).body().contains("<html")) {
                throw new IllegalStateException("the dashboard is not a page");
            }
            send(get("/api/rounds/" + chosenRound(send(rounds).body()) + "/summary", user));
        };
    }

    /** The round the dashboard shows first (dashboard.js): the newest in rectification, else the newest. */
    String dashboardRound(String user) throws Exception {
        return chosenRound(send(get("/api/rounds", user)).body());
    }

    private String chosenRound(String roundsJson) throws Exception {
        JsonNode list = json.readTree(roundsJson);
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException("no rounds: " + roundsJson);
        }
        for (JsonNode round : list) {
            if ("IN_RECTIFICATION".equals(round.path("status").asText())) {
                return round.path("code").asText();
            }
        }
        return list.get(0).path("code").asText();
    }

    /** A round's summary ({@code GET /api/rounds/{code}/summary}), which the dashboard draws. */
    Call summary(String code, String user) {
        HttpRequest request = get("/api/rounds/" + code + "/summary", user);
        return () -> {
            if (json.readTree(send(request).body()).path("measures").path("total").asInt() <= 0) {
                throw new IllegalStateException("the summary of " + code + " counts no measure");
            }
        };
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", WebTest.basicAuth(user, "demo")).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + answer.statusCode() + " "
                + answer.body());
        }
        return answer;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    // ---------------------------------------------------------------------------------------------- the storm

    /**
     * The storm, as {@link BenchRun#timerStorm}: the engine clock moves past every green reminder at once (deadline
     * in 30 days, reminder 20 days before) and the job executor is told to look now. Timed until every measure has
     * its GREEN notice. Watched by a plain count of the GREEN notices (the database holds only this run's rounds),
     * every 250 ms in the smoke run and every second at scale (BenchRun's join every 20 ms would take a share of
     * the two cores from a storm of 100,000), and checked with the join once the count is reached; the progress
     * printed every 30 s. Returns the seconds, or a negative number when the storm did not drain within
     * {@code stormMinutes}.
     */
    double storm() throws InterruptedException {
        ClockUtil.setCurrentTime(Date.from(today.plusDays(DEADLINE_DAYS - 19).atTime(9, 0).atZone(BenchRun.ZONE)
            .toInstant()));
        engine.getJobExecutor().jobWasAdded();
        long start = System.nanoTime();
        long deadline = start + settings.stormMinutes() * 60_000_000_000L;
        long nextReport = start + 30_000_000_000L;
        long pause = settings.smoke() ? 250 : 1000;
        boolean drained = false;
        while (!drained && System.nanoTime() < deadline) {
            long done = greenNotices();
            drained = done >= settings.measures() && noticesWritten() >= settings.measures();
            if (!drained && System.nanoTime() > nextReport) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "[bench] province storm: %,d of %,d notices in %.0f s (%.0f/s)%n",
                    done, settings.measures(), seconds, done / seconds);
                nextReport += 30_000_000_000L;
            }
            if (!drained) {
                Thread.sleep(pause); // watching the job executor work
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return drained ? seconds : -seconds;
    }

    private long greenNotices() {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE step = 'GREEN'").query(Long.class).single();
    }

    long noticesWritten() {
        return jdbc.sql(NOTICES_WRITTEN).query(Long.class).single();
    }

    /**
     * The outbox delivered through the log channel (not timed as the storm; its own time reported) and its
     * green reminders counted as they pass, per recipient and subject, without keeping the messages (100,000 of
     * them): then each measure of the storm's rounds is checked, streamed from the ledger, against its unit's
     * liaison's 【绿色提醒】 (as {@code BenchRun.duplicates}).
     */
    Delivery deliver() {
        ReminderCounter counter = new ReminderCounter();
        counter.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        counter.start();
        long start = System.nanoTime();
        try {
            BenchRun.dispatchThrough(context, counter);
        } finally {
            counter.stop();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> delivered = counter.reminders;
        long[] expected = {0};
        long[] missing = {0};
        long[] duplicates = {0};
        List<String> someMissing = new ArrayList<>();
        jdbc.sql("""
                SELECT u.user_id || ' 【绿色提醒】' || m.code FROM measure m
                JOIN org_user u ON u.unit_code = m.unit_code AND u.unit_role = 'LIAISON'
                WHERE m.round_code LIKE 'PROV%'""")
            .query((RowCallbackHandler) rs -> {
                expected[0]++;
                Integer times = delivered.remove(rs.getString(1));
                if (times == null) {
                    missing[0]++;
                    if (someMissing.size() < 10) {
                        someMissing.add(rs.getString(1));
                    }
                } else {
                    duplicates[0] += times - 1;
                }
            });
        System.out.printf(Locale.ROOT, "[bench] province: %,d messages delivered through the log channel in %.1f s,"
            + " %,d green reminders of the storm%n", counter.messages, seconds, counter.green);
        return new Delivery(counter.messages, expected[0], missing[0], delivered.size(), duplicates[0], seconds,
            someMissing);
    }

    /** Counts the log channel's green reminders of the storm, "recipient subject" → times, keeping nothing else. */
    private static final class ReminderCounter extends AppenderBase<ILoggingEvent> {

        final Map<String, Integer> reminders = new HashMap<>();
        long messages;
        long green;

        @Override
        protected void append(ILoggingEvent message) {
            messages++;
            // LogChannel: "Notification {key} to {recipient}: {subject}"
            Object[] arguments = message.getArgumentArray();
            if (arguments != null && arguments.length >= 3 && String.valueOf(arguments[2]).startsWith(GREEN_SUBJECT)) {
                green++;
                reminders.merge(arguments[1] + " " + arguments[2], 1, Integer::sum);
            }
        }
    }

    @Override
    public void close() {
        ClockUtil.reset();
        context.close();
        if (settings.smoke()) {
            PostgresTestDatabase.drop(databaseName);
        }
    }
}
