package org.rectiflow.notification;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Ledger migrations V8 and V9 on a new PostgreSQL database (./mvnw verify -Ppostgres). */
@Tag("postgres")
class PostgresNotificationKeyMigrationTest extends NotificationKeyMigrationTest {

    @Override
    protected DriverManagerDataSource emptyDatabase() {
        return PostgresTestDatabase.newDataSource();
    }
}
