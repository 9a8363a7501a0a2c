package org.rectiflow.evidence;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The evidence files on PostgreSQL (./mvnw verify -Ppostgres), ledger V16 included. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresEvidenceTest extends EvidenceTest {
}
