package org.rectiflow.bench;

import static org.rectiflow.bench.BenchSettings.intProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.cluster.ClusterNode;
import org.rectiflow.cluster.Ledger;
import org.rectiflow.cluster.MailCatcher;
import org.rectiflow.cluster.StormSeeder;
import org.rectiflow.support.PostgresTestDatabase;

/**
 * Issue 20, point 4: two nodes add up ({@code ./mvnw -B verify -Pbench -Dtest=ClusterBenchmark}; CI runs its smoke
 * scale). The storm of green reminders on one, then on two application nodes, each a JVM of its own
 * ({@link ClusterNode}, the prod profile) over one PostgreSQL database: a round of N measures whose green reminders
 * are due but held is seeded once ({@link StormSeeder}), and each node count gets a copy of that database. The nodes
 * start, and once all are up the reminders are released; timed is the drain, from the release until every measure
 * has its GREEN notice and no green timer waits. Then, not timed: each timer job succeeded once, each notice was
 * written once, every e-mail arrived once (a local SMTP server, {@link MailCatcher}), no job failed. Printed: the
 * rate per node count, two nodes' rate ÷ one node's (target ≥ 1.6), the jobs each node did, and the statement and
 * CPU profile of the drain ({@link ServerLoad}: {@code pg_stat_database}, CPU time from {@code /proc}), from which
 * the point where a further node stops helping (the database saturated) is derived. Written to
 * {@code target/cluster-benchmark.md}. A missed target is reported; only a broken invariant fails the run.
 *
 * <p>The nodes run the job executor of {@code application.yml}, with one change for the measurement: an idle
 * executor looks for due jobs every second at most ({@link #MEASUREMENT}); with the starter's 5 s, doubled after
 * each empty look up to 60 s, a node would find the released storm up to a minute late. Their connection pools
 * keep 10 connections open, not all 20 (the shipped pool's size), which they open beyond those as needed.
 *
 * <p>Settings: {@code -Drectiflow.bench.cluster-measures=} (full 5,000, smoke 200),
 * {@code -Drectiflow.bench.cluster-nodes=} (1,2; or 1,2,3), {@code -Drectiflow.bench.cluster-drain-minutes=} (the
 * drain's limit before the run counts as broken; full 30, smoke 5). The province scale skips this class.
 */
@Tag("bench")
class ClusterBenchmark {

