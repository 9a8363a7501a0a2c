package org.rectiflow.evidence;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/{taskId}/evidence}: a task's evidence files as the Tasklist's tab 佐证材料 shows them
 * ({@link TaskEvidence}); 404 for a task the caller may not see, 403 for files the caller may not read.
 */
@RestController
public class TaskEvidenceController {

    private final TaskEvidenceService service;

    public TaskEvidenceController(TaskEvidenceService service) {
        this.service = service;
    }

    @GetMapping("/api/tasks/{taskId}/evidence")
    public TaskEvidence evidence(@PathVariable String taskId) {
        return service.of(taskId);
    }

    @ExceptionHandler(EvidenceException.class)
    public ResponseEntity<Map<String, Object>> refused(EvidenceException e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage(), "errors",
            List.of(e.getMessage())));
    }
}
