package org.rectiflow.identity;

import java.util.List;

/** A change of the organisation refused: every error, keyed by its path in the change ({@code units[2].code}). */
public class OrganisationChangeException extends RuntimeException {

    private final List<String> errors;

    public OrganisationChangeException(List<String> errors) {
        super("组织机构未通过校验，未作任何更改: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