    private static final String ROUND = "CLUSTERB";
    private static final String SEED_DATABASE = "bench_cluster_seed";
    private static final double RATIO_TARGET = 1.6;
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration MAIL = Duration.ofMinutes(10);
    /** How often the watcher counts the notices written and the timers waiting. */
    private static final long LOOK_MILLIS = 200;
    /** Other processes' cores busy during a drain above which the report says the machine was loaded. */
    private static final double OTHERS_LIMIT = 0.25;
    /** The tables the report lists, those read most. */
    private static final int TABLES = 8;
    /** The nodes' JVM: a heap of its own, both compilers (the tests' nodes start with the quick one only). */
    private static final List<String> NODE_JVM = List.of("-Xmx1g");
    /**
     * The settings the measurement needs besides {@code application.yml}'s and the prod profile's: an idle job
     * executor looks for due jobs every second at most, and the connection pool keeps 10 connections open (enough for
     * the job executor's 8 threads, its acquisition and the outbox) and opens more as needed, up to its 20 as shipped,
     * instead of all 20 at the start, so that the nodes of a run fit in a shared test server's {@code max_connections}.
     */
    private static final List<String> MEASUREMENT = List.of(
        "--camunda.bpm.job-execution.wait-time-in-millis=250",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--spring.datasource.hikari.minimum-idle=10");

    private record Settings(String scale, int measures, List<Integer> nodeCounts, int drainMinutes) {

        static Optional<Settings> fromSystemProperties() {
            String scale = System.getProperty("rectiflow.bench.scale", "full");
            if (ProvinceSettings.PROVINCE.equals(scale)) {
                return Optional.empty(); // the province run is ProvinceBenchmark's alone
            }
            boolean smoke = switch (scale) {
                case "smoke" -> true;
                case "full" -> false;
                default -> throw new IllegalArgumentException("rectiflow.bench.scale is smoke or full, not " + scale);
            };
            List<Integer> nodes = Arrays.stream(System.getProperty("rectiflow.bench.cluster-nodes", "1,2").split(","))
                .map(String::trim).map(Integer::parseInt).distinct().sorted().toList();
            if (nodes.isEmpty() || nodes.get(0) < 1) {
                throw new IllegalArgumentException("rectiflow.bench.cluster-nodes lists node counts of 1 or more");
            }
            return Optional.of(new Settings(scale, intProperty("rectiflow.bench.cluster-measures", smoke ? 200 : 5000),
                nodes, intProperty("rectiflow.bench.cluster-drain-minutes", smoke ? 5 : 30)));
        }

        boolean smoke() {
            return scale.equals("smoke");
        }
    }

    /** One node count's run: the drain (release included) and what the nodes and the database did meanwhile. */
    private record Run(int nodes, double startSeconds, double releaseSeconds, double drainSeconds,
                       ServerLoad.Delta load, long watcherStatements, double watcherMillis,
                       Map<String, Long> jobsByNode,
                       Map<String, Long> sentByNode, double mailSeconds) {

        double rate(int measures) {
            return measures / drainSeconds;
        }

        /** The database's transactions in the drain, without the watcher's own. */
        long commits() {
            return load.counter("xact_commit") - watcherStatements;
        }

        /** The database's backends' active time in the drain, in ms, without the watcher's own. */
        double activeMillis() {
            return Math.max(0, load.counter("active_time") - watcherMillis);
        }
    }

    private final List<Run> runs = new ArrayList<>();
    /** The phases' seconds, the broken invariants, the notes. */
    private final BenchLog log = new BenchLog("cluster");
    private final List<String> broken = log.broken;

    @Test
    void measure() throws Exception {
        Optional<Settings> chosen = Settings.fromSystemProperties();
        if (chosen.isEmpty()) {
            System.out.println("[bench] ClusterBenchmark skipped: the province scale runs ProvinceBenchmark");
        }
        Assumptions.assumeTrue(chosen.isPresent(), "the province scale runs ProvinceBenchmark");
        Settings settings = chosen.get();
        LocalDateTime began = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String load = loadAverage();
        Throwable failure = null;
        try {
            long t = System.nanoTime();
            String seedUrl = PostgresTestDatabase.namedDatabase(SEED_DATABASE);
            try (StormSeeder seeder = new StormSeeder(seedUrl)) {
                seeder.roundWithDueReminders(ROUND, settings.measures());
                seeder.holdReminders();
                // each node count's copy inherits the statistics: without them the watcher's counts (a join of the
                // round's measures) took 1.2 s each during a drain of 37 s
                seeder.analyze();
            }
            log.phase(String.format(Locale.ROOT, "seeded: a round of %,d measures, green reminders due and held",
                settings.measures()), t);
            for (int nodes : settings.nodeCounts()) {
                runs.add(run(nodes, settings));
            }
        } catch (Exception | AssertionError e) {
            failure = e;
            broken.add("the run stopped: " + e);
        } finally {
            PostgresTestDatabase.drop(SEED_DATABASE);
            if (settings.smoke()) {
                settings.nodeCounts().forEach(nodes -> PostgresTestDatabase.drop(database(nodes)));
            }
        }
        log.finish(report(settings, began, load), "cluster-benchmark.md", failure);
    }

    private static String database(int nodes) {
        return "bench_cluster_" + nodes;
    }

    /** The storm on this many nodes, on a copy of the seeded database. */
    private Run run(int count, Settings settings) throws Exception {
        String name = database(count);
        String url = PostgresTestDatabase.copyOf(SEED_DATABASE, name);
        Ledger ledger = new Ledger(url);
        int measures = settings.measures();
        if (ledger.count(Ledger.GREEN_TIMERS_WAITING, ROUND) != measures || ledger.count(Ledger.GREEN_NOTICES, ROUND) != 0) {
            throw new IllegalStateException("the copy " + name + " does not hold " + measures + " waiting reminders");
        }
        List<ClusterNode> nodes = new ArrayList<>();
        try (MailCatcher mail = new MailCatcher()) {
            try {
                long t = System.nanoTime();
                List<String> nodeSettings = new ArrayList<>(MEASUREMENT);
                nodeSettings.addAll(mail.settings());
                for (int i = 1; i <= count; i++) {
                    nodes.add(ClusterNode.start("node" + i, url, NODE_JVM, nodeSettings));
                }
                for (ClusterNode node : nodes) {
                    node.awaitUp(START);
                }
                nodes.get(0).warmUpRestApi();
                double startSeconds = log.phase(count + " node(s) started and up", t);
                Run run = drain(count, url, name, nodes, ledger, settings, startSeconds);
                check(run, ledger, mail, measures);
                return run;
            } finally {
                for (ClusterNode node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** Releases the reminders and watches, through one connection of its own, until the storm has drained. */
    private Run drain(int count, String url, String name, List<ClusterNode> nodes, Ledger ledger, Settings settings,
                      double startSeconds) throws Exception {
        int measures = settings.measures();
        List<Long> pids = nodes.stream().map(ClusterNode::pid).toList();
        try (Connection watcher = DriverManager.getConnection(url, PostgresTestDatabase.user(),
            PostgresTestDatabase.password());
             // the timers waiting (the dearer count) only once every notice is written; -1 until then
             PreparedStatement progress = watcher.prepareStatement("SELECT n, CASE WHEN n >= ? THEN ("
                 + Ledger.GREEN_TIMERS_WAITING + ") ELSE -1 END FROM (SELECT (" + Ledger.GREEN_NOTICES + ") AS n) notices")) {
            progress.setInt(1, measures);
            progress.setString(2, ROUND);
            progress.setString(3, ROUND);
            long looked = System.nanoTime();
            ServerLoad before = ServerLoad.read(watcher, name, pids);
            // the watcher's own transactions in the counters: the statements of the first snapshot, each look;
            // and their time (at the client: at least their active time in the database)
            long statements = ServerLoad.STATEMENTS;
            long watcherNanos = System.nanoTime() - looked;
            long start = System.nanoTime();
            nodes.get(0).releaseReminders();
            double releaseSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = start + settings.drainMinutes() * 60_000_000_000L;
            long lastPrint = start;
            looked = System.nanoTime();
            long[] done = progress(progress);
            watcherNanos += System.nanoTime() - looked;
            statements++;
            while ((done[0] < measures || done[1] != 0) && System.nanoTime() < deadline) {
                Thread.sleep(LOOK_MILLIS); // watching other processes work
                looked = System.nanoTime();
                done = progress(progress);
                watcherNanos += System.nanoTime() - looked;
                statements++;
                if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "[bench] cluster, %d node(s): %,d of %,d notices, %,d timers waiting%n",
                        count, done[0], measures, done[1]);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ServerLoad after = ServerLoad.read(watcher, name, pids);
            if (done[0] < measures || done[1] != 0) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%d node(s): the storm did not drain in %d"
                    + " minutes: %,d of %,d notices, %,d timers waiting", count, settings.drainMinutes(), done[0],
                    measures, done[1]));
            }
            log.phases.put(count + " node(s): storm drained", seconds);
            System.out.printf(Locale.ROOT, "[bench] cluster, %d node(s): %,d reminders drained in %.1f s, %.0f/s%n",
                count, measures, seconds, measures / seconds);
            long t = System.nanoTime();
            long sent = ledger.await(MAIL, n -> n >= measures, Ledger.NOTIFICATIONS_SENT, ROUND);
            double mailSeconds = (System.nanoTime() - t) / 1e9;
            if (sent < measures) {
                broken.add(String.format(Locale.ROOT, "%d node(s): %,d of %,d e-mails sent after %s", count, sent,
                    measures, MAIL));
            }
            return new Run(count, startSeconds, releaseSeconds, seconds, after.since(before), statements,
                watcherNanos / 1e6,
                ledger.grouped(Ledger.GREEN_TIMERS_BY_NODE, ROUND), ledger.grouped(Ledger.SENT_BY_NODE, ROUND),
                mailSeconds);
        }
    }

    /** Green notices written and green timers waiting (-1: not counted yet). */
    private static long[] progress(PreparedStatement progress) throws SQLException {
        try (ResultSet rs = progress.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Not timed: nothing twice, nothing missing, nothing failed; each node's share. */
    private void check(Run run, Ledger ledger, MailCatcher mail, int measures) {
        String nodes = run.nodes() + " node(s): ";
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("green notices", Ledger.GREEN_NOTICES);
        counts.put("measures with a green notice", Ledger.MEASURES_WITH_GREEN_NOTICE);
        counts.put("green timer jobs' successful runs", Ledger.GREEN_TIMER_SUCCESSES);
        counts.put("green timer jobs that succeeded", Ledger.GREEN_TIMER_JOBS_SUCCEEDED);
        counts.put("unit tasks waiting", Ledger.UNIT_TASKS);
        counts.forEach((what, sql) -> {
            long n = ledger.count(sql, ROUND);
            if (n != measures) {
                broken.add(String.format(Locale.ROOT, "%s%,d %s, %,d expected", nodes, n, what, measures));
            }
        });
        long failed = ledger.count(Ledger.FAILED_JOBS);
        if (failed != 0) {
            broken.add(nodes + failed + " failed jobs");
        }
        try {
            mail.assertEveryGreenReminderArrivedOnce(ledger, ROUND, measures, List.of(), Map.of());
        } catch (AssertionError | InterruptedException e) {
            broken.add(nodes + "the e-mails: " + e.getMessage());
        }
        if (run.jobsByNode().size() < run.nodes()) {
            log.notes.add(nodes + "not every node ran green reminders: " + run.jobsByNode());
        }
    }


    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private String report(Settings settings, LocalDateTime began, String loadBefore) {
        int measures = settings.measures();
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append("# Cluster benchmark (issue 20, point 4)\n\n");
        out.append(String.format(Locale.ROOT, "Run %s, -Drectiflow.bench.scale=%s: %,d green reminders due at once on "
                + "%s node(s), each count on a copy of one seeded PostgreSQL database. Load average before the run: %s;"
                + " after: %s.%n%n", began, settings.scale(), measures, settings.nodeCounts(), loadBefore,
            loadAverage()));
        out.append(Machine.describe()).append("\n\n");
        double others = runs.stream().mapToDouble(run -> run.load().othersBusyCores()).max().orElse(0);
        if (others > OTHERS_LIMIT) {
            out.append(String.format(Locale.ROOT, "**Loaded machine:** other processes kept up to %.2f of the %d cores "
                + "busy during a drain: these figures say what works, not what it costs.%n%n", others, cores));
        }
        out.append("Nodes: the prod profile and application.yml's job executor, an idle executor looking every second at"
            + " most, 10 connections kept open of the pool's 20 (" + String.join(" ", MEASUREMENT) + "), JVM "
            + String.join(" ", NODE_JVM)
            + "; e-mail on, to a local SMTP server.\n\n");
        out.append("| nodes | drained (release to last notice) | reminders/s | per node | green jobs by node "
            + "| e-mails by node | e-mails all sent, after the drain |\n|---:|---:|---:|---:|---|---|---:|\n");
        for (Run run : runs) {
            out.append(String.format(Locale.ROOT, "| %d | %.1f s (release %.2f s) | %.0f | %.0f | %s | %s | %.1f s |%n",
                run.nodes(), run.drainSeconds(), run.releaseSeconds(), run.rate(measures),
                run.rate(measures) / run.nodes(), run.jobsByNode(), run.sentByNode(), run.mailSeconds()));
        }
        Optional<Run> one = runs.stream().filter(r -> r.nodes() == 1).findFirst();
        Optional<Run> two = runs.stream().filter(r -> r.nodes() == 2).findFirst();
        if (one.isPresent() && two.isPresent()) {
            double ratio = two.get().rate(measures) / one.get().rate(measures);
            out.append(String.format(Locale.ROOT, "%nTwo nodes ÷ one node: **%.2f×** (target ≥ %.1f×: %s).%n", ratio,
                RATIO_TARGET, ratio >= RATIO_TARGET ? "met" : "missed"));
        }
        out.append("\nThe drain's profile, per reminder unless said (pg_stat_database of the run's database: its"
            + " commits and active time without the watcher's own, its tuples read with the watcher's looks every "
            + LOOK_MILLIS + " ms; CPU from /proc: the database's backends, every PostgreSQL process, the nodes'"
            + " JVMs, the machine's " + cores + " cores with every other process on them):\n\n");
        out.append("| nodes | commits | rollbacks | tuples written | tuples read (returned + fetched) | blocks read "
            + "(not in shared buffers) | deadlocks | backends active (active_time) | backends' CPU | PostgreSQL's CPU, cores "
            + "busy (database's backends / whole server) | nodes' CPU | nodes' CPU, cores busy | machine, cores busy "
            + "(other processes') |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            ServerLoad.Delta d = run.load();
            out.append(String.format(Locale.ROOT,
                "| %d | %.1f | %.2f | %.1f | %.0f | %.2f | %d | %.2f ms | %.2f ms | %.2f / %.2f | %.2f ms | %.2f | %.2f of %d (%.2f) |%n",
                run.nodes(), run.commits() / (double) measures, d.counter("xact_rollback") / (double) measures,
                d.tuplesWritten() / (double) measures,
                (d.counter("tup_returned") + d.counter("tup_fetched")) / (double) measures,
                d.counter("blks_read") / (double) measures, d.counter("deadlocks"),
                run.activeMillis() / measures, d.backendCpuSeconds() * 1000 / measures,
                d.backendCpuSeconds() / d.seconds(), d.serverCpuSeconds() / d.seconds(),
                d.nodeCpuSeconds() * 1000 / measures, d.nodeCpuSeconds() / d.seconds(), d.machineBusyCores(), cores,
                d.othersBusyCores()));
        }
        out.append(tables(measures));
        out.append("\n").append(thirdNode(measures, cores)).append("\n");
        log.appendTo(out);
        return out.toString();
    }

    /** The tables the drain of the most nodes read most, per reminder (pg_stat_user_tables; the watcher's looks in). */
    private String tables(int measures) {
        if (runs.isEmpty()) {
            return "";
        }
        Run last = runs.get(runs.size() - 1);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nThe tables the drain on %d node(s) read "
            + "most, per reminder (pg_stat_user_tables; the watcher's looks, every %d ms, read measure and "
            + "supervision_notice, at the end act_ru_job and act_ru_jobdef):%n%n| table | sequential scans | rows they read "
            + "| index scans | rows fetched | rows written |%n|---|---:|---:|---:|---:|---:|%n", last.nodes(), LOOK_MILLIS));
        last.load().tables().entrySet().stream()
            .sorted(Map.Entry.<String, ServerLoad.Table>comparingByValue(
                Comparator.comparingLong(ServerLoad.Table::rowsRead)).reversed())
            .limit(TABLES).forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.1f | %.0f | %.2f |%n",
                e.getKey(), e.getValue().seqScans() / (double) measures, e.getValue().seqRowsRead() / (double) measures,
                e.getValue().indexScans() / (double) measures, e.getValue().indexRowsFetched() / (double) measures,
                e.getValue().rowsWritten() / (double) measures)));
        return out.toString();
    }

    /**
     * Where a further node stops helping, derived from the run of the most nodes: PostgreSQL can run at most
     * (its cores ÷ its CPU per reminder) reminders a second, and at most (its backends' active time per reminder)
     * in the time a busy backend has; each node adds about one node's rate until the database's share nears that.
     */
    private String thirdNode(int measures, int cores) {
        if (runs.isEmpty()) {
            return "";
        }
        Run last = runs.get(runs.size() - 1);
        Run first = runs.get(0);
        double cpuPerReminder = last.load().backendCpuSeconds() / measures;
        if (cpuPerReminder <= 0) {
            return "Where a further node stops helping: not derived (no CPU time of the database's backends read).";
        }
        double perNode = first.rate(measures) / first.nodes();
        StringBuilder out = new StringBuilder("Where a further node stops helping (derived, not measured): with ");
        out.append(String.format(Locale.ROOT, "%d node(s) PostgreSQL's backends spent %.2f ms of CPU per reminder, so "
                + "PostgreSQL with the machine's %d cores to itself would run at most %.0f reminders/s, with 4 cores %.0f,"
                + " with 8 cores %.0f. One node ran %.0f reminders/s here: on such a database, node %d would be the last"
                + " to add a whole node's rate (%d cores), node %d (4 cores), node %d (8 cores). ",
            last.nodes(), cpuPerReminder * 1000, cores, cores / cpuPerReminder, 4 / cpuPerReminder, 8 / cpuPerReminder,
            perNode, nodesUntil(cores / cpuPerReminder, perNode), cores, nodesUntil(4 / cpuPerReminder, perNode),
            nodesUntil(8 / cpuPerReminder, perNode)));
        out.append(String.format(Locale.ROOT, "The database's share of the drain: its backends kept %.2f cores busy "
                + "with CPU and were active (executing statements, waiting for locks and disk included) %.2f backends'"
                + " worth on average, with %d node(s). ", last.load().backendCpuSeconds() / last.load().seconds(),
            last.activeMillis() / 1000.0 / last.load().seconds(), last.nodes()));
        out.append(String.format(Locale.ROOT, "The machine's cores were %.0f %% busy during that drain: where they are "
                + "all busy, the nodes and PostgreSQL share them, and this machine cannot say what a node on a host of "
                + "its own adds.", 100 * last.load().machineBusyCores() / cores));
        return out.toString();
    }

    /** The number of nodes of {@code perNode} each whose sum stays within {@code ceiling}, at least 1. */
    private static long nodesUntil(double ceiling, double perNode) {
        return Math.max(1, (long) Math.floor(ceiling / perNode));
    }
}
