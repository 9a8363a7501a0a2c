package org.rectiflow.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.rectiflow.ledger.EngineTables;
import org.rectiflow.ledger.LedgerJavaMigration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Ledger migration V19: people's names in Chinese order ({@link PersonNames}). Before it the engine's first name held
 * the given name (名) and its last name the family name (姓), as the Admin form labelled them then, so the webapps
 * showed 明 王. It swaps the two for every engine user whose name is written in Chinese characters, except the
 * administrator configured by {@code camunda.bpm.admin-user} (its names came from settings such as 系统 / 管理员,
 * already in this order). A new installation has no engine tables yet when the ledger migrates (the engine creates them after): nothing to
 * do. The ledger's copy of each name (org_user) is written as {@link PersonNames} prints it. A Spring bean, so Spring Boot hands it to Flyway with the SQL migrations of {@code db/ledger}.
 */
@Component
public class ChineseNameOrderMigration extends LedgerJavaMigration {

    private final String administrator;

    public ChineseNameOrderMigration(Environment environment) {
        super(19, "chinese name order");
        this.administrator = environment.getProperty("camunda.bpm.admin-user.id");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!EngineTables.exist(connection, "ACT_ID_USER")) {
            return;
        }
        record Name(String id, String first, String last) {
        }
        List<Name> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT ID_, FIRST_, LAST_ FROM ACT_ID_USER");
             ResultSet rows = select.executeQuery();
             PreparedStatement user = connection.prepareStatement(
                 "UPDATE ACT_ID_USER SET FIRST_ = ?, LAST_ = ? WHERE ID_ = ?")) {
            while (rows.next()) {
                Name name = new Name(rows.getString(1), rows.getString(2), rows.getString(3));
                String whole = (name.first() == null ? "" : name.first()) + (name.last() == null ? "" : name.last());
                boolean swap = PersonNames.isChinese(whole) && !name.id().equals(administrator);
                names.add(swap ? new Name(name.id(), name.last(), name.first()) : name);
                if (swap) {
                    user.setString(1, name.last());
                    user.setString(2, name.first());
                    user.setString(3, name.id());
                    user.addBatch();
                }
            }
            user.executeBatch();
        }
        // the ledger's copy of every name, as the application prints it now (it wrote family + given without a
        // space for every name before, Latin ones included)
        try (PreparedStatement ledger = connection.prepareStatement(
            "UPDATE org_user SET display_name = ? WHERE user_id = ?")) {
            for (Name name : names) {
                String display = PersonNames.display(name.first(), name.last());
                ledger.setString(1, display.isEmpty() ? name.id() : display);
                ledger.setString(2, name.id());
                ledger.addBatch();
            }
            ledger.executeBatch();
        }
    }
}
