package org.rectiflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task accepts its own form and nothing else (issue 13): completing it with its form's valid values plus any
 * one variable its form does not have, a routing variable of its diagram (code, unit, lead unit, sign-off group,
 * deadline, rework count, round …) or an unknown name, is refused naming that variable, and nothing changes:
 * the task stays open, the instance's variables and every ledger table stay as they were.
 */
public final class ForgedCompletions {

    /** A name no diagram uses. */
    public static final String UNKNOWN = "anyOtherVariable";

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    public ForgedCompletions(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /**
     * Every variable name a diagram's constants classes declare (its {@link Variable}s and {@link FormField}s), and
     * {@link #UNKNOWN}.
     */
    public static Set<String> declaredVariables(Class<?>... constants) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : constants) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        if (field.get(null) instanceof Variable<?> variable) {
                            names.add(variable.name());
                        } else if (field.get(null) instanceof FormField formField) {
                            names.add(formField.key());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        names.add(UNKNOWN);
        return names;
    }

    /**
     * Tries the task once per variable of {@code candidates} that is not one of {@code formValues}' keys (which must
     * hold every field of the task's form, optional ones as null), each
     * time with the form's values beside it, and checks that each try is refused and changes nothing. Returns the
     * names tried, so a test can check that the routing variables it cares about were among them.
     */
    public List<String> assertEachRefused(Task task, Map<String, Object> formValues, Collection<String> candidates) {
        Snapshot before = snapshot(task);
        List<String> tried = new ArrayList<>();
        for (String name : candidates) {
            if (formValues.containsKey(name)) {
                continue;
            }
            Map<String, Object> forged = new HashMap<>(formValues);
            forged.put(name, "FORGED");
            Throwable refusal = catchThrowable(() -> engine.getTaskService().complete(task.getId(), forged));
            assertThat(refusal).as("completing %s with %s", task.getTaskDefinitionKey(), name)
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("任务“" + task.getName() + "”的表单中没有“" + name + "”这一项，任务未办结，未作任何更改");
            tried.add(name);
        }
        assertThat(snapshot(task)).as("the engine and the ledger after the refused completions of %s",
            task.getTaskDefinitionKey()).isEqualTo(before);
        return tried;
    }

    private Snapshot snapshot(Task task) {
        Task now = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        Map<String, Object> variables = new TreeMap<>();
        for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery()
            .processInstanceIdIn(task.getProcessInstanceId()).list()) {
            variables.put(v.getExecutionId() + "/" + v.getTaskId() + "/" + v.getName(), String.valueOf(v.getValue()));
        }
        Map<String, Object> ledger = new TreeMap<>();
        for (String table : jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'""").query(String.class).list()) {
            String name = table.toLowerCase();
            if (!name.startsWith("act_") && !name.equals("ledger_schema_history")) {
                ledger.put(name, jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString());
            }
        }
        return new Snapshot(now == null ? null : now.getId() + "/" + now.getAssignee(), variables, ledger);
    }

    private record Snapshot(String task, Map<String, Object> variables, Map<String, Object> ledger) {
    }
}
