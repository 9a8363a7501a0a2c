package org.rectiflow.archive;

import org.springframework.http.HttpStatus;

/** A refused archive request: its HTTP status and the message for people (Chinese). */
public class ArchiveException extends RuntimeException {

    private final HttpStatus status;

    public ArchiveException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
