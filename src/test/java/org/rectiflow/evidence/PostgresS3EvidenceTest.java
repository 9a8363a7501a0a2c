package org.rectiflow.evidence;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The evidence files in the object store with the ledger on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresS3EvidenceTest extends S3EvidenceTest {
}
