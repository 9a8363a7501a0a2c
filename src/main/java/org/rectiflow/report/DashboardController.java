package org.rectiflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rectiflow.security.ApiUser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard (看板) at {@code /api/dashboard}: completion, each unit's and key group's light, notices
 * and a burn-down, drawn with Apache ECharts shipped in the application (no CDN: offices' networks are
 * closed). Under {@code /api}, so behind the same login; it reads {@code GET /api/rounds} and the summary.
 */
@RestController
public class DashboardController {

    private final ReportReadModel ledger;
    private final ApiUser user;

    public DashboardController(ReportReadModel ledger, ApiUser user) {
        this.ledger = ledger;
        this.user = user;
    }

    @GetMapping("/api/dashboard")
    public ResponseEntity<String> dashboard() throws IOException {
        user.requirePublicViews();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(new ClassPathResource("dashboard/index.html").getContentAsString(StandardCharsets.UTF_8));
    }

    /** The dashboard's script: a file, not inline, so that the page's Content-Security-Policy allows no inline script. */
    @GetMapping("/api/dashboard.js")
    public ResponseEntity<String> script() throws IOException {
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
            .body(new ClassPathResource("dashboard/dashboard.js").getContentAsString(StandardCharsets.UTF_8));
    }

    /** The dashboard's style sheet. */
    @GetMapping("/api/dashboard.css")
    public ResponseEntity<String> style() throws IOException {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
            .body(new ClassPathResource("dashboard/dashboard.css").getContentAsString(StandardCharsets.UTF_8));
    }

    /** The rounds, newest first: every user sees the list (a round's figures are scoped, its list is not). */
    @GetMapping("/api/rounds")
    public List<ReportReadModel.RoundItem> rounds() {
        user.requirePublicViews();
        return ledger.rounds();
    }
}
