package org.rectiflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For the PostgreSQL suite: creates a fresh database on the local server once per test JVM and points
 * {@code rectiflow.test.postgres.url} at it. The server comes from RECTIFLOW_TEST_PG_HOST/PORT/USER/PASSWORD
 * (default 127.0.0.1:5432, user postgres, trust authentication).
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String DATABASE = "rectiflow_it";
    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("postgres-test-database", Map.of("rectiflow.test.postgres.url", url())));
    }

    public static synchronized String url() {
        if (url == null) {
            String host = env("RECTIFLOW_TEST_PG_HOST", "127.0.0.1");
            String port = env("RECTIFLOW_TEST_PG_PORT", "5432");
            String server = "jdbc:postgresql://" + host + ":" + port + "/";
            try (Connection connection = DriverManager.getConnection(server + "postgres",
                env("RECTIFLOW_TEST_PG_USER", "postgres"), env("RECTIFLOW_TEST_PG_PASSWORD", ""));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the PostgreSQL test database on " + server
                    + " (is the server running?): " + e.getMessage(), e);
            }
            url = server + DATABASE;
        }
        return url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
