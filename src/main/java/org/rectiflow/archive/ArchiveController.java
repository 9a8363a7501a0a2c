package org.rectiflow.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/rounds/{code}/problems/{problemRef}/archive.zip} (a problem's archive) and
 * {@code GET /api/rounds/{code}/archive.zip} (the round's: one folder per problem), streamed to the response; the
 * access is checked before the first byte. Refusals are {@code {"message", "errors"}}: 403, 404.
 */
@RestController
public class ArchiveController {

    private final ArchiveService archives;

    public ArchiveController(ArchiveService archives) {
        this.archives = archives;
    }

    @GetMapping("/api/rounds/{code}/problems/{problemRef}/archive.zip")
    public void problem(@PathVariable String code, @PathVariable String problemRef, HttpServletResponse response)
        throws IOException {
        ArchiveService.Selection selection = archives.problem(code, problemRef);
        send(selection, problemRef + "-档案.zip", response);
    }

    @GetMapping("/api/rounds/{code}/archive.zip")
    public void round(@PathVariable String code, HttpServletResponse response) throws IOException {
        ArchiveService.Selection selection = archives.wholeRound(code);
        send(selection, code + "-档案.zip", response);
    }

    private void send(ArchiveService.Selection selection, String name, HttpServletResponse response)
        throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        archives.write(selection, response.getOutputStream());
    }

    @ExceptionHandler(ArchiveException.class)
    public ResponseEntity<Map<String, Object>> refused(ArchiveException e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage(), "errors",
            List.of(e.getMessage())));
    }
}
