package org.rectiflow.ledger;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A ledger migration written in Java (one that reads the engine's tables, see {@link EngineTables}): its version,
 * its description, and the version as its checksum (Flyway compares it with the one recorded when it ran). A Spring
 * bean, so Spring Boot hands it to Flyway with the SQL migrations of {@code db/ledger}.
 */
public abstract class LedgerJavaMigration implements JavaMigration {

    private final int version;
    private final String description;

    protected LedgerJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
