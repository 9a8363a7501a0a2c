package org.rectiflow.inspection;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.rectiflow.evidence.EvidenceProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload above the servlet's multipart limit ({@code spring.servlet.multipart.*}, set a little above
 * {@code rectiflow.evidence.max-file-size}) answers 400 naming the import's limit (the evidence file's, for an
 * evidence upload), like a file the import refuses.
 * Not limited to a package: the multipart request is parsed before any controller is chosen. It lives with the
 * import whose limit it names, so that {@code api} depends on no feature.
 */
@RestControllerAdvice
public class UploadErrors {

    private final RoundImportProperties importProperties;
    private final EvidenceProperties evidenceProperties;

    public UploadErrors(RoundImportProperties importProperties, EvidenceProperties evidenceProperties) {
        this.importProperties = importProperties;
        this.evidenceProperties = evidenceProperties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        // an evidence file (evidence/EvidenceController): its own limit
        if (request.getRequestURI().endsWith("/evidence")) {
            return ResponseEntity.badRequest().body(Map.of("message", "上传的文件过大，未上传",
                "errors", List.of("文件超过单个文件的上限" + evidenceProperties.maxFileSizeText())));
        }
        // any other upload (a round, mechanisms, the organisation): the words fit each, nothing of it was read
        return ResponseEntity.badRequest().body(Map.of("message", "上传的文件过大，未作任何更改",
            "errors", List.of(importProperties.tooLargeMessage())));
    }
}
