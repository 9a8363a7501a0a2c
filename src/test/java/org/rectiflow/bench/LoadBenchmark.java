package org.rectiflow.bench;

import static org.rectiflow.bench.BenchSettings.intProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.bench.LoadTally.Operation;
import org.rectiflow.bench.LoadUser.Kind;
import org.rectiflow.bench.LoadUser.Role;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess.Elements;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.PostgresTestDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load run of issue 20 ({@code ./mvnw -B verify -Pbench -Dtest=LoadBenchmark}; CI runs it with
 * {@code -Drectiflow.bench.scale=smoke}): on a fresh PostgreSQL database, the application as a site runs it (job
 * executor on), with rounds brought to execution the product's way so that every unit of the run has open measure
 * tasks, then N simulated users at once ({@link LoadUser}, HTTP Basic on the engine's REST API, as the Tasklist
 * calls it): units' liaisons and heads report their measures (单位整改并报告), the lead units' users review them
 * (牵头单位审核) and the supervision group signs them off (监督组销号审核), each listing, opening, claiming and
 * completing tasks until its iterations are done or the time budget is spent. Before the run the review and
 * sign-off queues are filled (reports and reviews submitted the same way, not timed), so that no reviewer waits.
 *
 * <p>Checked: no error (every answer 2xx, except a conflict: a task a colleague claimed or completed first, checked
 * against the engine's history), no deadlock (PostgreSQL's {@code pg_stat_database.deadlocks} of the database,
 * every answer and the application's log), no user out of work, and the engine's history holds as many completed
 * tasks as the users completed. Printed with the figures (count, median, p95, max per operation, throughput) and
 * written to {@code target/load-benchmark.md}.
 *
 * <p>Settings: {@code -Drectiflow.bench.load-users=} (full 50, smoke 10), {@code .load-iterations=} (tasks each
 * user completes; full 40, smoke 5), {@code .load-seconds=} (the time budget; full 300, smoke 60).
 */
@Tag("bench")
class LoadBenchmark {

    private static final String QUEUE_ROUND = "LOADQ";
    /** The exception's type in the REST API's error answer. */
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MEASURES_PER_PROBLEM = 50;
    private static final int MEASURES_PER_ROUND = 200;
    /** The tasks each reviewer and the supervision group find waiting when the run starts (and three more). */
    private static final int HEAD_START = 5;
    /** The hard timeout beyond the time budget: the users' calls time out after 60 s each. */
    private static final long GRACE_SECONDS = 120;

    private record Settings(String scale, int users, int iterations, int seconds) {
    }

    @Test
    void measure() throws Exception {
        // the province run (-Drectiflow.bench.scale=province) is ProvinceBenchmark's alone
        Assumptions.assumeFalse(ProvinceSettings.PROVINCE.equals(System.getProperty("rectiflow.bench.scale")),
            "the province scale runs ProvinceBenchmark");
        Settings settings = settings();
        String url = PostgresTestDatabase.newDatabase();
        LocalDate today = LocalDate.now(BenchRun.ZONE);
        long started = System.nanoTime();
        ConfigurableApplicationContext context = BenchRun.startOnPostgres(url, true);
        String report;
        LoadTally tally = new LoadTally();
        List<String> problems = new ArrayList<>();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            List<Role> roles = roles(context, jdbc, settings.users());
            int measures = prepare(context, jdbc, roles, settings.iterations(), today);
            int queued = fillQueues(context, jdbc, roles, settings.iterations(), today, port);
            double setupSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "[bench] load: %d users, %d measures started, %d reports and reviews queued"
                + " in %.0f s%n", roles.size(), measures, queued, setupSeconds);

            long deadlocksBefore = deadlocks(jdbc);
            LockLog watch = LockLog.attach();
            Date runStart = new Date(System.currentTimeMillis() - 1);
            long start = System.nanoTime();
            long deadline = start + settings.seconds() * 1_000_000_000L;
            List<LoadUser> users = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(roles.size());
            boolean finished;
            List<String> lockLog;
            try {
                for (int i = 0; i < roles.size(); i++) {
                    LoadUser user = new LoadUser(roles.get(i), settings.iterations(), deadline, port, tally, today, i);
                    users.add(user);
                    pool.execute(user);
                }
                pool.shutdown();
                finished = pool.awaitTermination(settings.seconds() + GRACE_SECONDS, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
                lockLog = watch.detach();
            }
            double runSeconds = (System.nanoTime() - start) / 1e9;
            if (!finished) {
                problems.add("the run did not end within its hard timeout (" + (settings.seconds() + GRACE_SECONDS)
                    + " s)");
            }

            Map<Kind, Long> completed = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                completed.put(kind, users.stream().mapToLong(u -> u.completed().getOrDefault(kind, 0)).sum());
            }
            Map<Kind, Long> inHistory = completedInHistory(context, runStart);
            if (!completed.equals(inHistory)) {
                problems.add("the users completed " + completed + ", the engine's history holds " + inHistory);
            }
            List<LoadTally.Conflict> unconfirmed = unconfirmedConflicts(context, tally.conflicts());
            unconfirmed.forEach(c -> tally.error(c.user() + " " + c.call() + ": " + c.status() + " " + c.body()
                + " (a conflict the engine's history does not confirm: nobody else had the task)"));
            List<LoadTally.Conflict> conflicts = tally.conflicts().stream().filter(c -> !unconfirmed.contains(c))
                .toList();
            // a concurrent claim's OptimisticLockingException (answer and log) is a conflict, not a locking fault
            Set<String> concurrentClaims = conflicts.stream().filter(c -> c.body().contains("OptimisticLocking"))
                .map(LoadTally.Conflict::taskId).collect(Collectors.toSet());
            // each concurrent claim's answer (409, its message without the task's id) is taken off once
            List<String> lockAnswers = new ArrayList<>(tally.deadlockAnswers());
            conflicts.stream().filter(c -> c.body().contains("OptimisticLocking"))
                .forEach(c -> lockAnswers.remove(c.body()));
            List<String> lockLines = lockLog.stream()
                .filter(line -> concurrentClaims.stream().noneMatch(line::contains)).toList();
            context.close();
            long deadlocksAfter = deadlocksOnceClosed(url);
            report = report(settings, roles, measures, queued, setupSeconds, runSeconds, tally, completed, conflicts,
                deadlocksBefore, deadlocksAfter, lockAnswers, lockLines);
            if (deadlocksAfter != 0 || !lockAnswers.isEmpty() || !lockLines.isEmpty()) {
                problems.add("deadlocks: PostgreSQL " + deadlocksAfter + ", answers " + lockAnswers.stream().limit(3)
                    .toList() + ", log " + lockLines.stream().limit(3).toList());
            }
        } finally {
            if (context.isActive()) {
                context.close();
            }
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println("[bench] load: written to " + Path.of("target", "load-benchmark.md").toAbsolutePath());
        if (tally.errorCount() != 0) {
            problems.add(tally.errorCount() + " errors, the first: \n  " + String.join("\n  ", tally.firstErrors()));
        }
        if (!tally.outOfWork().isEmpty()) {
            problems.add("users found no task left: " + tally.outOfWork());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the load run failed:\n" + String.join("\n", problems));
        }
    }

    private static Settings settings() {
        String scale = System.getProperty("rectiflow.bench.scale", "full");
        boolean smoke = switch (scale) {
            case "smoke" -> true;
            case "full" -> false;
            default -> throw new IllegalArgumentException("rectiflow.bench.scale is smoke or full, not " + scale);
        };
        return new Settings(scale, intProperty("rectiflow.bench.load-users", smoke ? 10 : 50),
            intProperty("rectiflow.bench.load-iterations", smoke ? 5 : 40),
            intProperty("rectiflow.bench.load-seconds", smoke ? 60 : 300));
    }

    // ------------------------------------------------------------------------------------------------ the users

    /**
     * The run's users, from the ledger's organisation (the demo users): the supervision group's first member signs
     * off; the lead units' users review (a review task's group is its lead unit: their liaisons in the key groups'
     * order, then their heads), a fifth of the users or more; the others report, the liaison and the head of each
     * unit that leads no key group (two users of one unit share its list, and may pick the same task).
     */
    private static List<Role> roles(ConfigurableApplicationContext context, JdbcClient jdbc, int count) {
        List<String> leadUnits = leadUnits(jdbc).values().stream().distinct().toList();
        Map<String, String> liaisons = unitUsers(jdbc, "LIAISON");
        Map<String, String> heads = unitUsers(jdbc, "HEAD");
        List<String> units = jdbc.sql("SELECT code FROM org_unit WHERE retired_at IS NULL ORDER BY sort_order, code")
            .query(String.class).list();
        String supervisor = context.getBean(IdentityService.class).createUserQuery().memberOfGroup("supervision")
            .orderByUserId().asc().list().get(0).getId();

        List<Role> reviewers = new ArrayList<>();
        for (Map<String, String> users : List.of(liaisons, heads)) {
            leadUnits.stream().filter(users::containsKey)
                .forEach(unit -> reviewers.add(new Role(users.get(unit), unit, Kind.REVIEW)));
        }
        List<Role> reporters = new ArrayList<>();
        for (String unit : units) {
            if (!leadUnits.contains(unit) && liaisons.containsKey(unit) && heads.containsKey(unit)) {
                reporters.add(new Role(liaisons.get(unit), unit, Kind.REPORT));
                reporters.add(new Role(heads.get(unit), unit, Kind.REPORT));
            }
        }
        int reporting = Math.min(reporters.size(), count - 1 - Math.max(1, count / 5));
        int reviewing = count - 1 - reporting;
        if (reporting < 1 || reviewing > reviewers.size()) {
            throw new IllegalArgumentException("rectiflow.bench.load-users: from 3 to "
                + (1 + reviewers.size() + reporters.size()) + " users, not " + count);
        }
        List<Role> roles = new ArrayList<>();
        roles.add(new Role(supervisor, "supervision", Kind.SIGN_OFF));
        roles.addAll(reviewers.subList(0, reviewing));
        roles.addAll(reporters.subList(0, reporting));
        return roles;
    }

    /** The key groups whose lead units review in the run, in their order. */
    private static List<String> keyGroups(JdbcClient jdbc, List<Role> roles) {
        List<String> reviewing = roles.stream().filter(r -> r.kind() == Kind.REVIEW).map(Role::group).toList();
        return leadUnits(jdbc).entrySet().stream().filter(g -> reviewing.contains(g.getValue()))
            .map(Map.Entry::getKey).toList();
    }

    /** The key groups' lead units (key group → unit), in the key groups' order. */
    private static Map<String, String> leadUnits(JdbcClient jdbc) {
        Map<String, String> leadUnits = new LinkedHashMap<>();
        jdbc.sql("SELECT code, lead_unit_code FROM org_key_group ORDER BY sort_order, code")
            .query((ResultSet rs) -> {
                leadUnits.put(rs.getString(1), rs.getString(2));
            });
        return leadUnits;
    }

    /** Each unit's user in the role (LIAISON or HEAD; the first by id): unit → user. */
    private static Map<String, String> unitUsers(JdbcClient jdbc, String role) {
        Map<String, String> users = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_code, user_id FROM org_user WHERE unit_role = ? ORDER BY user_id").param(role)
            .query((ResultSet rs) -> {
                users.putIfAbsent(rs.getString(1), rs.getString(2));
            });
        return users;
    }

    // ------------------------------------------------------------------------------------------ the waiting work

    /**
     * The reporters' measures, registered and brought to execution the product's way (registration, meeting, plan,
     * the units' plans approved): one and a half times its reporters' iterations per unit and ten more, so that no
     * reporter runs out (a report 未完成 or sent back brings its task back; a colleague may take the last ones).
     * Deadlines spread over two months, so that the list's order by due date means something. Rounds of 200
     * measures, problems of 50, each problem in one of the run's key groups in turn. How many measures.
     */
    private static int prepare(ConfigurableApplicationContext context, JdbcClient jdbc, List<Role> roles,
                               int iterations, LocalDate today) {
        Map<String, Long> reportersPerUnit = roles.stream().filter(r -> r.kind() == Kind.REPORT)
            .collect(Collectors.groupingBy(Role::group, LinkedHashMap::new, Collectors.counting()));
        List<String> keyGroups = keyGroups(jdbc, roles);
        List<String> units = new ArrayList<>();
        Map<String, Long> left = new LinkedHashMap<>();
        reportersPerUnit.forEach((unit, n) -> left.put(unit, n * iterations * 3 / 2 + 10));
        while (!left.isEmpty()) { // the units in turn, as a round's measures go to many units
            for (String unit : List.copyOf(left.keySet())) {
                units.add(unit);
                left.computeIfPresent(unit, (u, n) -> n > 1 ? n - 1 : null);
            }
        }
        for (int from = 0, r = 0; from < units.size(); from += MEASURES_PER_ROUND, r++) {
            List<String> roundUnits = units.subList(from, Math.min(units.size(), from + MEASURES_PER_ROUND));
            bringToExecution(context, round("LOAD" + r, roundUnits, keyGroups, today, from));
        }
        return units.size();
    }

    /**
     * The review and sign-off queues filled before the run, so that no reviewer starts with an empty list (the
     * reports of the run fill them afterwards): for each key group of the run, measures reported by their unit's
     * liaison (claim and submit-form, as the users do, not timed), five for each of its lead unit's reviewers and
     * three more, plus its share of the sign-off queue's eight, which its lead unit's liaison then approves. How many
     * tasks were completed.
     */
    private static int fillQueues(ConfigurableApplicationContext context, JdbcClient jdbc, List<Role> roles,
                                  int iterations, LocalDate today, int port) {
        List<String> keyGroups = keyGroups(jdbc, roles);
        Map<String, String> leadUnits = leadUnits(jdbc);
        List<String> units = roles.stream().filter(r -> r.kind() == Kind.REPORT).map(Role::group).distinct().toList();
        int each = Math.min(iterations, HEAD_START);
        int signOffShare = (each + 3 + keyGroups.size() - 1) / keyGroups.size();
        List<Integer> sizes = new ArrayList<>();
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < keyGroups.size(); g++) {
            String leadUnit = leadUnits.get(keyGroups.get(g));
            long reviewers = roles.stream().filter(r -> r.kind() == Kind.REVIEW && r.group().equals(leadUnit)).count();
            int size = (int) reviewers * each + 3 + signOffShare;
            List<String> problemUnits = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                problemUnits.add(units.get((offset + i) % units.size()));
            }
            // one problem per key group: its measures are that group's queue
            problems.add(new RoundRegistration.Problem(g + 1, "负载测试待审核问题" + (g + 1), keyGroups.get(g),
                measures(problemUnits, today, offset)));
            sizes.add(size);
            offset += size;
        }
        bringToExecution(context, round(QUEUE_ROUND, problems, today));

        TaskService tasks = context.getBean(TaskService.class);
        Map<String, String> liaisons = unitUsers(jdbc, "LIAISON");
        LoadTally setup = new LoadTally();
        int done = 0;
        for (int g = 0; g < keyGroups.size(); g++) {
            String leadUnit = leadUnits.get(keyGroups.get(g));
            LoadUser reviewer = new LoadUser(new Role(liaisons.get(leadUnit), leadUnit, Kind.REVIEW), 0,
                Long.MAX_VALUE, port, setup, today, 0);
            for (int m = 1; m <= sizes.get(g); m++) {
                String code = RoundRegistration.measureCode(QUEUE_ROUND, g + 1, m);
                String unit = jdbc.sql("SELECT unit_code FROM measure WHERE code = ?").param(code)
                    .query(String.class).single();
                new LoadUser(new Role(liaisons.get(unit), unit, Kind.REPORT), 0, Long.MAX_VALUE, port, setup, today, 0)
                    .completeForSetup(task(tasks, code, Elements.UNIT_RECTIFIES), Kind.REPORT);
                done++;
                if (m <= signOffShare) {
                    reviewer.completeForSetup(task(tasks, code, Elements.LEAD_UNIT_REVIEW), Kind.REVIEW);
                    done++;
                }
            }
        }
        return done;
    }

    private static String task(TaskService tasks, String measureCode, String element) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(measureCode).taskDefinitionKey(element)
            .singleResult();
        if (task == null) {
            throw new IllegalStateException(measureCode + " has no open task " + element);
        }
        return task.getId();
    }

    /** A round of the given units' measures (in this order), problems of 50 in the key groups in turn. */
    private static RoundRegistration round(String code, List<String> units, List<String> keyGroups, LocalDate today,
                                           int offset) {
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        for (int from = 0, p = 1; from < units.size(); from += MEASURES_PER_PROBLEM, p++) {
            int problem = (offset + from) / MEASURES_PER_PROBLEM; // the run's problems take the key groups in turn
            problems.add(new RoundRegistration.Problem(p, "负载测试问题" + p, keyGroups.get(problem % keyGroups.size()),
                measures(units.subList(from, Math.min(units.size(), from + MEASURES_PER_PROBLEM)), today,
                    offset + from)));
        }
        return round(code, problems, today);
    }

    private static RoundRegistration round(String code, List<RoundRegistration.Problem> problems, LocalDate today) {
        return new RoundRegistration(code, "负载测试巡察" + code, "市委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today,
            List.of(new RoundRegistration.Category(1, "测试方面", problems)));
    }

    /** The units' measures, their deadlines spread over two months, every fifth 长久立 (the others 当下改). */
    private static List<RoundRegistration.Measure> measures(List<String> units, LocalDate today, int offset) {
        List<RoundRegistration.Measure> measures = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            measures.add(new RoundRegistration.Measure("负载测试整改措施第" + (offset + i + 1) + "项：完善制度并组织培训",
                units.get(i), "chief", today.plusDays(30 + (offset + i) % 60),
                (offset + i) % 5 == 4 ? MeasureKind.LONG_TERM : MeasureKind.IMMEDIATE));
        }
        return measures;
    }

    /** Registered, its meeting held, its plan approved and the units' plans approved: every unit task waits. */
    private static void bringToExecution(ConfigurableApplicationContext context, RoundRegistration round) {
        RoundWalkthrough walkthrough = context.getBean(RoundWalkthrough.class);
        context.getBean(InspectionRoundService.class).register(round);
        walkthrough.holdMeeting(round.code(), round.registeredOn(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round.code(), "整改方案", "无");
        walkthrough.approveUnitPlans(round.code());
    }

    // --------------------------------------------------------------------------------------------- the checks

    /** The tasks completed since the run started, by the users' kinds, from the engine's history. */
    private static Map<Kind, Long> completedInHistory(ConfigurableApplicationContext context, Date since) {
        HistoryService history = context.getBean(HistoryService.class);
        Map<Kind, Long> counts = new LinkedHashMap<>();
        Map<Kind, String> elements = Map.of(Kind.REPORT, Elements.UNIT_RECTIFIES, Kind.REVIEW,
            Elements.LEAD_UNIT_REVIEW, Kind.SIGN_OFF, Elements.SUPERVISION_SIGN_OFF);
        for (Kind kind : Kind.values()) {
            counts.put(kind, history.createHistoricTaskInstanceQuery().finished().taskDefinitionKey(elements.get(kind))
                .finishedAfter(since).count());
        }
        return counts;
    }

    /**
     * The conflicts the engine's history does not confirm: the task was not claimed or completed by another user
     * (for a refusal, 403, not completed by another user).
     */
    private static List<LoadTally.Conflict> unconfirmedConflicts(ConfigurableApplicationContext context,
                                                                 List<LoadTally.Conflict> conflicts) {
        HistoryService history = context.getBean(HistoryService.class);
        List<LoadTally.Conflict> unconfirmed = new ArrayList<>();
        for (LoadTally.Conflict conflict : conflicts) {
            HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(conflict.taskId())
                .singleResult();
            if (task == null || task.getAssignee() == null || task.getAssignee().equals(conflict.user())
                || conflict.status() == 403 && task.getEndTime() == null) {
                unconfirmed.add(conflict);
            }
        }
        return unconfirmed;
    }

    private static long deadlocks(JdbcClient jdbc) {
        return jdbc.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
            .query(Long.class).single();
    }

    /**
     * The deadlocks PostgreSQL counted in the database since it was created, read once the application has closed:
     * a backend reports its counts when it ends, so the application's connections are waited for (up to 30 s).
     */
    private static long deadlocksOnceClosed(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(),
            PostgresTestDatabase.password()); Statement statement = connection.createStatement()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && count(statement, "SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0) {
                Thread.onSpinWait(); // each look is a query: the backends end within moments
            }
            return count(statement, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The application's log events, while attached, that mention a deadlock or an optimistic locking failure. */
    private static final class LockLog extends AppenderBase<ILoggingEvent> {

        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        static LockLog attach() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            LockLog log = new LockLog();
            log.setContext(root.getLoggerContext());
            log.setName("load-benchmark-locks");
            log.start();
            root.addAppender(log);
            return log;
        }

        List<String> detach() {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
            stop();
            return List.copyOf(lines);
        }

        @Override
        protected void append(ILoggingEvent event) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            if (text.toLowerCase(Locale.ROOT).contains("deadlock") || text.contains("OptimisticLocking")) {
                lines.add(event.getLoggerName() + ": " + text.lines().findFirst().orElse(""));
            }
        }
    }

    // --------------------------------------------------------------------------------------------- the report

    private static String report(Settings settings, List<Role> roles, int measures, int queued, double setupSeconds,
                                 double runSeconds, LoadTally tally, Map<Kind, Long> completed,
                                 List<LoadTally.Conflict> conflicts, long deadlocksBefore, long deadlocksAfter,
                                 List<String> lockAnswers, List<String> lockLines) {
        Map<Kind, List<Role>> byKind = roles.stream().collect(Collectors.groupingBy(Role::kind));
        List<Role> reporters = byKind.getOrDefault(Kind.REPORT, List.of());
        List<Role> reviewers = byKind.getOrDefault(Kind.REVIEW, List.of());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load run (%s scale, %s): %d simulated users at once on PostgreSQL,"
                + " each completing %d tasks or stopping after %d s, through the engine's REST API with HTTP Basic:"
                + " %d reporting (the liaisons and heads of %d units, 单位整改并报告), %d reviewing (the users of %d"
                + " lead units, 牵头单位审核), %d signing off (监督组销号审核). Waiting before the run: %d measures'"
                + " unit tasks, and %d reports and reviews completed (not timed) so that the review and sign-off"
                + " lists are not empty; set up in %.0f s.%n%n", settings.scale(), LocalDate.now(), roles.size(),
            settings.iterations(), settings.seconds(), reporters.size(),
            reporters.stream().map(Role::group).distinct().count(), reviewers.size(),
            reviewers.stream().map(Role::group).distinct().count(),
            byKind.getOrDefault(Kind.SIGN_OFF, List.of()).size(),
            measures, queued, setupSeconds));
        out.append(Machine.describe()).append(" The simulated users run in the application's JVM.\n\n");
        out.append("| operation | count | median | p95 | max |\n|---|---:|---:|---:|---:|\n");
        long operations = 0;
        for (Operation operation : Operation.values()) {
            List<Double> millis = tally.millis(operation);
            if (operation.counted()) {
                operations += millis.size();
            }
            if (millis.isEmpty()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f ms | %.0f ms | %.0f ms |%n", operation.label,
                millis.size(), Stats.median(millis), Stats.percentile(millis, 95), Stats.percentile(millis, 100)));
        }
        long claimed = conflicts.stream().filter(c -> c.call().endsWith("/claim")).count();
        long tasks = completed.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(Locale.ROOT, "%n| figure | value |%n|---|---:|%n"
                + "| run time (wall) | %.1f s |%n"
                + "| tasks completed (reports / reviews / sign-offs) | %d (%d / %d / %d) |%n"
                + "| errors (non-2xx answers that are not conflicts, failed calls) | %d |%n"
                + "| conflicts: a colleague had the task first, as the engine's history confirms (at the claim /"
                + " while the user opened it) | %d (%d / %d) |%n"
                + "| deadlocks: PostgreSQL `pg_stat_database.deadlocks` of the database, at the run's start →"
                + " after the application closed | %d → %d |%n"
                + "| answers mentioning a deadlock or an OptimisticLockingException (concurrent claims apart) | %d |%n"
                + "| application log events mentioning either (concurrent claims apart) | %d |%n"
                + "| throughput: operations (list, open, claim, complete) | %.1f /s |%n"
                + "| throughput: HTTP requests | %.1f /s |%n"
                + "| throughput: tasks completed | %.1f /s |%n"
                + "| users stopped by the time budget / out of work | %d / %d |%n",
            runSeconds, tasks, completed.get(Kind.REPORT), completed.get(Kind.REVIEW), completed.get(Kind.SIGN_OFF),
            tally.errorCount(), conflicts.size(), claimed, conflicts.size() - claimed, deadlocksBefore, deadlocksAfter,
            lockAnswers.size(), lockLines.size(), operations / runSeconds, tally.requests() / runSeconds,
            tasks / runSeconds, tally.stoppedByBudget().size(), tally.outOfWork().size()));
        if (!conflicts.isEmpty()) {
            // how the engine answered them: the call, its status and the exception's type
            Map<String, Long> answers = conflicts.stream().collect(Collectors.groupingBy(c -> c.call()
                    .replace(c.taskId(), "{id}") + " | " + c.status() + " " + TYPE.matcher(c.body()).results()
                    .map(m -> m.group(1)).findFirst().orElse("?"), TreeMap::new, Collectors.counting()));
            out.append("\n| conflict met at | answer | count |\n|---|---|---:|\n");
            answers.forEach((answer, n) -> out.append("| ").append(answer).append(" | ").append(n).append(" |\n"));
        }
        return out.toString();
    }
}
