package org.rectiflow.inspection;

import java.util.List;

/** A round that cannot be registered: every error, each naming its field. Nothing was written. */
public class RegistrationException extends RuntimeException {

    private final List<String> errors;

    public RegistrationException(List<String> errors) {
        super("The round cannot be registered:\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    /** The error of a round code that is registered already. */
    public static String roundExists(String code) {
        return "轮次编号 " + code + " 已登记，不能再次登记";
    }

    public List<String> errors() {
        return errors;
    }
}
