package org.rectiflow.identity;

import org.camunda.bpm.engine.identity.User;

/**
 * A person's name in Chinese order. The Camunda webapps show a user as "first name, space, last name" everywhere
 * (the Tasklist's assignee and navbar, Cockpit, Admin's titles), so the engine's <em>first</em> name holds the family
 * name (姓) and its <em>last</em> name the given name (名): they show 王 明, and the Chinese Admin and profile forms
 * label the two fields 姓 and 名 in that order (locales/zh.json). The application itself prints 王明: the two parts
 * without a space when either is written in Chinese characters, else "first last" (a name such as Demo Admin).
 * The ledger's migration V19 turned the names stored the other way round before this convention.
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** 王明 for family name 王 and given name 明; "Demo Admin" for a Latin-script name. */
    public static String display(String familyName, String givenName) {
        String family = familyName == null ? "" : familyName.strip();
        String given = givenName == null ? "" : givenName.strip();
        return isChinese(family + given) ? family + given : (family + " " + given).strip();
    }

    /** The engine user's name ({@link User#getFirstName()} the family name, {@link User#getLastName()} the given). */
    public static String display(User user) {
        return display(user.getFirstName(), user.getLastName());
    }

    static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
