package org.rectiflow.inspection;

/** A round code that is registered already: {@code POST /api/rounds} answers 409. */
public class RoundExistsException extends RuntimeException {

    public RoundExistsException(String code) {
        super(RegistrationException.roundExists(code));
    }
}
