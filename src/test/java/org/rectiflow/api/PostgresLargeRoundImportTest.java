package org.rectiflow.api;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The round of 1,000 problems and 3,000 measures, on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresLargeRoundImportTest extends LargeRoundImportTest {

    @Override
    protected int problems() {
        return 1000;
    }
}
