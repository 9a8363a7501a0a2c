package org.rectiflow.inspection;

import org.junit.jupiter.api.Tag;
import org.rectiflow.support.PostgresTestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Ledger migration V12 on a new PostgreSQL database (./mvnw verify -Ppostgres). */
@Tag("postgres")
class PostgresWorkRecordMigrationTest extends WorkRecordMigrationTest {

    @Override
    protected DriverManagerDataSource emptyDatabase() {
        return PostgresTestDatabase.newDataSource();
    }
}
