package org.rectiflow.plan;

import java.util.ArrayList;
import java.util.List;

import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.Recipients;
import org.rectiflow.notification.UnitRecipient;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * Who comments on a plan: every member of the leading group (one task each, as a candidate user) and every
 * responsible unit (one task each, for its group). A reviewer is written {@code user:<id>} or
 * {@code unit:<code>}; the comment task's candidate expressions take it apart.
 */
@Component("planReviewers")
@DiagramFunctions
public class PlanReviewers {

    private static final String USER = "user:";
    private static final String UNIT = "unit:";

    private final OrganisationRepository organisation;
    private final InspectionRoundService rounds;
    private final Recipients recipients;

    public PlanReviewers(OrganisationRepository organisation, InspectionRoundService rounds, Recipients recipients) {
        this.organisation = organisation;
        this.rounds = rounds;
        this.recipients = recipients;
    }

    public List<String> of(String roundCode) {
        List<String> reviewers = new ArrayList<>();
        organisation.groupMembers(RoleGroups.LEADING_GROUP).forEach(user -> reviewers.add(USER + user));
        rounds.unitCodes(roundCode).forEach(unit -> reviewers.add(UNIT + unit));
        return reviewers;
    }

    public List<String> users(String reviewer) {
        return reviewer.startsWith(USER) ? List.of(reviewer.substring(USER.length())) : List.of();
    }

    public List<String> groups(String reviewer) {
        return reviewer.startsWith(UNIT) ? List.of(reviewer.substring(UNIT.length())) : List.of();
    }

    /**
     * The people to remind: the user, or the unit's people in the roles the message names (its liaisons in the
     * diagram); and the members of the groups it names.
     */
    public List<String> people(String reviewer, MessageSettings message) {
        if (reviewer.startsWith(USER)) {
            List<String> people = new ArrayList<>(users(reviewer));
            people.addAll(recipients.of(message, null, List.of()));
            return people.stream().distinct().toList();
        }
        if (message.tells(UnitRecipient.LEADER)) {
            throw new IllegalArgumentException("A unit reviewing the plan has no leader in charge: notifyUnitRoles "
                + "may name LIAISON and HEAD only");
        }
        return recipients.of(message, reviewer.substring(UNIT.length()), List.of());
    }
}
