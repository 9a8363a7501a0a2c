package org.rectiflow.guard;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service: a task form (the Tasklist's {@code submit-form}) is checked against the task's
 * deployed form like a completion ({@link TaskForms}); no user starts a process through a start form. The form, the
 * deployed form and the form's variables of a task that no longer exists are refused as {@link TaskGoneException}.
 */
class GuardedFormService extends FormServiceImpl {

    private final TaskForms forms;

    GuardedFormService(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        commandExecutor.execute(new FormSubmission(taskId, properties, false, false));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
        return commandExecutor.execute(new FormSubmission(taskId, properties, true, deserializeValues));
    }

    @Override
    public TaskFormData getTaskFormData(String taskId) {
        return VanishedTasks.refusedOrGone(commandExecutor, taskId,
            () -> commandExecutor.execute(new TaskForm(taskId)));
    }

    @Override
    public InputStream getDeployedTaskForm(String taskId) {
        return VanishedTasks.refusedOrGone(commandExecutor, taskId,
            () -> commandExecutor.execute(new DeployedTaskForm(taskId)));
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
                                            boolean deserializeObjectValues) {
        return VanishedTasks.refusedOrGone(commandExecutor, taskId, () -> commandExecutor.execute(
            new TaskFormVariables(taskId, formVariables, deserializeObjectValues)));
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.submitStartForm(processDefinitionId, properties);
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                           Map<String, Object> properties) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.submitStartForm(processDefinitionId, businessKey, properties);
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.submitStartFormData(processDefinitionId, properties);
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
                                               Map<String, String> properties) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.submitStartFormData(processDefinitionId, businessKey, properties);
    }

    /** The engine's command, which answers a task gone with a NullValueException (logged as an ERROR). */
    private static final class TaskForm extends GetTaskFormCmd {

        TaskForm(String taskId) {
            super(taskId);
        }

        @Override
        public TaskFormData execute(CommandContext commandContext) {
            VanishedTasks.ensureExists(commandContext, taskId);
            return super.execute(commandContext);
        }
    }

    /**
     * The engine's command, which checks the reader's permission on the task before it asks whether the task exists:
     * for a task already gone that check fails with a NullPointerException (logged as an ERROR with its stack).
     */
    private static final class DeployedTaskForm extends GetDeployedTaskFormCmd {

        DeployedTaskForm(String taskId) {
            super(taskId);
        }

        @Override
        protected void checkAuthorization() {
            VanishedTasks.ensureExists(commandContext, taskId);
            super.checkAuthorization();
        }
    }

    /** The engine's command, which answers a task gone with a BadUserRequestException (HTTP 400). */
    private static final class TaskFormVariables extends GetTaskFormVariablesCmd {

        TaskFormVariables(String taskId, Collection<String> variableNames, boolean deserializeObjectValues) {
            super(taskId, variableNames, deserializeObjectValues);
        }

        @Override
        public VariableMap execute(CommandContext commandContext) {
            VanishedTasks.ensureExists(commandContext, resourceId);
            return super.execute(commandContext);
        }
    }

    private final class FormSubmission extends SubmitTaskFormCmd {

        FormSubmission(String taskId, Map<String, Object> properties, boolean returnVariables,
                       boolean deserializeValues) {
            super(taskId, properties, returnVariables, deserializeValues);
        }

        @Override
        public VariableMap execute(CommandContext commandContext) {
            TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
            if (task != null) {
                // who may work on the task is checked before what they sent, as the engine's completion does
                for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkTaskWork(task);
                }
            }
            try {
                if (task != null) {
                    properties = forms.accept(task, properties, commandContext);
                }
                return super.execute(commandContext);
            } catch (FormFieldValidationException refusal) {
                FormRefusals.log(commandContext, taskId, task, refusal);
                throw refusal;
            }
        }
    }
}
