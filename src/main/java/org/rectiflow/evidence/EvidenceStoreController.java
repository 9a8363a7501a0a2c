package org.rectiflow.evidence;

import java.util.List;
import java.util.Map;

import org.rectiflow.security.ApiUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/evidence-store/check} ({@code rectiflow.evidence.store: s3} only): the office's and the
 * administrators' comparison of the object store with the ledger ({@link EvidenceStoreCheck}); anyone else 403.
 */
@RestController
@ConditionalOnProperty(name = "rectiflow.evidence.store", havingValue = "s3")
public class EvidenceStoreController {

    private final EvidenceStoreCheck check;
    private final ApiUser user;

    public EvidenceStoreController(EvidenceStoreCheck check, ApiUser user) {
        this.check = check;
        this.user = user;
    }

    @GetMapping("/api/evidence-store/check")
    public EvidenceStoreCheck.Result check() {
        if (!user.isOffice()) {
            throw new EvidenceException(HttpStatus.FORBIDDEN, "只有整改专班和系统管理员可以核对佐证材料存储");
        }
        return check.run();
    }

    @ExceptionHandler(EvidenceException.class)
    public ResponseEntity<Map<String, Object>> refused(EvidenceException e) {
        return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage(), "errors",
            List.of(e.getMessage())));
    }

    @ExceptionHandler(EvidenceStoreException.class)
    public ResponseEntity<Map<String, Object>> storeFailed(EvidenceStoreException e) {
        String text = "未能核对：" + EvidenceService.STORE_UNAVAILABLE;
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message", text, "errors",
            List.of(text)));
    }
}
