package org.rectiflow.ledger;

import org.springframework.stereotype.Component;

/**
 * Builds "insert this row unless its unique key is taken" for the tables keyed by a business key
 * (notices, notifications). A duplicate must not raise an error: on PostgreSQL an error aborts the
 * engine's whole transaction. H2 and PostgreSQL both take INSERT … SELECT … WHERE NOT EXISTS;
 * PostgreSQL also gets ON CONFLICT DO NOTHING, which settles a race between two nodes.
 */
@Component
public class InsertIfAbsent {

    private final boolean postgres;

    public InsertIfAbsent(LedgerDatabase database) {
        this.postgres = database.isPostgres();
    }

    /**
     * @param table   the table
     * @param columns its columns, the key column first
     * @return SQL taking the column values in order, then the key once more
     */
    public String sql(String table, String... columns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + placeholders
            + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + columns[0] + " = ?)";
        return postgres ? sql + " ON CONFLICT DO NOTHING" : sql;
    }
}
