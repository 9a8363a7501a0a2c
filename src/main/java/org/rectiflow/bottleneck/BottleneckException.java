package org.rectiflow.bottleneck;

import org.springframework.http.HttpStatus;

/** A refusal of {@code /api/bottlenecks}: its status and what to tell the user, in Chinese. */
public class BottleneckException extends RuntimeException {

    private final HttpStatus status;

    private BottleneckException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static BottleneckException notFound(String message) {
        return new BottleneckException(HttpStatus.NOT_FOUND, message);
    }

    static BottleneckException forbidden(String message) {
        return new BottleneckException(HttpStatus.FORBIDDEN, message);
    }

    public HttpStatus status() {
        return status;
    }
}
