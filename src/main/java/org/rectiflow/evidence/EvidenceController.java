package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
        EvidenceFile file = evidence.file(code, id);
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
