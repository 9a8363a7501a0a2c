package org.rectiflow.mechanism;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The mechanisms on PostgreSQL (./mvnw verify -Ppostgres), ledger V14 included. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresMechanismsTest extends MechanismsTest {
}
