package org.rectiflow.common;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One process variable of a diagram, declared once in the diagram's constants class with its name, its Java type
 * and whether it is a <em>ledger copy</em>: a value the application copies from the ledger for the Tasklist and
 * the gateways, whose history the ledger keeps, so the engine writes no variable-update details for it (see
 * engine/LedgerCopyHistoryPlugin, whose list derives from these declarations). Every read and write of a process
 * variable goes through its declaration, so a name is spelled once and a value of the wrong type is an error
 * that names the variable instead of a {@link ClassCastException} somewhere later.
 *
 * <p>Written like holunda's camunda-bpm-data ({@code stringVariable("orderId")}), which has no release for Camunda
 * 7.24 on Jakarta: {@code UNIT_GROUP.get(execution)}, {@code UNIT_GROUP.set(execution, code)}. The values a user
 * submits with a form are not variables but {@link FormField}s.
 *
 * @param <T> the Java type of the value the engine stores (String, Integer, Long, Boolean, Date or Spin JSON)
 */
public final class Variable<T> {

    private final String name;
    private final Class<T> type;
    private final boolean ledgerCopy;

    private Variable(String name, Class<T> type, boolean ledgerCopy) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.ledgerCopy = ledgerCopy;
    }

    public static Variable<String> string(String name) {
        return new Variable<>(name, String.class, false);
    }

    public static Variable<Integer> integer(String name) {
        return new Variable<>(name, Integer.class, false);
    }

    public static Variable<Long> longInteger(String name) {
        return new Variable<>(name, Long.class, false);
    }

    public static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class, false);
    }

    public static Variable<Date> date(String name) {
        return new Variable<>(name, Date.class, false);
    }

    /**
     * A JSON value (rows a form shows as a table), stored as Spin's Json type, which the Tasklist hands to the form
     * as an array; written with {@link #setJson}.
     */
    public static Variable<SpinJsonNode> json(String name) {
        return new Variable<>(name, SpinJsonNode.class, false);
    }

    /** The same variable, declared a copy of the ledger: no variable-update details in history. */
    public Variable<T> ledgerCopy() {
        return new Variable<>(name, type, true);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public boolean isLedgerCopy() {
        return ledgerCopy;
    }

    /** The value seen from the scope (its own or an enclosing one), or null when absent or null. */
    public T get(VariableScope scope) {
        return cast(scope.getVariableTyped(name));
    }

    /** The value seen from the scope, or {@code absent} when it is absent or null. */
    public T get(VariableScope scope, T absent) {
        T value = get(scope);
        return value == null ? absent : value;
    }

    /** The value an execution sees, read through the engine's service (outside a delegate). */
    public T get(RuntimeService runtime, String executionId) {
        return cast(runtime.getVariableTyped(executionId, name));
    }

    /** Whether the scope sees a non-null value of this name, whatever its type (a value a caller passed in). */
    public boolean isSet(VariableScope scope) {
        return scope.getVariable(name) != null;
    }

    /** Sets the value where the engine puts it: in the scope that already has it, else the process instance. */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets a {@link #json} variable from its JSON text, where {@link #set} would put it. */
    public void setJson(VariableScope scope, String json) {
        scope.setVariable(name, SpinValues.jsonValue(json).create());
    }

    /** Sets the value on this scope only (a task, a multi-instance element, an escalation path). */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /**
     * Sets the value on this scope only, for the rest of this transaction: not stored, not in history, gone at
     * the next wait state. For what a gateway right after a delegate decides on (no call can write it).
     */
    public void setTransientLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, Variables.untypedValue(value, true));
    }

    /** A null value on this scope only: later steps of the scope start from nothing, not an enclosing value. */
    public void clearLocal(VariableScope scope) {
        scope.setVariableLocal(name, null);
    }

    /** This variable with a value, for {@link #map}. */
    public Value<T> value(T value) {
        return new Value<>(this, value);
    }

    /** The variables to start an instance with, or to pass to a call: each declared variable with its value. */
    public static VariableMap map(Value<?>... values) {
        VariableMap map = Variables.createVariables();
        for (Value<?> v : values) {
            map.putValue(v.variable().name(), v.value());
        }
        return map;
    }

    /** A declared variable with a value. */
    public record Value<T>(Variable<T> variable, T value) {
    }

    /** The variables declared as public static fields of the given constants classes, in declaration order. */
    public static List<Variable<?>> declaredIn(Class<?>... holders) {
        List<Variable<?>> declared = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == Variable.class && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)) {
                    try {
                        declared.add((Variable<?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot read the declaration " + field, e);
                    }
                }
            }
        }
        return declared;
    }

    private T cast(TypedValue value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        if (!type.isInstance(value.getValue())) {
            String held = value.getType() == null
                ? value.getValue().getClass().getSimpleName() : value.getType().getName();
            throw new IllegalStateException("The variable " + name + " holds a " + held + " value where a "
                + type.getSimpleName() + " was expected");
        }
        return type.cast(value.getValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Variable<?> v && v.name.equals(name) && v.type == type && v.ledgerCopy == ledgerCopy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, ledgerCopy);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + (ledgerCopy ? ", ledger copy)" : ")");
    }
}
