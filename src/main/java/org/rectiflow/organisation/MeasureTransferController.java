package org.rectiflow.organisation;

import java.util.List;
import java.util.Map;

import org.rectiflow.measure.MeasureTransfer;
import org.rectiflow.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/measures/{code}/transfer} with {@code {"toUnit": …, "reason": …}}: 转办 of an open measure to
 * another unit ({@link MeasureTransfer}); 204, 400 with every error, 404 for an unknown measure. Office only.
 */
@RestController
public class MeasureTransferController {

    /** The body of a transfer. */
    public record TransferRequest(String toUnit, String reason) {
    }

    private final MeasureTransfer transfer;
    private final ApiUser user;

    public MeasureTransferController(MeasureTransfer transfer, ApiUser user) {
        this.transfer = transfer;
        this.user = user;
    }

    @PostMapping("/api/measures/{code}/transfer")
    public ResponseEntity<Void> transfer(@PathVariable String code, @RequestBody TransferRequest request) {
        user.requireOffice();
        transfer.transfer(code, request.toUnit(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(MeasureTransfer.RefusedException.class)
    public ResponseEntity<Map<String, Object>> refused(MeasureTransfer.RefusedException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "措施转办未通过校验，未作任何更改",
            "errors", List.copyOf(e.errors())));
    }

    @ExceptionHandler(MeasureTransfer.UnknownMeasureException.class)
    public ResponseEntity<Map<String, Object>> unknown(MeasureTransfer.UnknownMeasureException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage(),
            "errors", List.of("code: " + e.getMessage())));
    }
}
