package org.rectiflow.identity;

import java.util.List;

/** An organisation or users file that cannot be loaded; lists every problem found, by file and entry. */
public class OrganisationException extends RuntimeException {

    private final List<String> errors;

    public OrganisationException(String file, List<String> errors) {
        super("Invalid organisation file " + file + ":\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
