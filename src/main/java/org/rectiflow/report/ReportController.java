package org.rectiflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.rectiflow.security.ApiUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/rounds/{code}/report.html} and {@code …/report.docx}: the public progress report. */
@RestController
public class ReportController {

    private static final MediaType DOCX =
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ProgressReportService reports;
    private final ReportRenderer renderer;
    private final ApiUser user;

    public ReportController(ProgressReportService reports, ReportRenderer renderer, ApiUser user) {
        this.reports = reports;
        this.renderer = renderer;
        this.user = user;
    }

    /** The report is the one the organisation publishes: every logged-in user reads the whole round's. */
    private ProgressReport report(String code) {
        user.requirePublicViews();
        return reports.report(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no round " + code));
    }

    @GetMapping(path = "/api/rounds/{code}/report.html", produces = "text/html;charset=UTF-8")
    public String html(@PathVariable String code) {
        return renderer.html(report(code));
    }

    @GetMapping("/api/rounds/{code}/report.docx")
    public ResponseEntity<byte[]> docx(@PathVariable String code) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.docx(report(code), out);
        return ResponseEntity.ok().contentType(DOCX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(code + "-整改进展情况.docx", StandardCharsets.UTF_8).build().toString())
            .body(out.toByteArray());
    }
}
