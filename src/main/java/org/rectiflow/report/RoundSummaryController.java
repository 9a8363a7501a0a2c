package org.rectiflow.report;

import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/rounds/{code}/summary}: a round's figures in the user's {@link org.rectiflow.identity.Scope}: an
 * overseer gets the whole round, a unit's user its own unit's figures only.
 */
@RestController
public class RoundSummaryController {

    private final RoundSummaryService summaries;
    private final ApiUser user;

    public RoundSummaryController(RoundSummaryService summaries, ApiUser user) {
        this.summaries = summaries;
        this.user = user;
    }

    @GetMapping("/api/rounds/{code}/summary")
    public RoundSummary summary(@PathVariable String code) {
        return summaries.summary(code, user.scope())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + code));
    }
}
