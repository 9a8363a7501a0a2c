package org.rectiflow.guard;

import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service: a task form (the Tasklist's {@code submit-form}) is checked against the task's
 * deployed form like a completion ({@link TaskForms}); no user starts a process through a start form.
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
