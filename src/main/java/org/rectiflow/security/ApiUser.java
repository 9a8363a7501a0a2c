package org.rectiflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectiflow.identity.AccessPolicy;
import org.rectiflow.identity.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user of an {@code /api} call (authenticated by the engine's filter) and what the {@link AccessPolicy}
 * lets them do: the policy holds the rules, this class only finds the user's groups.
 */
@Component
public class ApiUser {

    private final IdentityService identityService;
    private final AccessPolicy policy;

    public ApiUser(IdentityService identityService, AccessPolicy policy) {
        this.identityService = identityService;
        this.policy = policy;
    }

    /** The groups of the logged-in user; none without a login. */
    private static List<String> groupsOf(Authentication authentication) {
        return authentication == null || authentication.getGroupIds() == null ? List.of()
            : authentication.getGroupIds();
    }

    /** The logged-in user's authentication (401 without a login). */
    private Authentication authentication() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return authentication;
    }

    private List<String> groups() {
        return groupsOf(authentication());
    }

    /** Only the office (and administrators) register rounds. */
    public void requireOffice() {
        if (!isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the rectification office may do this");
        }
    }

    /** True for the office and administrators, who register rounds; false without a login. */
    public boolean isOffice() {
        return policy.mayRegisterRounds(groupsOf(identityService.getCurrentAuthentication()));
    }

    /**
     * The units whose measures the user sees in a round's summary and ledger: every unit for the overseers (the
     * office, the leading group, supervision, discipline, 从严办 and administrators), else the user's own.
     */
    public Scope scope() {
        return policy.scopeOf(groups());
    }

    /** Any logged-in user: the public report, the list of rounds, the dashboard page. */
    public void requirePublicViews() {
        if (!policy.mayReadPublicViews(groups())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The logged-in user's id (401 without a login). */
    public String userId() {
        return authentication().getUserId();
    }

    /** The user's groups (a unit user's include the unit). */
    public List<String> groupIds() {
        return groups();
    }
}
