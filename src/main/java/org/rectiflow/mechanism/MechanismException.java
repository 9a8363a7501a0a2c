package org.rectiflow.mechanism;

import java.util.List;

/**
 * Mechanisms that cannot be recorded: every error, each at its row (1 = the first mechanism sent) and column.
 * Nothing was written (the caller's transaction rolls back). Each caller words the place its own way.
 */
public class MechanismException extends RuntimeException {

    /** An error of one row's column (null column: the row as a whole). */
    public record Violation(int row, MechanismColumn column, String problem) {
    }

    private final List<Violation> violations;

    public MechanismException(List<Violation> violations) {
        super("Mechanisms refused: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** As the report form shows them: 「制度机制第2条：请填写名称」, joined by 「；」. */
    public String formMessage(String listName) {
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            if (!text.isEmpty()) {
                text.append("；");
            }
            text.append(listName).append("第").append(v.row()).append("条：").append(v.problem());
        }
        return text.toString();
    }

    /** As the JSON import lists them: 「第2条 名称: 请填写名称」. */
    public List<String> importMessages() {
        return violations.stream().map(v -> "第" + v.row() + "条" + (v.column() == null ? "" : " " + v.column().label())
            + ": " + v.problem()).toList();
    }
}
