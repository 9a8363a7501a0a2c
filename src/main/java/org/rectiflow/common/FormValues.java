package org.rectiflow.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Typed, validated reading of the values a user submitted with a task form, each field declared once as a
 * {@link FormField} (key, label, length). A missing or malformed
 * value is a {@link FormFieldValidationException} (HTTP 400 from the REST API's task completion, a message in
 * the Tasklist)
 * that names the field, thrown inside the task's transaction so nothing is written.
 */
public final class FormValues {

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
            throw invalid(key, label, "不能为空");
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
            throw invalid(key, label, "日期格式应为 yyyy-MM-dd");
        }
    }

    public static FormFieldValidationException invalid(String key, String label, String problem) {
        return new FormFieldValidationException(key, "字段 " + key + "（" + label + "）" + problem);
    }
}
