package org.rectiflow.evidence;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The other subjects' evidence files on PostgreSQL (./mvnw verify -Ppostgres), ledger V18 included. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresSubjectEvidenceTest extends SubjectEvidenceTest {
}
