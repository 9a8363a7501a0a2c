package org.rectiflow.report;

import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/rounds/{code}/summary}: a round's figures; a unit's user gets its own unit's only. */
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
        return summaries.summary(code, user.seesEverything() ? null : user.groupIds())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + code));
    }
}
