package org.rectiflow.ledger;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Which database the ledger is on, asked once at start: the few statements that H2 and PostgreSQL write differently
 * (an insert that tolerates a race between two nodes, an upsert) choose their form here.
 */
@Component
public class LedgerDatabase {

    private final boolean postgres;

    public LedgerDatabase(DataSource dataSource) throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase().contains("postgres");
    }

    /** True on PostgreSQL (production), false on H2. */
    public boolean isPostgres() {
        return postgres;
    }
}
