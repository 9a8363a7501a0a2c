package org.rectiflow.demo;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The demo's report against the seed's figures on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles(value = {"demo", "test", "postgres"}, inheritProfiles = false)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresDemoSeedFiguresTest extends DemoSeedFiguresTest {
}
