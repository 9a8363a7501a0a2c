package org.rectiflow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.UsersFile.UnitRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The people a message's settings name: the unit's liaisons and heads, the leaders in charge, the groups' members. */
@Component
public class Recipients {

    private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);

    private final OrganisationRepository organisation;

    public Recipients(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    /**
     * The user ids, in this order: the unit's liaisons, its heads, the leaders, then each group's members.
     *
     * @param unitCode the unit the message is about, or null when it is about none
     * @param leaders  the leaders in charge (user ids) of what the message is about
     */
    public List<String> of(MessageSettings settings, String unitCode, Collection<String> leaders) {
        List<String> people = new ArrayList<>();
        if (unitCode != null) {
            if (settings.tells(UnitRecipient.LIAISON)) {
                people.addAll(organisation.unitMembers(unitCode, UnitRole.LIAISON));
            }
            if (settings.tells(UnitRecipient.HEAD)) {
                people.addAll(organisation.unitMembers(unitCode, UnitRole.HEAD));
            }
        }
        if (settings.tells(UnitRecipient.LEADER)) {
            leaders.stream().filter(l -> l != null && !l.isBlank()).forEach(people::add);
        }
        for (String group : settings.groups()) {
            List<String> members = organisation.groupMembers(group);
            if (members.isEmpty()) {
                LOG.warn("The group '{}' that a message names has no members (is it spelt right?)", group);
            }
            people.addAll(members);
        }
        return people.stream().distinct().toList();
    }
}
