package org.rectiflow.inspection;

import java.net.URI;
import java.util.Map;

import org.rectiflow.api.ApiErrors.RoundExistsException;
import org.rectiflow.security.ApiUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rounds}: registers a feedback sent as JSON (a {@link RoundRegistration}) and starts its
 * {@code inspection-round}, in one transaction. 201 with the code and the process instance; 400 with every
 * bad field; 409 for a code that exists; only the office may.
 */
@RestController
public class RoundImportController {

    private final InspectionRoundService rounds;
    private final RoundRepository repository;
    private final ApiUser user;

    public RoundImportController(InspectionRoundService rounds, RoundRepository repository, ApiUser user) {
        this.rounds = rounds;
        this.repository = repository;
        this.user = user;
    }

    @PostMapping(path = "/api/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> register(@RequestBody RoundRegistration registration) {
        user.requireOffice();
        if (registration.code() != null && repository.exists(registration.code())) {
            throw new RoundExistsException(registration.code());
        }
        String instance = rounds.register(registration);
        return ResponseEntity.created(URI.create("/api/rounds/" + registration.code() + "/summary"))
            .body(Map.of("code", registration.code(), "processInstanceId", instance));
    }
}
