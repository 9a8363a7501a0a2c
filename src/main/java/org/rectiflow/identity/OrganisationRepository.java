package org.rectiflow.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation as the ledger keeps it: units, key groups, people and memberships. */
@Repository
public class OrganisationRepository {

    public record Unit(String code, String name) {
    }

    public record KeyGroup(String code, String name, String leadUnitCode) {
    }

    public record Person(String userId, String displayName, String title, String email) {
    }

    private final JdbcClient jdbc;

    public OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveUnit(String code, String name, int order) {
        int updated = jdbc.sql("UPDATE org_unit SET name = ?, sort_order = ? WHERE code = ?")
            .params(name, order, code).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_unit (code, name, sort_order) VALUES (?, ?, ?)").params(code, name, order).update();
        }
    }

    public void saveKeyGroup(String code, String name, String leadUnit, int order) {
        int updated = jdbc.sql("UPDATE org_key_group SET name = ?, lead_unit_code = ?, sort_order = ? WHERE code = ?")
            .params(name, leadUnit, order, code).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_key_group (code, name, lead_unit_code, sort_order) VALUES (?, ?, ?, ?)")
                .params(code, name, leadUnit, order).update();
        }
    }

    public void saveUser(UsersFile.User user) {
        String role = user.role() == null ? null : user.role().name();
        int updated = jdbc.sql("""
                UPDATE org_user SET display_name = ?, title = ?, email = ?, unit_code = ?, unit_role = ?
                WHERE user_id = ?""")
            .params(user.displayName(), user.title(), user.email(), user.unit(), role, user.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO org_user (user_id, display_name, title, email, unit_code, unit_role)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                .params(user.id(), user.displayName(), user.title(), user.email(), user.unit(), role).update();
        }
    }

    public void saveMembership(String userId, String groupId) {
        jdbc.sql("""
                INSERT INTO org_membership (user_id, group_id) SELECT ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM org_membership WHERE user_id = ? AND group_id = ?)""")
            .params(userId, groupId, userId, groupId).update();
    }

    public List<Unit> units() {
        return jdbc.sql("SELECT code, name FROM org_unit ORDER BY sort_order, code")
            .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2))).list();
    }

    public Optional<Unit> unit(String code) {
        return jdbc.sql("SELECT code, name FROM org_unit WHERE code = ?").param(code)
            .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2))).optional();
    }

    public Optional<KeyGroup> keyGroup(String code) {
        return jdbc.sql("SELECT code, name, lead_unit_code FROM org_key_group WHERE code = ?").param(code)
            .query((rs, n) -> new KeyGroup(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    public List<KeyGroup> keyGroups() {
        return jdbc.sql("SELECT code, name, lead_unit_code FROM org_key_group ORDER BY sort_order, code")
            .query((rs, n) -> new KeyGroup(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<Person> person(String userId) {
        return jdbc.sql("SELECT user_id, display_name, title, email FROM org_user WHERE user_id = ?").param(userId)
            .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .optional();
    }

    /** The people of a unit in one role (liaisons or heads). */
    public List<String> unitMembers(String unitCode, UsersFile.UnitRole role) {
        return jdbc.sql("SELECT user_id FROM org_user WHERE unit_code = ? AND unit_role = ? ORDER BY user_id")
            .params(unitCode, role.name()).query(String.class).list();
    }

    /** The members of a role or key group. */
    public List<String> groupMembers(String groupId) {
        return jdbc.sql("SELECT user_id FROM org_membership WHERE group_id = ? ORDER BY user_id")
            .param(groupId).query(String.class).list();
    }

    /** The users of this display name (a workbook may name a leader by name), by id. */
    public List<String> userIdsNamed(String displayName) {
        return jdbc.sql("SELECT user_id FROM org_user WHERE display_name = ? ORDER BY user_id").param(displayName)
            .query(String.class).list();
    }
}
