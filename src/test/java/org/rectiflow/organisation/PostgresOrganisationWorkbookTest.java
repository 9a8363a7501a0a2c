package org.rectiflow.organisation;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The organisation workbook on PostgreSQL (./mvnw verify -Ppostgres), ledger V15 included. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresOrganisationWorkbookTest extends OrganisationWorkbookTest {
}
