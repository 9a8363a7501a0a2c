package org.rectiflow.organisation;

import java.util.List;
import java.util.Map;

import org.rectiflow.identity.Organisation;
import org.rectiflow.identity.OrganisationChangeException;
import org.rectiflow.identity.OrganisationService;
import org.rectiflow.security.ApiUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/organisation}: the whole organisation (role groups, units with their retired flag, key groups,
 * people). {@code PUT /api/organisation}: creates or changes the entries sent ({@link Organisation}), all or
 * nothing; 200 with the organisation after the change, 400 with every error keyed by its path. Takes effect at
 * once (Camunda groups, memberships, authorizations). The office and the administrators only.
 */
@RestController
public class OrganisationController {

    private final OrganisationService organisation;
    private final ApiUser user;

    public OrganisationController(OrganisationService organisation, ApiUser user) {
        this.organisation = organisation;
        this.user = user;
    }

    @GetMapping("/api/organisation")
    public Organisation get() {
        user.requireOffice();
        return organisation.current();
    }

    @PutMapping("/api/organisation")
    public Organisation put(@RequestBody Organisation change) {
        user.requireOffice();
        organisation.apply(change);
        return organisation.current();
    }

    @ExceptionHandler(OrganisationChangeException.class)
    public ResponseEntity<Map<String, Object>> refused(OrganisationChangeException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "组织机构未通过校验，未作任何更改",
            "errors", List.copyOf(e.errors())));
    }
}
