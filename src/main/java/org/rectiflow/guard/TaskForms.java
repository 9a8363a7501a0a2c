package org.rectiflow.guard;

import java.io.IOException;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A task accepts its own form and nothing else. The fields a task may be completed with are the keys of the
 * input fields of its deployed Camunda Form (the {@code camunda:formRef} of its user task, resolved as the
 * Tasklist resolves it); any other variable is refused with a form-field validation error (HTTP 400; its detail is the
 * name, its message 表单中没有“name”这一项: no form of the Tasklist sends it, so there is no label to give), inside
 * the completing command, so nothing is written. The accepted values become
 * <em>transient</em> variables: they live only in the completing transaction, where the task's own
 * recording delegate (the service task after it) reads, checks and writes them to the ledger, and are never
 * stored as process variables, so no value a user sends can reach a later step, a gateway or another task.
 * What a later form shows of them is a copy the recording delegate writes.
 */
final class TaskForms {

    /** Spin's JSON value type, as the Tasklist names it when it submits a list of objects. */
    private static final String JSON_TYPE = "json";
    private static final String DYNAMIC_LIST = "dynamiclist";
    private static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "image", "button", "spacer", "separator",
        "iframe", "table", "group", "dynamiclist");

    private final ObjectMapper json = new ObjectMapper();
    /** The input keys of each deployed form, by its form definition id (a deployed form never changes). */
    private final Map<String, Keys> keysByFormDefinition = new ConcurrentHashMap<>();

    /**
     * Checks what a user submits with a task and returns it as transient values; throws naming the first
     * field the task's form does not have, or a value of a type no form field produces.
     */
    VariableMap accept(TaskEntity task, Map<String, Object> submitted, CommandContext context) {
        VariableMap accepted = Variables.createVariables();
        if (submitted == null || submitted.isEmpty()) {
            return accepted;
        }
        Form form = form(task, context);
        for (String name : submitted.keySet()) {
            if (!form.keys().contains(name)) {
                throw new FormFieldValidationException(name, notInForm(task, form, name));
            }
            String label = form.label(name);
            accepted.putValueTyped(name, form.lists().contains(name) ? transientList(name, label, submitted)
                : transientValue(name, label, submitted));
        }
        for (String name : accepted.keySet()) {
            makeRoom(task, name, form.label(name));
        }
        return accepted;
    }

    /**
     * What no form of the Tasklist can send (a forged or misspelt name, through the REST API): the message quotes the
     * name, since there is no label to give, and says the task is untouched.
     */
    private static String notInForm(TaskEntity task, Form form, String name) {
        String quoted = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        if (form.key() == null) {
            return "任务“" + task.getName() + "”没有表单，办结时不能提交任何内容（收到“" + quoted + "”），任务未办结，未作任何更改";
        }
        return "任务“" + task.getName() + "”的表单中没有“" + quoted + "”这一项，任务未办结，未作任何更改";
    }

    private static TypedValue transientValue(String name, String label, Map<String, Object> submitted) {
        Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
        if (value instanceof TypedValue typed) {
            if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
                // an object, JSON or XML value (serialized, perhaps in Java's format) is refused before it is read
                throw unsupported(name, label);
            }
            value = typed.getValue();
        }
        if (value == null) {
            return Variables.untypedNullValue(true);
        } else if (value instanceof String text) {
            return Variables.stringValue(text, true);
        } else if (value instanceof Boolean bool) {
            return Variables.booleanValue(bool, true);
        } else if (value instanceof Integer number) {
            return Variables.integerValue(number, true);
        } else if (value instanceof Long number) {
            return Variables.longValue(number, true);
        } else if (value instanceof Short number) {
            return Variables.shortValue(number, true);
        } else if (value instanceof Double number) {
            return Variables.doubleValue(number, true);
        } else if (value instanceof Date date) {
            return Variables.dateValue(date, true);
        }
        throw unsupported(name, label);
    }

    /**
     * A dynamic list's value: the Tasklist sends a list of objects as a {@code Json} variable (Spin's JSON type,
     * serialized text), an API client may send the same text as a string. It goes on as its JSON text, transient, for
     * the recording delegate to read row by row (common/FormValues#rows); any other type is refused.
     */
    private static TypedValue transientList(String name, String label, Map<String, Object> submitted) {
        Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name);
        if (value instanceof SerializableValue serializable && serializable.getType() != null
            && JSON_TYPE.equals(serializable.getType().getName())) {
            String text = serializable.getValueSerialized();
            if (text == null && serializable.isDeserialized() && serializable.getValue() != null) {
                text = serializable.getValue().toString();
            }
            return Variables.stringValue(text, true);
        }
        if (value instanceof TypedValue typed && typed.getType() != null && typed.getType().isPrimitiveValueType()) {
            value = typed.getValue();
        }
        if (value == null) {
            return Variables.untypedNullValue(true);
        } else if (value instanceof String text) {
            return Variables.stringValue(text, true);
        }
        throw new FormFieldValidationException(name, label + "的取值类型不受支持：列表只接受JSON，任务未办结，未作任何更改");
    }

    private static FormFieldValidationException unsupported(String name, String label) {
        return new FormFieldValidationException(name, label + "的取值类型不受支持：表单只接受文本、数字、日期或是否，"
            + "任务未办结，未作任何更改");
    }

    /**
     * The transient value may not meet a stored one of the same name. The task's own value (a form filled in when
     * the task was created) gives way: what is submitted replaces it. A variable of the process (its routing, the
     * copies the recording steps write, or a form value an application before this guard stored) does not: a form
     * whose field is named like it is refused, since the value sent would stand in for it for the rest of the
     * transaction, when the next task's candidate groups and due date are evaluated.
     */
    private static void makeRoom(TaskEntity task, String name, String label) {
        if (task.hasVariableLocal(name)) {
            task.removeVariableLocal(name);
        }
        AbstractVariableScope scope = task.getParentVariableScope();
        while (scope != null) {
            if (scope.hasVariableLocal(name)) {
                throw new FormFieldValidationException(name, "表单中的“" + label + "”与流程中由系统记录的数据同名，"
                    + "任务未办结，未作任何更改：请流程管理员修改任务“" + task.getName() + "”的表单中此项的键名");
            }
            scope = scope.getParentVariableScope();
        }
    }

    private Form form(TaskEntity task, CommandContext context) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getTaskFormHandler() == null) {
            return Form.NONE;
        }
        TaskFormData data = definition.getTaskFormHandler().createTaskForm(task);
        CamundaFormRef ref = data.getCamundaFormRef();
        if (ref == null || ref.getKey() == null) {
            return Form.NONE;
        }
        CamundaFormDefinition form = context.runWithoutAuthorization(
            new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()));
        if (form == null) {
            return new Form(ref.getKey(), Set.of(), Set.of(), Map.of());
        }
        Keys keys = keysByFormDefinition.computeIfAbsent(form.getId(), id -> inputKeys(context,
            form.getDeploymentId(), form.getResourceName()));
        return new Form(ref.getKey(), keys.all(), keys.lists(), keys.labels());
    }

    /** A form's input keys, among them its dynamic lists' paths, and each key's label as the form shows it. */
    private record Keys(Set<String> all, Set<String> lists, Map<String, String> labels) {
    }

    private Keys inputKeys(CommandContext context, String deploymentId, String resourceName) {
        ResourceEntity resource = context.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
        Set<String> keys = new LinkedHashSet<>();
        Set<String> lists = new LinkedHashSet<>();
        Map<String, String> labels = new ConcurrentHashMap<>();
        try {
            collect(json.readTree(resource.getBytes()), keys, lists, labels);
        } catch (IOException e) {
            throw new IllegalStateException("The deployed form " + resourceName + " is not valid JSON", e);
        }
        return new Keys(Collections.unmodifiableSet(keys), Collections.unmodifiableSet(lists),
            Collections.unmodifiableMap(labels));
    }

    /**
     * The keys of the input fields; a dynamic list ({@code dynamiclist} with a {@code path}) is one key, its path,
     * whose value is the list of its rows (its fields' keys are the keys of each row, not of the form).
     */
    private static void collect(JsonNode node, Set<String> keys, Set<String> lists, Map<String, String> labels) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            String path = component.path("path").asText(null);
            if (DYNAMIC_LIST.equals(type) && path != null && !path.isBlank()) {
                keys.add(path);
                lists.add(path);
                label(component).ifPresent(label -> labels.put(path, label));
                continue;
            }
            String key = component.path("key").asText(null);
            if (key != null && !DISPLAY_TYPES.contains(type)) {
                keys.add(key);
                label(component).ifPresent(label -> labels.put(key, label));
            }
            collect(component, keys, lists, labels);
        }
    }

    /** A field's label without the hint in full-width parentheses (as common/FormField#name): a date's dateLabel. */
    private static Optional<String> label(JsonNode component) {
        String label = component.path("label").asText("");
        if (label.isBlank()) {
            label = component.path("dateLabel").asText("");
        }
        int hint = label.indexOf('（');
        label = (hint > 0 ? label.substring(0, hint) : label).strip();
        return label.isEmpty() ? Optional.empty() : Optional.of(label);
    }

    private record Form(String key, Set<String> keys, Set<String> lists, Map<String, String> labels) {
        static final Form NONE = new Form(null, Set.of(), Set.of(), Map.of());

        /** What a message calls the field: its label, or "“key”这一项" for a field without one. */
        String label(String name) {
            String label = labels.get(name);
            return label != null ? label : "“" + name + "”这一项";
        }
    }
}
