package org.rectiflow.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Typed, validated reading of the values a user submitted with a task form, each field declared once as a
 * {@link FormField} (key, label, length). A missing or malformed
 * value is a {@link FormFieldValidationException} (HTTP 400 from the REST API's task completion, a message in
 * the Tasklist)
 * that names the field by its label (请填写办理状态, 办理状态应为整数; the key is the exception's detail), thrown inside the task's transaction so nothing is written.
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;

    private FormValues(VariableScope scope) {
        this.scope = scope;
    }

    public static FormValues of(VariableScope scope) {
        return new FormValues(scope);
    }

    /** A non-blank text of at most the field's length. */
    public String requiredText(FormField field) {
        return requiredText(field.key(), field.name(), field.maxLength());
    }

    /** A text of at most the field's length that may be absent (null when blank). */
    public String optionalText(FormField field) {
        return optionalText(field.key(), field.name(), field.maxLength());
    }

    /** A whole number: the form's number field, or its text. */
    public int requiredInteger(FormField field) {
        return requiredInteger(field.key(), field.name());
    }

    /** One of the constants of an enum, by name. */
    public <E extends Enum<E>> E requiredChoice(FormField field, Class<E> type) {
        return requiredChoice(field.key(), field.name(), type);
    }

    /** A calendar date: the form's "yyyy-MM-dd" string, or a Date set through the API. */
    public LocalDate requiredDate(FormField field, ZoneId zone) {
        return requiredDate(field.key(), field.name(), zone);
    }

    /**
     * The rows of a dynamic list ({@link FormField#list}), each as its fields' texts by {@link FormField#itemKey}
     * (null when empty): an absent list is no row. The list's JSON must be an array of objects whose keys are
     * among {@code fields}; each field's text is at most its length. An error names the list (and the row).
     */
    public List<Map<String, String>> rows(FormField list, List<FormField> fields) {
        Object raw = scope.getVariable(list.key());
        if (raw == null || raw.toString().isBlank()) {
            return List.of();
        }
        String text = raw.toString();
        if (text.length() > list.maxLength()) {
            throw list.invalid("内容过长，不能超过" + list.maxLength() + "个字符");
        }
        JsonNode rows;
        try {
            rows = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw list.invalid("不是有效的列表");
        }
        if (rows == null || rows.isNull()) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw list.invalid("不是有效的列表");
        }
        Map<String, FormField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.itemKey(), f));
        List<Map<String, String>> read = new ArrayList<>();
        for (JsonNode row : rows) {
            int number = read.size() + 1;
            if (!row.isObject()) {
                throw FormValues.invalid(list.key(), list.name(), "第" + number + "条不是有效的内容");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> cell : (Iterable<Map.Entry<String, JsonNode>>) row::fields) {
                FormField field = byKey.get(cell.getKey());
                if (field == null) {
                    throw FormValues.invalid(list.key(), list.name(), "第" + number + "条含有表单以外的字段 "
                        + (cell.getKey().length() > 40 ? cell.getKey().substring(0, 40) + "…" : cell.getKey()));
                }
                JsonNode value = cell.getValue();
                if (value.isContainerNode()) {
                    throw FormValues.invalid(list.key(), list.name(), "第" + number + "条的" + field.name() + "取值无效");
                }
                String cellText = value.isNull() ? null : value.asText().strip();
                if (cellText != null && cellText.length() > field.maxLength()) {
                    throw FormValues.invalid(list.key(), list.name(), "第" + number + "条的" + field.name() + "不能超过"
                        + field.maxLength() + "个字符");
                }
                values.put(field.itemKey(), cellText == null || cellText.isEmpty() ? null : cellText);
            }
            read.add(values);
        }
        return read;
    }

    /**
     * The text as submitted, unchecked: for a later step of the same transaction, after the recording step has
     * checked it. A value that is not text is an error naming the field.
     */
    public String asSubmitted(FormField field) {
        return Variable.string(field.key()).get(scope);
    }

    // by key and label: for a value a caller passes in that no form declares (a call activity's input)

    /** A non-blank text of at most {@code maxLength} characters. */
    public String requiredText(String key, String label, int maxLength) {
        String value = optionalText(key, label, maxLength);
        if (value == null) {
            throw required(key, label);
        }
        return value;
    }

    /** A text that may be absent (null when blank). */
    public String optionalText(String key, String label, int maxLength) {
        Object raw = scope.getVariable(key);
        if (raw == null) {
            return null;
        }
        String value = raw.toString().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(key, label, "不能超过" + maxLength + "个字符");
        }
        return value;
    }

    /** A whole number: a form's number field, or its text. */
    public int requiredInteger(String key, String label) {
        Object raw = scope.getVariable(key);
        if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        String value = requiredText(key, label, FormField.NUMBER_LENGTH);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, label, "应为整数");
        }
    }

    /** One of the constants of an enum, by name. */
    public <E extends Enum<E>> E requiredChoice(String key, String label, Class<E> type) {
        String value = requiredText(key, label, FormField.CHOICE_LENGTH);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(key, label, "取值“" + value + "”无效");
        }
    }

    /** A calendar date: a form's "yyyy-MM-dd" string, or a Date set through the API. */
    public LocalDate requiredDate(String key, String label, ZoneId zone) {
        Object raw = scope.getVariable(key);
        if (raw instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), zone);
        }
        String value = requiredText(key, label, FormField.DATE_LENGTH);
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw invalid(key, label, "的日期格式应为 yyyy-MM-dd");
        }
    }

    /**
     * A refusal of what the user typed into a field: the message names the field by its label only ("办理状态" +
     * "应为整数"), as the user knows it; the key stays in the exception's detail (for the log).
     */
    public static FormFieldValidationException invalid(String key, String label, String problem) {
        return new FormFieldValidationException(key, label + problem);
    }

    /** A required field left empty: "请填写" and the label. */
    public static FormFieldValidationException required(String key, String label) {
        return new FormFieldValidationException(key, "请填写" + label);
    }
}
