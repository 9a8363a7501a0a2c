package org.rectiflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard (看板) at {@code /api/dashboard}: completion, each unit's and key group's light, notices
 * and a burn-down, drawn with Apache ECharts shipped in the application (no CDN: offices' networks are
 * closed). Under {@code /api}, so behind the same login; it reads {@code GET /api/rounds} and the summary.
 */
@RestController
public class DashboardController {

    public record RoundItem(String code, String title, String status) {
    }

    private final JdbcClient jdbc;

    public DashboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/dashboard")
    public ResponseEntity<String> dashboard() throws IOException {
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

    /** The rounds, newest first. */
    @GetMapping("/api/rounds")
    public List<RoundItem> rounds() {
        return jdbc.sql("SELECT code, title, status FROM inspection_round ORDER BY created_at DESC, code")
            .query((rs, n) -> new RoundItem(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
