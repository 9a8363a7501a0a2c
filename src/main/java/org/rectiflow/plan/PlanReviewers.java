package org.rectiflow.plan;

import java.util.ArrayList;
import java.util.List;

import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.inspection.InspectionRoundService;
import org.springframework.stereotype.Component;

/**
 * Who comments on a plan: every member of the leading group (one task each, as a candidate user) and every
 * responsible unit (one task each, for its group). A reviewer is written {@code user:<id>} or
 * {@code unit:<code>}; the comment task's candidate expressions take it apart.
 */
@Component("planReviewers")
public class PlanReviewers {

    private static final String USER = "user:";
    private static final String UNIT = "unit:";

    private final OrganisationRepository organisation;
    private final InspectionRoundService rounds;

    public PlanReviewers(OrganisationRepository organisation, InspectionRoundService rounds) {
        this.organisation = organisation;
        this.rounds = rounds;
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

    /** The people to remind: the user, or the unit's liaisons. */
    public List<String> people(String reviewer) {
        if (reviewer.startsWith(USER)) {
            return users(reviewer);
        }
        return organisation.unitMembers(reviewer.substring(UNIT.length()),
            org.rectiflow.identity.UsersFile.UnitRole.LIAISON);
    }
}
