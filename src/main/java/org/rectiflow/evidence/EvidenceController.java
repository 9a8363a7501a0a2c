package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * A measure's evidence files (佐证材料), {@link EvidenceService} deciding who and what.
 * {@code POST /api/measures/{code}/evidence} (multipart: {@code file}, optional {@code description}): 201 with the
 * file; {@code GET …/evidence}: the list; {@code GET …/evidence/{id}}: the content (PDF and images inline, the rest
 * as an attachment; never sniffed, never run as a page); {@code DELETE …/evidence/{id}}: a draft, 204.
 * Refusals are {@code {"message", "errors"}} like the other endpoints: 400 (the file and why), 403, 404, 409.
 */
@RestController
public class EvidenceController {

    /**
     * No script, no connection, no form, no frame: an uploaded file shown inline can never run as a page. Replaces
     * the /api pages' policy (security/SecurityHeadersFilter) for the content; the browser's own PDF viewer and
     * images still show ({@code object-src}, {@code img-src}). No {@code sandbox}: Chromium then refuses to show a
     * PDF at all.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; object-src 'self'; "
        + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final EvidenceService evidence;

    public EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/api/measures/{code}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<EvidenceFile> upload(@PathVariable String code, @RequestParam("file") MultipartFile file,
                                               @RequestParam(name = "description", required = false)
                                               String description) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                .body(evidence.upload(code, file.getOriginalFilename(), description, in));
        }
    }

    @GetMapping("/api/measures/{code}/evidence")
    public List<EvidenceFile> list(@PathVariable String code) {
        return evidence.list(code);
    }

    @GetMapping("/api/measures/{code}/evidence/{id}")
    public ResponseEntity<Resource> download(@PathVariable String code, @PathVariable long id,
                                             HttpServletResponse response) {
        return serve(evidence.file(code, id), response);
    }

    /** A file's content: PDF and images inline, the rest as an attachment; never sniffed, never run as a page. */
    private ResponseEntity<Resource> serve(EvidenceFile file, HttpServletResponse response) {
        // set, not added: these replace what security/SecurityHeadersFilter set for every /api answer
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ContentDisposition disposition = (DocumentTypes.INLINE.contains(file.type()) ? ContentDisposition.inline()
            : ContentDisposition.attachment()).filename(file.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.type()))
            .contentLength(file.size())
            .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .body(new InputStreamResource(evidence.content(file)));
    }

    @DeleteMapping("/api/measures/{code}/evidence/{id}")
    public ResponseEntity<Void> delete(@PathVariable String code, @PathVariable long id) {
        evidence.delete(code, id);
        return ResponseEntity.noContent().build();
    }


    // The other subjects (docs/evidence.md): a unit's plan in a round, a clue's verification, a sampled measure's
    // look-back check, a mechanism's documents. The same shape as a measure's.

    @PostMapping(path = {"/api/rounds/{code}/units/{unit}/plan/evidence", "/api/clues/{code}/evidence",
        "/api/rounds/{code}/look-backs/{measure}/evidence", "/api/mechanisms/{mechanism}/evidence"},
        consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<EvidenceFile> uploadTo(@PathVariable Map<String, String> path, HttpServletRequest request,
                                                 @RequestParam("file") MultipartFile file,
                                                 @RequestParam(name = "description", required = false)
                                                 String description) throws IOException {
        EvidenceSubject subject = subject(path, request);
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                .body(evidence.upload(subject, file.getOriginalFilename(), description, in));
        }
    }

    @GetMapping({"/api/rounds/{code}/units/{unit}/plan/evidence", "/api/clues/{code}/evidence",
        "/api/rounds/{code}/look-backs/{measure}/evidence", "/api/mechanisms/{mechanism}/evidence"})
    public List<EvidenceFile> listOf(@PathVariable Map<String, String> path, HttpServletRequest request) {
        return evidence.list(subject(path, request));
    }

    @GetMapping({"/api/rounds/{code}/units/{unit}/plan/evidence/{id}", "/api/clues/{code}/evidence/{id}",
        "/api/rounds/{code}/look-backs/{measure}/evidence/{id}", "/api/mechanisms/{mechanism}/evidence/{id}"})
    public ResponseEntity<Resource> downloadOf(@PathVariable Map<String, String> path, @PathVariable long id,
                                               HttpServletRequest request, HttpServletResponse response) {
        return serve(evidence.file(subject(path, request), id), response);
    }

    @DeleteMapping({"/api/rounds/{code}/units/{unit}/plan/evidence/{id}", "/api/clues/{code}/evidence/{id}",
        "/api/rounds/{code}/look-backs/{measure}/evidence/{id}", "/api/mechanisms/{mechanism}/evidence/{id}"})
    public ResponseEntity<Void> deleteOf(@PathVariable Map<String, String> path, @PathVariable long id,
                                         HttpServletRequest request) {
        evidence.delete(subject(path, request), id);
        return ResponseEntity.noContent().build();
    }

    /** The subject a path names. */
    private EvidenceSubject subject(Map<String, String> path, HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (path.containsKey("unit")) {
            return new EvidenceSubject.UnitPlan(path.get("code"), path.get("unit"));
        }
        if (path.containsKey("measure")) {
            return evidence.lookBackOf(path.get("code"), path.get("measure")).orElseThrow(() -> new EvidenceException(
                HttpStatus.NOT_FOUND, "巡察" + path.get("code") + "的回头看没有抽查措施" + path.get("measure")));
        }
        if (path.containsKey("mechanism")) {
            try {
                return new EvidenceSubject.Mechanism(Long.parseLong(path.get("mechanism")));
            } catch (NumberFormatException e) {
                throw new EvidenceException(HttpStatus.NOT_FOUND, "制度机制" + path.get("mechanism") + "不存在");
            }
        }
        if (uri.contains("/api/clues/")) {
            return new EvidenceSubject.ClueVerification(path.get("code"));
        }
        throw new IllegalStateException("no evidence subject in " + uri);
    }

    @ExceptionHandler(EvidenceException.class)
    public ResponseEntity<Map<String, Object>> refused(EvidenceException e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage(), "errors",
            List.of(e.getMessage())));
    }

    @ExceptionHandler(EvidenceStoreException.class)
    public ResponseEntity<Map<String, Object>> storeFailed(EvidenceStoreException e) {
        String text = "佐证材料未能读取：" + EvidenceService.STORE_UNAVAILABLE;
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message", text, "errors",
            List.of(text)));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    public ResponseEntity<Map<String, Object>> noFile(Exception e) {
        String text = "缺少文件（file）";
        return ResponseEntity.badRequest().body(Map.of("message", text + "，未上传", "errors", List.of(text)));
    }
}
