package org.rectiflow.common;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.IntegerValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Typed reads of the process variables that the diagrams' own delegates set; absent or null reads as null. */
public final class TypedVariables {

    private TypedVariables() {
    }

    public static String string(VariableScope scope, String name) {
        return read(scope, name, StringValue.class);
    }

    public static Date date(VariableScope scope, String name) {
        return read(scope, name, DateValue.class);
    }

    public static int integer(VariableScope scope, String name, int absent) {
        Integer value = read(scope, name, IntegerValue.class);
        return value == null ? absent : value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(VariableScope scope, String name, Class<? extends TypedValue> type) {
        TypedValue value = scope.getVariableTyped(name);
        if (value == null || value.getValue() == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("The variable " + name + " holds a " + value.getType().getName()
                + " value where a " + type.getSimpleName() + " was expected");
        }
        return (T) value.getValue();
    }
}
