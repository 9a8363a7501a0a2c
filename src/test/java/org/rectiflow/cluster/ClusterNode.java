package org.rectiflow.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.support.TestJvm;
import org.rectiflow.support.WebTest;

/**
 * One application node in a JVM of its own, started the way a server runs it ({@code prod} profile, its
 * own job executor and outbox dispatcher) on the test's classpath, and stopped gently or killed
 * ({@code kill -9}). Its output goes to {@code target/cluster-logs/<name>-<n>.log}. Public for the
 * benchmark of several nodes ({@code bench/ClusterBenchmark}).
 */
public final class ClusterNode implements AutoCloseable {

    /** The tests' JVM: a small heap, and the quick compiler only (the tests want a quick start, not speed). */
    private static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private static int started;

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ClusterNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a test's node on the database ({@link ClusterSettings#TEST_NODE}: short locks, a small job executor)
     * with the given extra settings ({@code --key=value}).
     */
    static ClusterNode start(String name, String databaseUrl, List<String> settings) throws IOException {
        List<String> all = new ArrayList<>(ClusterSettings.TEST_NODE);
        all.addAll(settings);
        return start(name, databaseUrl, TEST_JVM, all);
    }

    /**
     * Starts a node on the database with these JVM options and extra settings ({@code --key=value}, none of those
     * {@link ClusterSettings#node} sets); otherwise the settings of {@code application.yml} and the prod profile.
     */
    public static ClusterNode start(String name, String databaseUrl, List<String> jvmOptions, List<String> settings)
        throws IOException {
        int port = TestJvm.freePort();
        Path logs = Path.of("target", "cluster-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + "-" + (++started) + ".log");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=" + ClusterSettings.ZONE,
            "-cp", String.join(File.pathSeparator, TestJvm.classPathEntries()), RectiflowApplication.class.getName()));
        command.addAll(ClusterSettings.node(name, databaseUrl, port));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        return new ClusterNode(name, port, process, log);
    }

    public String name() {
        return name;
    }

    /** The node's JVM's process id. */
    public long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** Waits until the node answers its health check with UP. */
    public ClusterNode awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log.toAbsolutePath()
                    + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10))
                        .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250); // polling a starting process, not waiting for engine time
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see "
            + log.toAbsolutePath() + ":\n" + tail());
    }

    /**
     * The lock owner id of this node's job executor (a random id per start), which marks the jobs it has
     * acquired ({@code act_ru_job.lock_owner_}); read from the health check's details.
     */
    String lockOwner() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        JsonNode owner = new ObjectMapper().readTree(health.body()).findValue("lockOwner");
        if (owner == null || owner.asText().isBlank()) {
            throw new IllegalStateException(name + "'s health names no lock owner: " + health.body());
        }
        return owner.asText();
    }

    /**
     * Activates the suspended timer jobs of measure-execution through the REST API, as an operator would in
     * Cockpit: the storm starts.
     */
    public void releaseReminders() throws Exception {
        HttpResponse<String> answer = engineRest(HttpRequest.newBuilder(uri("/engine-rest/job-definition/suspended"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(
                "{\"processDefinitionKey\":\"measure-execution\",\"suspended\":false,\"includeJobs\":true}")));
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("releasing the reminders: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Asks the REST API once (how many job definitions measure-execution has), so that what its first call costs
     * (the REST application's start) is not counted in what is timed next.
     */
    public void warmUpRestApi() throws Exception {
        HttpResponse<String> answer = engineRest(HttpRequest.newBuilder(
            uri("/engine-rest/job-definition/count?processDefinitionKey=measure-execution")).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("asking the REST API: " + answer.statusCode() + " " + answer.body());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A call of the REST API as the administrator, bounded in time. */
    private static HttpResponse<String> engineRest(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request
            .header("Authorization", WebTest.basicAuth(ClusterSettings.ADMIN, ClusterSettings.ADMIN_PASSWORD))
            .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code kill -9}: no shutdown hook, no transaction finished, locks left in the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A gentle stop (SIGTERM): Spring closes the context and the job executor finishes its jobs. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static File logDirectory() {
        return Path.of("target", "cluster-logs").toFile();
    }
}
