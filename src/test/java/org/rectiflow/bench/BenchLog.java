package org.rectiflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark that reports rather than asserts keeps while it runs (the province and cluster runs): each phase's
 * wall-clock seconds, the invariants it found broken, its notes; and how it ends: its report printed and written to
 * {@code target/}, then the run failed if an invariant broke.
 */
final class BenchLog {

    /** Each phase's wall-clock seconds, for estimating a larger run's duration. */
    final Map<String, Double> phases = new LinkedHashMap<>();
    /** Broken invariants: the run fails with them, after its report. */
    final List<String> broken = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final String name;

    /** A benchmark's log, {@code name} in its printed lines ({@code province}, {@code cluster}). */
    BenchLog(String name) {
        this.name = name;
    }

    /** The phase begun at {@code startNanos} ends now: its seconds, kept and printed. */
    double phase(String phase, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        phases.put(phase, seconds);
        System.out.printf(Locale.ROOT, "[bench] %s phase: %s, %.1f s%n", name, phase, seconds);
        return seconds;
    }

    /** The report's end: the notes, the phases' table, the broken invariants. */
    void appendTo(StringBuilder out) {
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        out.append("\n| phase | seconds |\n|---|---:|\n");
        phases.forEach((phase, seconds) -> out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", phase, seconds)));
        if (!broken.isEmpty()) {
            out.append("\n**Broken:** ").append(String.join("; ", broken)).append("\n");
        }
    }

    /** Prints the report, writes it to {@code target/<file>}, and fails the run if an invariant broke. */
    void finish(String report, String file, Throwable failure) throws IOException {
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Path written = Path.of("target", file);
        Files.writeString(written, report, StandardCharsets.UTF_8);
        System.out.println("[bench] " + name + ": written to " + written.toAbsolutePath());
        if (!broken.isEmpty()) {
            throw new AssertionError(name + " benchmark: " + String.join("; ", broken), failure);
        }
    }
}
