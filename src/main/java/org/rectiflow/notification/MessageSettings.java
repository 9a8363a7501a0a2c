package org.rectiflow.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a notifying step says and to whom, as its service task sets it in the diagram (the element
 * template's fields {@code notifyUnitRoles}, {@code notifyGroups}, {@code subject} and {@code body}).
 *
 * @param unitRecipients the roles told within the unit the message is about
 * @param groups         Camunda group ids (role groups such as {@code supervision}, or key groups) whose every
 *                       member is told
 * @param subject        the subject, with placeholders
 * @param body           the text, with placeholders; it is also the text a notice keeps in the ledger
 */
public record MessageSettings(Set<UnitRecipient> unitRecipients, List<String> groups, String subject, String body) {

    /** The value of {@code notifyUnitRoles} that tells no one in the unit, and of {@code notifyGroups} no group. */
    public static final String NONE = "NONE";

    public MessageSettings {
        unitRecipients = Set.copyOf(unitRecipients);
        groups = List.copyOf(groups);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A message needs a subject");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A message needs a body");
        }
    }

    /**
     * The settings from the fields' texts. A service task that sets none of them (a diagram deployed before
     * the element templates, whose instances may still run) gets the step's former behaviour, {@code legacy};
     * one that sets any must set the subject and the body, and {@link #NONE} or blank recipients (as a diagram
     * deployed before the templates' {@code NONE} may carry) mean none.
     */
    public static MessageSettings of(String unitRoles, String groups, String subject, String body,
                                     MessageSettings legacy) {
        if (blank(unitRoles) && blank(groups) && blank(subject) && blank(body)) {
            return legacy;
        }
        if (blank(subject)) {
            throw new IllegalArgumentException("The service task sets who is told but no subject (field subject)");
        }
        if (blank(body)) {
            throw new IllegalArgumentException("The service task sets who is told but no text (field body)");
        }
        return new MessageSettings(unitRecipients(unitRoles), groups(groups), subject.strip(), body.strip());
    }

    /** {@code LIAISON,HEAD}, {@code NONE} or blank (none); an unknown role is an error naming it. */
    public static Set<UnitRecipient> unitRecipients(String text) {
        Set<UnitRecipient> roles = EnumSet.noneOf(UnitRecipient.class);
        for (String item : items(text)) {
            if (item.equals(NONE)) {
                continue;
            }
            try {
                roles.add(UnitRecipient.valueOf(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown recipient role '" + item + "' in notifyUnitRoles; one of "
                    + Arrays.toString(UnitRecipient.values()) + " or " + NONE, e);
            }
        }
        return roles;
    }

    /** Comma-separated group ids; {@link #NONE} or blank for none. */
    public static List<String> groups(String text) {
        List<String> groups = items(text);
        groups.remove(NONE);
        return groups;
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String item : text.split("[,，\\s]+")) {
            if (!item.isBlank() && !items.contains(item.strip())) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public boolean tells(UnitRecipient role) {
        return unitRecipients.contains(role);
    }

    public String subject(Map<String, ?> values) {
        return MessageTemplate.render(subject, values);
    }

    public String body(Map<String, ?> values) {
        return MessageTemplate.render(body, values);
    }
}
