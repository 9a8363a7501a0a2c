package org.rectiflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectiflow.RectiflowApplication;
import org.rectiflow.bench.bare.BareCamundaApplication;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.TestJvm;

/**
 * The start-up figure: the wall time from launching the application in a JVM of its own until it is ready, on a
 * fresh database (the engine creates its schema, deploys, creates its administrator). Ready is
 * {@code GET /actuator/health/readiness} answering 200, which both applications answer without a login: Spring
 * Boot's readiness turns to accepting traffic when the application is ready, after its start-up runners (the
 * product's organisation import), so both are timed to the same point.
 * <p>
 * The product starts as a site runs it ({@link BenchRun#siteArguments}: the demo users, authorization on, the job
 * executor on), without demo data: the demo round is loaded only under the {@code demo} profile
 * ({@code demo/DemoRoundLoader}), which is not active. The bare application is {@link BareCamundaApplication}: the
 * Camunda starter with the webapps and the REST API, on a classpath without the product's own classes and
 * resources. Both JVMs get the same options; their output goes to {@code target/startup-logs/}.
 */
final class StartupTime {

    /** A start-up that takes longer fails. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 25;
    private static final Path LOGS = Path.of("target", "startup-logs");
    /** The same for both applications: a site's heap size order, the office's zone (as the image sets TZ). */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
        "-Duser.timezone=" + BenchRun.ZONE.getId());
    private static final String BARE_CONFIG = "--spring.config.location=classpath:/bench-bare/application.yml";

    private static int started;

    /** A fresh database: where the application connects. */
    private record Target(String url, String user, String password) {

        List<String> arguments() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
        }
    }

    private StartupTime() {
    }

    /**
     * The median of {@code times} start-ups, in seconds, each on a fresh database.
     *
     * @param product the product ({@link RectiflowApplication}) or the bare app ({@link BareCamundaApplication})
     */
    static double medianSeconds(BenchRun.Database database, boolean product, int times)
        throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            seconds.add(seconds(database, product));
        }
        return Stats.median(seconds);
    }

    /**
     * One start-up on a fresh database, in seconds: from {@link ProcessBuilder#start()} until the readiness check
     * answers 200. Then the application is stopped, what it deployed is checked and an H2 database is deleted.
     * Fails if the application stops while starting or is not ready within {@link #TIMEOUT}.
     *
     * @param product the product ({@link RectiflowApplication}) or the bare app ({@link BareCamundaApplication})
     */
    static double seconds(BenchRun.Database database, boolean product) throws IOException, InterruptedException {
        int port = TestJvm.freePort();
        Path h2Directory = database == BenchRun.Database.H2 ? Files.createTempDirectory("rectiflow-startup-h2") : null;
        try {
            // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would otherwise close the database under the engine's
            // closing (errors in the log after the figure, nothing else)
            Target target = h2Directory != null
                ? new Target("jdbc:h2:file:" + h2Directory.resolve("x") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
                    "sa", "")
                : new Target(PostgresTestDatabase.newDatabase(), PostgresTestDatabase.user(),
                    PostgresTestDatabase.password());
            List<String> args = product ? productArguments(port) : bareArguments(port);
            args.addAll(target.arguments());
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(database.name().toLowerCase(Locale.ROOT) + "-" + (product ? "product" : "bare")
                + "-" + (++started) + ".log").toAbsolutePath();
            // the working directory is the log directory: nothing the application might write lands in the project
            ProcessBuilder builder = new ProcessBuilder(command(product, args)).directory(LOGS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
            double seconds;
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                seconds = awaitReady(process, port, start, log);
            } finally {
                stop(process);
            }
            requireDeployments(product, target);
            System.out.printf(Locale.ROOT, "[bench] start-up %s %s: %.2f s (log %s)%n", database,
                product ? "product" : "bare", seconds, log);
            return seconds;
        } finally {
            if (h2Directory != null) {
                try (Stream<Path> files = Files.walk(h2Directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** The product as a site runs it (BenchRun's settings, the job executor on) on the given port. */
    private static List<String> productArguments(int port) {
        List<String> args = new ArrayList<>(BenchRun.siteArguments(true));
        args.removeIf(arg -> arg.startsWith("--server.port="));
        args.add("--server.port=" + port);
        // the readiness group of the health endpoint (off by default outside Kubernetes), as the bare app has it
        args.add("--management.endpoint.health.probes.enabled=true");
        return args;
    }

    /** The bare app: its own configuration only, on the given port. */
    private static List<String> bareArguments(int port) {
        return new ArrayList<>(List.of(BARE_CONFIG, "--server.port=" + port, "--server.address=127.0.0.1"));
    }

    /** {@code java <options> -cp <classpath> <main class> <arguments>}, with this JVM's java. */
    private static List<String> command(boolean product, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classPath(product));
        command.add((product ? RectiflowApplication.class : BareCamundaApplication.class).getName());
        command.addAll(args);
        return command;
    }

    /** Polls the readiness check until it answers 200; returns the seconds since {@code start}. */
    private static double awaitReady(Process process, int port, long start, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = start + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting (exit code "
                    + process.exitValue() + "); see " + log + ":\n" + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL_MILLIS); // polling a starting process
        }
        throw new IllegalStateException("the application was not ready within " + TIMEOUT + "; see " + log + ":\n"
            + tail(log));
    }

    /**
     * What the start-up deployed, read from the database once the application has stopped: the product its
     * diagrams, the bare app nothing (the product's diagrams are on the test classpath, and the Camunda starter
     * deploys every diagram it finds unless told not to).
     */
    private static void requireDeployments(boolean product, Target target) {
        String url = target.url().startsWith("jdbc:h2:") ? target.url() + ";IFEXISTS=TRUE" : target.url();
        try (Connection connection = DriverManager.getConnection(url, target.user(), target.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM ACT_RE_PROCDEF")) {
            rs.next();
            long definitions = rs.getLong(1);
            if (product ? definitions == 0 : definitions != 0) {
                throw new IllegalStateException((product ? "the product" : "the bare app") + " deployed "
                    + definitions + " process definitions");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the process definitions in " + target.url() + ": " + e.getMessage(), e);
        }
    }

    /** A gentle stop (SIGTERM), then a kill if the application takes more than a minute to close. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * The test's classpath ({@link TestJvm#classPathEntries}); the bare app's leaves out the product's own classes
     * and resources (its diagrams, its {@code spring.factories}, its webapp overrides): only the libraries and the
     * test classes remain.
     */
    private static String classPath(boolean product) {
        Path productClasses = productClasses();
        return TestJvm.classPathEntries().stream()
            .filter(entry -> product || !Path.of(entry).toAbsolutePath().normalize().equals(productClasses))
            .collect(Collectors.joining(File.pathSeparator));
    }

    /** Where the product's classes are loaded from: target/classes in a build. */
    private static Path productClasses() {
        try {
            return Path.of(RectiflowApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
