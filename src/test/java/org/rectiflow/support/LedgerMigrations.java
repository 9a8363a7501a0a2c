package org.rectiflow.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The ledger's Flyway migrations as the application runs them (application.yml's spring.flyway), up to a version. */
public final class LedgerMigrations {

    private LedgerMigrations() {
    }

    /** Migrates the database to this version of the ledger, for a test that writes rows of an older one first. */
    public static void migrateTo(DataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ledger").table("ledger_schema_history")
            .target(version).load().migrate();
    }
}
