package org.rectiflow.scenario;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The demo scenario on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"demo", "test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresDemoScenarioTest extends DemoScenarioTest {
}
