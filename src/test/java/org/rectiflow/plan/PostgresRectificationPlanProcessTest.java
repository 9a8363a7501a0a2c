package org.rectiflow.plan;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Every path of rectification-plan.bpmn on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresRectificationPlanProcessTest extends RectificationPlanProcessTest {
}
