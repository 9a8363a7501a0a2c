package org.rectiflow.bottleneck;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The bottleneck figures on PostgreSQL (./mvnw verify -Ppostgres): the same SQL, percentiles and lights. */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresBottleneckApiTest extends BottleneckApiTest {
}
