package org.rectiflow.evidence;

import org.springframework.http.HttpStatus;

/** A refused evidence request: its HTTP status and the message for people (Chinese), nothing written. */
public class EvidenceException extends RuntimeException {

    private final HttpStatus status;

    public EvidenceException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
