package org.rectiflow.identity;

import java.util.List;

/** A users file (YAML): users with their unit role and group memberships. Never holds passwords. */
public record UsersFile(List<User> users) {

    public enum UnitRole { LIAISON, HEAD }

    public record User(String id, String firstName, String lastName, String email, String title, String unit,
                       UnitRole role, List<String> groups) {

        public User {
            groups = groups == null ? List.of() : groups;
        }

        public String displayName() {
            return (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
        }
    }

    public UsersFile {
        users = users == null ? List.of() : users;
    }
}
