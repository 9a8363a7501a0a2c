package org.rectiflow.identity;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisation as the ledger keeps it: role groups, units, key groups, people and memberships. A retired
 * unit stays (its past measures keep it) but is no longer a unit a round or a transfer may name; a person
 * removed in Admin stays as the name on past measures but is no longer a leader a round may name.
 */
@Repository
public class OrganisationRepository {

    public record Unit(String code, String name) {
    }

    public record KeyGroup(String code, String name, String leadUnitCode) {
    }

    public record Person(String userId, String displayName, String title, String email) {
    }

    /** A role group: a Camunda group the diagrams name; {@code oversees}: it sees every unit (AccessPolicy). */
    public record RoleGroup(String code, String name, boolean oversees) {
    }

    /**
     * A unit as the organisation API shows it, retired or not: its kind (类别) and parent unit (上级单位) or null, and
     * the unit it was merged into (null unless it was).
     */
    public record UnitEntry(String code, String name, String kind, String parentCode, boolean retired,
                            String mergedIntoCode) {
    }

    /** A person in the ledger (a Camunda user): title, unit and role there, and memberships. */
    public record Member(String userId, String displayName, String title, String email, String unitCode,
                         UsersFile.UnitRole role) {
    }

    private final JdbcClient jdbc;

    public OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveUnit(String code, String name, String kind, int order) {
        int updated = jdbc.sql("UPDATE org_unit SET name = ?, kind = ?, sort_order = ? WHERE code = ?")
            .params(name, kind, order, code).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_unit (code, name, kind, sort_order) VALUES (?, ?, ?, ?)")
                .params(code, name, kind, order).update();
        }
    }

    /** Sets a unit's kind (null: none). */
    public void setKind(String code, String kind) {
        jdbc.sql("UPDATE org_unit SET kind = ? WHERE code = ?").params(kind, code).update();
    }

    /** Sets a unit's parent (null: none); the parent exists already (a foreign key). */
    public void setParent(String code, String parentCode) {
        jdbc.sql("UPDATE org_unit SET parent_code = ? WHERE code = ?").params(parentCode, code).update();
    }

    /** The units under {@code from} go under {@code to} (a merge), except {@code to} itself. */
    public void moveChildren(String from, String to) {
        jdbc.sql("UPDATE org_unit SET parent_code = ? WHERE parent_code = ? AND code <> ?").params(to, from, to)
            .update();
    }

    /** Retires a unit merged into another, recording which. */
    public void mergeUnit(String code, String into, Timestamp at) {
        jdbc.sql("UPDATE org_unit SET retired_at = ?, merged_into_code = ? WHERE code = ?").params(at, into, code)
            .update();
    }

    /** The key groups {@code from} leads get {@code to} as lead unit (a merge). */
    public void replaceLeadUnit(String from, String to) {
        jdbc.sql("UPDATE org_key_group SET lead_unit_code = ? WHERE lead_unit_code = ?").params(to, from).update();
    }

    public void saveRoleGroup(String code, String name, boolean oversees, int order) {
        int updated = jdbc.sql("UPDATE org_role_group SET name = ?, oversees = ?, sort_order = ? WHERE code = ?")
            .params(name, oversees, order, code).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_role_group (code, name, oversees, sort_order) VALUES (?, ?, ?, ?)")
                .params(code, name, oversees, order).update();
        }
    }

    /** Renames a unit, keeping its place; past measures keep its code and print the new name. */
    public void renameUnit(String code, String name) {
        jdbc.sql("UPDATE org_unit SET name = ? WHERE code = ?").params(name, code).update();
    }

    /** Adds a unit at the end of the list. */
    public void addUnit(String code, String name) {
        jdbc.sql("""
                INSERT INTO org_unit (code, name, sort_order)
                SELECT ?, ?, COALESCE(MAX(sort_order), -1) + 1 FROM org_unit""").params(code, name).update();
    }

    public void retireUnit(String code, Timestamp at) {
        jdbc.sql("UPDATE org_unit SET retired_at = ? WHERE code = ? AND retired_at IS NULL").params(at, code).update();
    }

    public void reviveUnit(String code) {
        jdbc.sql("UPDATE org_unit SET retired_at = NULL, merged_into_code = NULL WHERE code = ?").param(code).update();
    }

    /** Adds a key group at the end of the list, or changes its name and lead unit. */
    public void putKeyGroup(String code, String name, String leadUnit) {
        int updated = jdbc.sql("UPDATE org_key_group SET name = ?, lead_unit_code = ? WHERE code = ?")
            .params(name, leadUnit, code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO org_key_group (code, name, lead_unit_code, sort_order)
                    SELECT ?, ?, ?, COALESCE(MAX(sort_order), -1) + 1 FROM org_key_group""")
                .params(code, name, leadUnit).update();
        }
    }

    /** Adds a role group at the end of the list, or changes its name and whether it oversees. */
    public void putRoleGroup(String code, String name, boolean oversees) {
        int updated = jdbc.sql("UPDATE org_role_group SET name = ?, oversees = ? WHERE code = ?")
            .params(name, oversees, code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO org_role_group (code, name, oversees, sort_order)
                    SELECT ?, ?, ?, COALESCE(MAX(sort_order), -1) + 1 FROM org_role_group""")
                .params(code, name, oversees).update();
        }
    }

    public List<RoleGroup> roleGroups() {
        return jdbc.sql("SELECT code, name, oversees FROM org_role_group ORDER BY sort_order, code")
            .query((rs, n) -> new RoleGroup(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** Every unit, the retired ones too, in the organisation's order. */
    public List<UnitEntry> allUnits() {
        return jdbc.sql("""
                SELECT code, name, kind, parent_code, retired_at, merged_into_code FROM org_unit
                ORDER BY sort_order, code""")
            .query((rs, n) -> new UnitEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5) != null, rs.getString(6))).list();
    }

    /**
     * A user of the engine, as the ledger follows it (identity/LedgerUsersPlugin): created or renamed in Admin
     * or through the REST API. Keeps the person's title, unit and role; a removed user created again is back.
     */
    public void followUser(String userId, String displayName, String email) {
        String name = displayName == null || displayName.isBlank() ? userId : displayName;
        int updated = jdbc.sql("UPDATE org_user SET display_name = ?, email = ?, removed_at = NULL WHERE user_id = ?")
            .params(name, email, userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_user (user_id, display_name, email) VALUES (?, ?, ?)")
                .params(userId, name, email).update();
        }
    }

    /** A user deleted from the engine: no unit, role or membership, but the name stays for past measures. */
    public void removeUser(String userId, Timestamp at) {
        jdbc.sql("DELETE FROM org_membership WHERE user_id = ?").param(userId).update();
        jdbc.sql("UPDATE org_user SET unit_code = NULL, unit_role = NULL, removed_at = ? WHERE user_id = ?")
            .params(at, userId).update();
    }

    /** Sets a person's title, unit and role in the unit (all three may be null). */
    public void placeUser(String userId, String title, String unitCode, UsersFile.UnitRole role) {
        jdbc.sql("UPDATE org_user SET title = ?, unit_code = ?, unit_role = ? WHERE user_id = ?")
            .params(title, unitCode, role == null ? null : role.name(), userId).update();
    }

    /** A user who joined a unit's group in Admin, without a unit so far, belongs to that unit (no role yet). */
    public void joinUnitIfNone(String userId, String unitCode) {
        jdbc.sql("UPDATE org_user SET unit_code = ? WHERE user_id = ? AND unit_code IS NULL AND EXISTS "
                + "(SELECT 1 FROM org_unit WHERE code = ?)")
            .params(unitCode, userId, unitCode).update();
    }

    public void deleteMembership(String userId, String groupId) {
        jdbc.sql("DELETE FROM org_membership WHERE user_id = ? AND group_id = ?").params(userId, groupId).update();
        jdbc.sql("UPDATE org_user SET unit_code = NULL, unit_role = NULL WHERE user_id = ? AND unit_code = ?")
            .params(userId, groupId).update();
    }

    /** The people in the ledger (not the removed ones), by id. */
    public List<Member> people() {
        return jdbc.sql("""
                SELECT user_id, display_name, title, email, unit_code, unit_role FROM org_user
                WHERE removed_at IS NULL ORDER BY user_id""")
            .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6) == null ? null : UsersFile.UnitRole.valueOf(rs.getString(6))))
            .list();
    }

    /** The groups a person belongs to in the ledger. */
    public List<String> membershipsOf(String userId) {
        return jdbc.sql("SELECT group_id FROM org_membership WHERE user_id = ? ORDER BY group_id").param(userId)
            .query(String.class).list();
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

    /** The units a round or a transfer may name: the ones not retired. */
    public List<Unit> units() {
        return jdbc.sql("SELECT code, name FROM org_unit WHERE retired_at IS NULL ORDER BY sort_order, code")
            .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2))).list();
    }

    /** A unit a round or a transfer may name: empty for an unknown or retired one. */
    public Optional<Unit> unit(String code) {
        return jdbc.sql("SELECT code, name FROM org_unit WHERE code = ? AND retired_at IS NULL").param(code)
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

    /** A person's name (姓名) as the ledger keeps it, also of one deleted in Admin since: empty for an unknown user. */
    public Optional<String> displayName(String userId) {
        return jdbc.sql("SELECT display_name FROM org_user WHERE user_id = ?").param(userId).query(String.class)
            .optional();
    }

    /** A person a round may name as leader: empty for an unknown user or one deleted in Admin. */
    public Optional<Person> person(String userId) {
        return jdbc.sql("SELECT user_id, display_name, title, email FROM org_user WHERE user_id = ? AND removed_at IS NULL")
            .param(userId)
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
        return jdbc.sql("SELECT user_id FROM org_user WHERE display_name = ? AND removed_at IS NULL ORDER BY user_id")
            .param(displayName)
            .query(String.class).list();
    }
}
