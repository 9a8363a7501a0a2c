package org.rectiflow.api;

import java.util.List;
import java.util.Map;

import org.rectiflow.inspection.RegistrationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The {@code /api} error answers: a JSON body with every error, each naming its field. */
@RestControllerAdvice(basePackages = "org.rectiflow")
public class ApiErrors {

    /** A round code that exists already. */
    public static class RoundExistsException extends RuntimeException {
        public RoundExistsException(String code) {
            super(RegistrationException.roundExists(code));
        }
    }

    @ExceptionHandler(RegistrationException.class)
    public ResponseEntity<Map<String, Object>> invalid(RegistrationException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "the round cannot be registered",
            "errors", e.errors()));
    }

    @ExceptionHandler(RoundExistsException.class)
    public ResponseEntity<Map<String, Object>> exists(RoundExistsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage(),
            "errors", List.of("code: " + e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(Map.of("message", "the request body is not a valid round",
            "errors", List.of(detail == null ? "unreadable JSON" : detail.lines().findFirst().orElse(detail))));
    }
}
