package org.rectiflow.report;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The seed round's public report at three stages on PostgreSQL (./mvnw verify -Ppostgres), ledger V12 included. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresProgressReportStagesTest extends ProgressReportStagesTest {
}
