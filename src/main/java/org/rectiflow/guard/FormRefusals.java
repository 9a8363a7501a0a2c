package org.rectiflow.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task form the user has to correct (a missing or invalid field, a field the form does not have) is a refusal, not
 * a fault: the guarded completion logs it here as one WARN line saying what was refused, for whom and on which task,
 * and {@link EngineRefusalLogFilter} drops the engine's own ERROR with its stack for the same exception.
 */
final class FormRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(FormRefusals.class);

    private FormRefusals() {
    }

    /**
     * One line: {@code Task form refused: user officer1, task 单位整改并报告 (userTask_unitRectifies, id …), field
     * reportStatus: 请填写办理状态}; the field's key is here, the user's message names it by its label only.
     */
    static void log(CommandContext context, String taskId, TaskEntity task, FormFieldValidationException refusal) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        String user = context == null ? null : context.getAuthenticatedUserId();
        String what = task == null ? "task " + taskId
            : "task " + task.getName() + " (" + task.getTaskDefinitionKey() + ", id " + task.getId() + ")";
        LOG.warn("Task form refused: user {}, {}, field {}: {}", user == null ? "(none)" : user, what,
            oneLine(String.valueOf((Object) refusal.getDetail())), oneLine(refusal.getMessage()));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
