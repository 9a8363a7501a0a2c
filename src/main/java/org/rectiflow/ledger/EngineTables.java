package org.rectiflow.ledger;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * For the ledger's Java migrations that read the engine's tables: on a new installation the ledger migrates before
 * the engine has created its ACT_* tables, so such a migration first asks whether they exist.
 */
public final class EngineTables {

    private EngineTables() {
    }

    /** Whether the table exists (its name as written, or in lower case as PostgreSQL keeps it). */
    public static boolean exist(Connection connection, String... names) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : names) {
            if (!exists(meta, name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean exists(DatabaseMetaData meta, String name) throws SQLException {
        for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
