package org.rectiflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectiflow.identity.RoleGroups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The user of an {@code /api} call (authenticated by the engine's filter) and what they may do. */
@Component
public class ApiUser {

    /** The groups that see a whole round, not one unit's part of it. */
    private static final List<String> OVERSEERS = List.of(RoleGroups.OFFICE, RoleGroups.LEADING_GROUP,
        RoleGroups.SUPERVISION, RoleGroups.DISCIPLINE, RoleGroups.NORMAL_MANAGEMENT, RoleGroups.ADMIN);

    private final IdentityService identityService;

    public ApiUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    private List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    /** Only the office (and administrators) register rounds. */
    public void requireOffice() {
        if (!isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the rectification office may do this");
        }
    }

    /** True for the office and administrators, who register rounds; false without a login. */
    public boolean isOffice() {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
            : authentication.getGroupIds();
        return groups.contains(RoleGroups.OFFICE) || groups.contains(RoleGroups.ADMIN);
    }

    /** True for the office, the leading group, supervision, discipline, 从严办 and administrators. */
    public boolean seesEverything() {
        return groups().stream().anyMatch(OVERSEERS::contains);
    }

    /** The user's groups (a unit user's include the unit). */
    public List<String> groupIds() {
        return groups();
    }
}
