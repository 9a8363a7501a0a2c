package org.rectiflow.inspection;

import java.util.List;

/** A round that cannot be registered: every error, each naming its field. Nothing was written. */
public class RegistrationException extends RuntimeException {

    private final List<RoundRules.Violation> violations;
    private final List<String> errors;

    public RegistrationException(List<RoundRules.Violation> violations) {
        this(violations, violations.stream().map(RoundRules.Violation::text).toList());
    }

    private RegistrationException(List<RoundRules.Violation> violations, List<String> errors) {
        super("The round cannot be registered:\n  - " + String.join("\n  - ", errors));
        this.violations = List.copyOf(violations);
        this.errors = errors;
    }

    /** The error of a round code that is registered already. */
    public static String roundExists(String code) {
        return "轮次编号 " + code + " 已登记，不能再次登记";
    }

    /** Each error as {@code <path>: <message>}, the way the JSON API lists them. */
    public List<String> errors() {
        return errors;
    }

    public List<RoundRules.Violation> violations() {
        return violations;
    }
}
