package org.rectiflow.identity;

import java.util.List;

/**
 * A users file (YAML): users with their unit role and group memberships. Never holds passwords. A person's name is
 * its family name (姓) and given name (名); the engine keeps them as its first and last name, in that order, so that
 * the webapps, which show "first last", show 王 明 ({@link PersonNames}).
 */
public record UsersFile(List<User> users) {

    public enum UnitRole { LIAISON, HEAD }

    public record User(String id, String familyName, String givenName, String email, String title, String unit,
                       UnitRole role, List<String> groups) {

        public User {
            groups = groups == null ? List.of() : groups;
        }

        public String displayName() {
            return PersonNames.display(familyName, givenName);
        }
    }

    public UsersFile {
        users = users == null ? List.of() : users;
    }
}
