package org.rectiflow.organisation;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** 转办 before the measures start, on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresEarlyTransferTest extends EarlyTransferTest {
}
