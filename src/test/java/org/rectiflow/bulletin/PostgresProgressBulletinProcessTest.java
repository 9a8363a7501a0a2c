package org.rectiflow.bulletin;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Every path of progress-bulletin.bpmn on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresProgressBulletinProcessTest extends ProgressBulletinProcessTest {
}
