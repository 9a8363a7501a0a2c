package org.rectiflow.inspection;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload above the servlet's multipart limit ({@code spring.servlet.multipart.*}, set a little above
 * {@code rectiflow.import.max-size}) answers 400 naming the import's limit, like a file the import refuses.
 * Not limited to a package: the multipart request is parsed before any controller is chosen. It lives with the
 * import whose limit it names, so that {@code api} depends on no feature.
 */
@RestControllerAdvice
public class UploadErrors {

    private final RoundImportProperties importProperties;

    public UploadErrors(RoundImportProperties importProperties) {
        this.importProperties = importProperties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        // any upload (a round, mechanisms, the organisation): the words fit each, nothing of it was read
        return ResponseEntity.badRequest().body(Map.of("message", "上传的文件过大，未作任何更改",
            "errors", List.of(importProperties.tooLargeMessage())));
    }
}
