package org.rectiflow.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;

/**
 * Reads the settings a service task gives its delegate as {@code camunda:field}s (the element templates'
 * fields). The engine injects them into the delegate bean before each call, so a delegate with fields is a
 * prototype bean: every call gets its own instance, and two jobs running at once never see each other's
 * settings, nor a field that one task sets and another leaves out.
 */
public final class DelegateFields {

    private DelegateFields() {
    }

    /** The field's text, or null when the task does not set it or sets it blank. */
    public static String text(Expression field, DelegateExecution execution) {
        if (field == null) {
            return null;
        }
        Object value = field.getValue(execution);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** A field the task must set, one of the enum's names; an error names the field and the task. */
    public static <E extends Enum<E>> E choice(Expression field, String name, Class<E> type,
                                               DelegateExecution execution) {
        String text = text(field, execution);
        if (text == null) {
            throw new IllegalStateException("The service task " + execution.getCurrentActivityId()
                + " does not set the field '" + name + "'");
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The service task " + execution.getCurrentActivityId() + " sets the field '"
                + name + "' to '" + text + "', not one of " + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    /** The value of a days field that means "as configured" (the element templates' default). */
    public static final String DEFAULT = "DEFAULT";

    /**
     * A whole number of days (signed), or null for "as configured": {@link #DEFAULT}, and the forms a diagram
     * deployed before that default may still carry, a blank value or no field at all.
     */
    public static Integer days(Expression field, String name, DelegateExecution execution) {
        String text = text(field, execution);
        if (text == null || text.equals(DEFAULT)) {
            return null;
        }
        try {
            return Integer.valueOf(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The service task " + execution.getCurrentActivityId() + " sets the field '"
                + name + "' to '" + text + "', not a whole number of days", e);
        }
    }
}
