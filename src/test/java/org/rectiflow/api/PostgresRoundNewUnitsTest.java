package org.rectiflow.api;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** A round's new units (新增单位) on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresRoundNewUnitsTest extends RoundNewUnitsTest {
}
