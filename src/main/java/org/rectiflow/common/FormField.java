package org.rectiflow.common;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * One input field of a Camunda Form of forms/, declared once where the code reads it: the form's id, the
 * field's key, its Chinese label exactly as the form shows it, and the most characters the recording step
 * accepts. The value a user submits is a transient variable of the completing transaction (guard/TaskForms);
 * the recording delegate after the task reads it through {@link FormValues}. A model test checks every
 * declaration against its form file, and that every input field of every form is declared.
 *
 * @param form      the form's id ({@code "id"} of the .form file, what {@code camunda:formRef} names)
 * @param key       the field's key, the name of the submitted value
 * @param label     the field's label as the form shows it ({@code dateLabel} for a date picker)
 * @param maxLength the most characters accepted (the form's own {@code validate.maxLength} when it sets one)
 */
public record FormField(String form, String key, String label, int maxLength) {

    /** What {@link FormValues} accepts at most for a choice's value (an enum constant's name). */
    static final int CHOICE_LENGTH = 64;
    /** ... for a date's text (yyyy-MM-dd, perhaps with a time after it). */
    static final int DATE_LENGTH = 40;
    /** ... for a whole number's text. */
    static final int NUMBER_LENGTH = 12;

    public static FormField text(String form, String key, String label, int maxLength) {
        return new FormField(form, key, label, maxLength);
    }

    /** A radio or select field whose values are the names of an enum's constants. */
    public static FormField choice(String form, String key, String label) {
        return new FormField(form, key, label, CHOICE_LENGTH);
    }

    public static FormField date(String form, String key, String label) {
        return new FormField(form, key, label, DATE_LENGTH);
    }

    public static FormField number(String form, String key, String label) {
        return new FormField(form, key, label, NUMBER_LENGTH);
    }

    /**
     * A dynamic list (form-js {@code dynamiclist}): {@code key} is its {@code path}, {@code label} its label, and
     * {@code maxLength} the most characters of its rows as the JSON text the Tasklist submits. Its fields are
     * declared with {@link #item}; {@link FormValues#rows} reads it.
     */
    public static FormField list(String form, String path, String label, int maxLength) {
        return new FormField(form, path, label, maxLength);
    }

    /** A field of each row of a dynamic list: its key is the list's path, a dot, and the field's own key. */
    public static FormField item(FormField list, String key, String label, int maxLength) {
        return new FormField(list.form(), list.key() + "." + key, label, maxLength);
    }

    /** A field of a list's row: its key within the row (after the list's path and the dot). */
    public String itemKey() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /**
     * What error messages call the field: its label without the hint in full-width parentheses that some forms
     * add to it ("意见说明（退回时必填）" is "意见说明").
     */
    public String name() {
        int hint = label.indexOf('（');
        return hint > 0 ? label.substring(0, hint) : label;
    }

    /**
     * A validation error of this field, thrown inside the task's transaction: its message is the field's
     * {@link #name} followed by the problem ("计划完成时间" + "不能早于今天"); the key is only the exception's detail.
     */
    public FormFieldValidationException invalid(String problem) {
        return FormValues.invalid(key, name(), problem);
    }

    /** This field left empty: "请填写" and its name. */
    public FormFieldValidationException required() {
        return FormValues.required(key, name());
    }

    /** This field left empty when a choice needs it: the situation, "请填写" and its name ("退回修改时请填写意见说明"). */
    public FormFieldValidationException requiredWhen(String situation) {
        return new FormFieldValidationException(key, situation + "请填写" + name());
    }

    /** Removes the submitted value from the transaction (a later step must not read it). */
    public void discard(VariableScope scope) {
        scope.removeVariable(key);
    }

    /** Fills the field in on a task before the user opens it (a task-local value that the submission replaces). */
    public void prefill(VariableScope task, Object value) {
        task.setVariableLocal(key, value);
    }
}
