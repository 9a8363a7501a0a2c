package org.rectiflow.identity;

import java.util.List;

/** The organisation file (YAML): units, key rectification groups and role groups. */
public record OrganisationFile(Organisation organisation, List<Group> roleGroups, List<Group> units,
                               List<KeyGroup> keyGroups) {

    public record Organisation(String name, String shortName) {
    }

    public record Group(String id, String name) {
    }

    public record KeyGroup(String id, String name, String leadUnit) {
    }

    public OrganisationFile {
        roleGroups = roleGroups == null ? List.of() : roleGroups;
        units = units == null ? List.of() : units;
        keyGroups = keyGroups == null ? List.of() : keyGroups;
    }
}
