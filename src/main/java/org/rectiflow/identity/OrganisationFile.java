package org.rectiflow.identity;

import java.util.List;

/** The organisation file (YAML): units, key rectification groups and role groups. */
public record OrganisationFile(Organisation organisation, List<RoleGroup> roleGroups, List<Group> units,
                               List<KeyGroup> keyGroups) {

    public record Organisation(String name, String shortName) {
    }

    /** An entry with an id (a Camunda group id) and a name. */
    public interface Entry {
        String id();

        String name();
    }

    /** A unit: id, name, and optionally its kind (类别, up to 20 characters) and parent unit (上级单位: a unit's id). */
    public record Group(String id, String name, String kind, String parent) implements Entry {

        public Group(String id, String name) {
            this(id, name, null, null);
        }
    }

    /**
     * A role group. {@code oversees} (default true): the group sees every unit's part of a round — Cockpit, every
     * instance and task, the whole summary and ledger (see {@link AccessPolicy}). A technical role (the process
     * owner) says {@code oversees: false}.
     */
    public record RoleGroup(String id, String name, Boolean oversees) implements Entry {

        /** Whether the group oversees every unit; true unless the file says false. */
        public boolean overseesAllUnits() {
            return oversees == null || oversees;
        }
    }

    public record KeyGroup(String id, String name, String leadUnit) {
    }

    public OrganisationFile {
        roleGroups = roleGroups == null ? List.of() : roleGroups;
        units = units == null ? List.of() : units;
        keyGroups = keyGroups == null ? List.of() : keyGroups;
    }
}
