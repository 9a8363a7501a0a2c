package org.rectiflow.identity;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The organisation as {@code /api/organisation} reads and changes it: role groups, units, key groups and the
 * people placed in them. GET answers the whole; PUT takes the entries to create or change (a list left out, or an
 * entry not listed, stays as it is), all or nothing ({@link OrganisationService#apply}). Codes are Camunda group
 * ids: ASCII letters and digits.
 */
public record Organisation(List<RoleGroup> roleGroups, List<Unit> units, List<KeyGroup> keyGroups,
                           List<Person> people) {

    /** A role group; {@code oversees} (default true for a new one): its members see every unit's part of a round. */
    public record RoleGroup(String code, String name, Boolean oversees) {
    }

    /**
     * A unit. A new name renames it (past measures keep its code and print the new name); {@code kind} (类别, free
     * text up to 20 characters) and {@code parent} (上级单位: a unit's code) are kept when left out and cleared by
     * {@code ""}; {@code retired: true} retires it (refused while it has open measures: transfer them first),
     * {@code false} brings it back. {@code mergedInto} (a unit's code) merges it into that unit: its open measures
     * are transferred there (转办, reason 单位合并), the key groups it leads and its people move there, its units come
     * under it, and it is retired with the merge recorded (GET shows it); its past measures keep it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(String code, String name, String kind, String parent, Boolean retired, String mergedInto) {

        public Unit(String code, String name, Boolean retired) {
            this(code, name, null, null, retired, null);
        }
    }

    /** A key rectification group and its lead unit. */
    public record KeyGroup(String code, String name, String leadUnit) {
    }

    /**
     * A Camunda user (created in Admin, with the password set there) placed in the organisation: title, unit and
     * role there (LIAISON or HEAD, who get the unit's notices; none for another member of the unit, as for one
     * added to the unit's group in Admin), and role or key groups. {@code name} is read only: Admin's last and first
     * name. {@code groups} left out keeps the memberships; given, it is the whole list (besides the unit).
     */
    public record Person(String userId, String name, String title, String unit, UsersFile.UnitRole role,
                         List<String> groups) {
    }

    public Organisation {
        roleGroups = roleGroups == null ? List.of() : roleGroups;
        units = units == null ? List.of() : units;
        keyGroups = keyGroups == null ? List.of() : keyGroups;
        people = people == null ? List.of() : people;
    }
}
