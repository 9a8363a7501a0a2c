package org.rectiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The application's connections to PostgreSQL run without JIT compilation ({@link PostgresJitOff}). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresConnectionsTest extends WebTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theApplicationsConnectionsRunWithJitOff() {
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
    }
}
