package org.rectiflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What PostgreSQL and the application's nodes had done at one moment, read cheaply on this machine:
 * {@code pg_stat_database}'s counters of one database, the CPU time of that database's backends, of every process of
 * the PostgreSQL server and of each node's JVM ({@code /proc/<pid>/stat}), and the machine's ({@code /proc/stat}).
 * Two snapshots give a {@link Delta}. The CPU times are exact at the moment read; {@code pg_stat_database} gets a busy
 * backend's counters at most once a second (PostgreSQL 15), so a delta may miss a second's worth of work.
 *
 * @param counters   the database's {@code pg_stat_database} columns by name ({@code active_time} in ms)
 * @param tables     each table's reads and writes ({@code pg_stat_user_tables}), by name
 * @param backendCpu the CPU ticks of the database's backends (not the watcher's own), by process id
 * @param serverCpu  the CPU ticks of every {@code postgres} process on the machine (every database), by process id
 * @param nodeCpu    the CPU ticks of each node's JVM, by process id
 * @param ownCpu     the CPU ticks of this JVM (the benchmark's watcher, the SMTP server the nodes send to)
 * @param machineBusy  the machine's busy ticks, all cores ({@code /proc/stat})
 * @param machineTotal the machine's ticks, all cores
 */
record ServerLoad(long nanos, Map<String, Long> counters, Map<String, Table> tables, Map<Long, Long> backendCpu, Map<Long, Long> serverCpu,
                  Map<Long, Long> nodeCpu, long ownCpu, long machineBusy, long machineTotal) {

    /** The {@code pg_stat_database} counters read, summed over a delta. */
    static final List<String> COUNTERS = List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated",
        "tup_deleted", "tup_returned", "tup_fetched", "blks_read", "blks_hit", "deadlocks", "active_time");
    /** The statements {@link #read} runs, each a transaction of the watcher's in the counters. */
    static final int STATEMENTS = 3;
    /** Linux reports CPU time in ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    /** Reads the counters through the watcher's connection (one statement, one transaction) and the CPU times. */
    static ServerLoad read(Connection watcher, String database, List<Long> nodePids) throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        Map<Long, Long> backends = new HashMap<>();
        Map<String, Table> tables = new HashMap<>();
        try (PreparedStatement statement = watcher.prepareStatement("SELECT "
            + String.join(", ", COUNTERS.stream().map(c -> c + "::bigint").toList())
            + " FROM pg_stat_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("pg_stat_database has no row for " + database);
                }
                for (String counter : COUNTERS) {
                    counters.put(counter, rs.getLong(counter));
                }
            }
        }
        try (PreparedStatement statement = watcher.prepareStatement("SELECT relname, seq_scan, seq_tup_read, "
            + "COALESCE(idx_scan, 0), COALESCE(idx_tup_fetch, 0), n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.put(rs.getString(1), new Table(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)));
            }
        }
        try (PreparedStatement statement = watcher.prepareStatement(
            "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(1);
                    backends.put(pid, cpuTicks(pid));
                }
            }
        }
        Map<Long, Long> nodes = new HashMap<>();
        nodePids.forEach(pid -> nodes.put(pid, cpuTicks(pid)));
        long[] machine = machineTicks();
        return new ServerLoad(System.nanoTime(), counters, tables, backends, postgresProcesses(), nodes,
            cpuTicks(ProcessHandle.current().pid()), machine[0], machine[1]);
    }

    /** What happened between {@code before} and this snapshot. */
    Delta since(ServerLoad before) {
        Map<String, Long> counted = new LinkedHashMap<>();
        COUNTERS.forEach(c -> counted.put(c, counters.get(c) - before.counters.get(c)));
        Map<String, Table> tablesGrown = new HashMap<>();
        tables.forEach((name, table) -> tablesGrown.put(name,
            table.minus(before.tables.getOrDefault(name, new Table(0, 0, 0, 0, 0)))));
        return new Delta((nanos - before.nanos) / 1e9, counted, tablesGrown, grown(before.backendCpu, backendCpu),
            grown(before.serverCpu, serverCpu), grown(before.nodeCpu, nodeCpu),
            (ownCpu - before.ownCpu) / TICKS_PER_SECOND,
            machineBusy - before.machineBusy, machineTotal - before.machineTotal);
    }

    /** The CPU seconds the processes of {@code after} used since {@code before} (a process started since: all). */
    private static double grown(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum()
            / TICKS_PER_SECOND;
    }

    /**
     * Between two snapshots: the wall-clock seconds, the counters' growth, and CPU seconds: of the database's
     * backends, of the whole PostgreSQL server, of the nodes, of this JVM; the machine's busy and total ticks (all
     * cores).
     */
    record Delta(double seconds, Map<String, Long> counters, Map<String, Table> tables, double backendCpuSeconds, double serverCpuSeconds,
                 double nodeCpuSeconds, double ownCpuSeconds, long machineBusyTicks, long machineTicks) {

        long counter(String name) {
            return counters.get(name);
        }

        /** Tuples the database wrote: inserted, updated and deleted. */
        long tuplesWritten() {
            return counter("tup_inserted") + counter("tup_updated") + counter("tup_deleted");
        }

        /** The machine's cores kept busy on average (by every process, other builds' included). */
        double machineBusyCores() {
            return machineTicks == 0 ? 0 : Runtime.getRuntime().availableProcessors() * machineBusyTicks
                / (double) machineTicks;
        }

        /** The cores kept busy by everything but PostgreSQL, the nodes and this JVM: other builds, the system. */
        double othersBusyCores() {
            return Math.max(0, machineBusyCores() - (serverCpuSeconds + nodeCpuSeconds + ownCpuSeconds) / seconds);
        }
    }

    /**
     * A table's reads and writes ({@code pg_stat_user_tables}): sequential scans and the rows they read, index scans
     * and the rows they fetched, rows inserted, updated and deleted.
     */
    record Table(long seqScans, long seqRowsRead, long indexScans, long indexRowsFetched, long rowsWritten) {

        Table minus(Table before) {
            return new Table(seqScans - before.seqScans, seqRowsRead - before.seqRowsRead,
                indexScans - before.indexScans, indexRowsFetched - before.indexRowsFetched,
                rowsWritten - before.rowsWritten);
        }

        long rowsRead() {
            return seqRowsRead + indexRowsFetched;
        }
    }

    /** User and system CPU ticks of a process so far; 0 when it is gone or unreadable. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every process of the PostgreSQL server on this machine (its command name is {@code postgres}). */
    private static Map<Long, Long> postgresProcesses() {
        Map<Long, Long> cpu = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                .forEach(p -> {
                    try {
                        if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
                            long pid = Long.parseLong(p.getFileName().toString());
                            cpu.put(pid, cpuTicks(pid));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                });
        } catch (IOException e) {
            // no /proc: no CPU figures
        }
        return cpu;
    }

    /** The machine's busy and total ticks over all cores: the first line of {@code /proc/stat}. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is counted in user time already
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle, iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
