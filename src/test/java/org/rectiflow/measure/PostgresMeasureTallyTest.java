package org.rectiflow.measure;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The ledger's tally of measures on PostgreSQL (./mvnw verify -Ppostgres): its upsert, in key order, at commit. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresMeasureTallyTest extends MeasureTallyTest {
}
