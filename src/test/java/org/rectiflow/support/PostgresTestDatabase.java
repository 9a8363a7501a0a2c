package org.rectiflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For the PostgreSQL suite: gives every application context a database of its own, created afresh on
 * the local server (the databases of an earlier run are dropped first), and points
 * {@code rectiflow.test.postgres.url} at it. The server comes from RECTIFLOW_TEST_PG_HOST, _PORT, _USER
 * and _PASSWORD (default 127.0.0.1:5432, user postgres, trust authentication).
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PREFIX = "rectiflow_it_";
    /** This test JVM's databases: rectiflow_it_<pid>_<n>, so that parallel runs leave each other's alone. */
    private static final String OWN_PREFIX = PREFIX + ProcessHandle.current().pid() + "_";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static boolean cleaned;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = create(OWN_PREFIX + NEXT.incrementAndGet());
        context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("postgres-test-database", Map.of("rectiflow.test.postgres.url", url)));
    }

    /** A new, empty database on the local server, for a test that starts the application itself. */
    public static String newDatabase() {
        return create(OWN_PREFIX + NEXT.incrementAndGet());
    }

    /**
     * A benchmark's own database by its name, dropped and made again (a benchmark keeps it after its run, for a look
     * with psql, and drops it at its next).
     */
    public static String namedDatabase(String name) {
        return create(name);
    }

    /**
     * A benchmark's own database by its name, dropped and made again as a copy of another ({@code CREATE DATABASE …
     * TEMPLATE}, a file copy: nobody may be connected to the template).
     */
    public static String copyOf(String template, String name) {
        return create(name, template);
    }

    /** Drops a benchmark's own database ({@link #namedDatabase}). */
    public static void drop(String name) {
        try (Connection connection = DriverManager.getConnection(server() + "postgres", user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The local server's JDBC address, without a database. */
    private static String server() {
        return "jdbc:postgresql://" + env("RECTIFLOW_TEST_PG_HOST", "127.0.0.1") + ":"
            + env("RECTIFLOW_TEST_PG_PORT", "5432") + "/";
    }

    private static String create(String database) {
        return create(database, null);
    }

    /** Drops and creates the database, empty or as a copy of {@code template} (when not null). */
    private static synchronized String create(String database, String template) {
        String server = server();
        try (Connection connection = DriverManager.getConnection(server + "postgres", user(), password());
             Statement statement = connection.createStatement()) {
            if (!cleaned) {
                // the databases of earlier runs, not those of a run still going on beside this one
                List<String> old = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
                for (String name : old) {
                    if (!ownerAlive(name)) {
                        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                }
                cleaned = true;
            }
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + (template == null ? " ENCODING 'UTF8'"
                : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL test database on " + server
                + " (is the server running?): " + e.getMessage(), e);
        }
        return server + database;
    }

    /** True when the test JVM that created the database still runs on this machine. */
    private static boolean ownerAlive(String database) {
        String[] parts = database.substring(PREFIX.length()).split("_");
        try {
            return parts.length == 2 && ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive)
                .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A new, empty database on the local server as a data source, for a test that migrates it itself. */
    public static DriverManagerDataSource newDataSource() {
        return new DriverManagerDataSource(newDatabase(), user(), password());
    }

    /** The {@code --spring.datasource.*} arguments of an application started on this database. */
    public static List<String> datasourceArguments(String url) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
            "--spring.datasource.password=" + (password().isEmpty() ? "unused-with-trust-auth" : password()));
    }

    /** The user the test databases are created and used with. */
    public static String user() {
        return env("RECTIFLOW_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("RECTIFLOW_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
