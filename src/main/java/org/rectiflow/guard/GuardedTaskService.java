package org.rectiflow.guard;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with a task completed only through its form ({@link TaskForms}) and no variable
 * written, removed or thrown with an event by a user ({@link EngineCalls}); a claim of a task that no longer exists
 * is refused as {@link TaskGoneException}.
 */
class GuardedTaskService extends TaskServiceImpl {

    private final TaskForms forms;

    GuardedTaskService(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        commandExecutor.execute(new FormCompletion(taskId, variables, false, false));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                     boolean deserializeValues) {
        return commandExecutor.execute(new FormCompletion(taskId, variables, true, deserializeValues));
    }

    @Override
    public void claim(String taskId, String userId) {
        VanishedTasks.refusedOrGone(commandExecutor, taskId, () -> commandExecutor.execute(new Claim(taskId, userId)));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        if (variables != null && !variables.isEmpty()) {
            EngineCalls.refuseFromUser(EngineCalls.DELEGATED_VARIABLES);
        }
        super.resolveTask(taskId, variables);
    }

    @Override
    protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariables(taskId, variables, local);
    }

    @Override
    public void setVariable(String taskId, String variableName, Object value) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariable(taskId, variableName, value);
    }

    @Override
    public void setVariableLocal(String taskId, String variableName, Object value) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariableLocal(taskId, variableName, value);
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions,
                                   boolean local) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.updateVariables(taskId, modifications, deletions, local);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariable(taskId, variableName);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariableLocal(taskId, variableName);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariables(taskId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariablesLocal(taskId, variableNames);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        EngineCalls.refuseFromUser(EngineCalls.TASK_EVENTS);
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        EngineCalls.refuseFromUser(EngineCalls.TASK_EVENTS);
        super.handleBpmnError(taskId, errorCode, errorMessage);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        EngineCalls.refuseFromUser(EngineCalls.TASK_EVENTS);
        super.handleBpmnError(taskId, errorCode);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        EngineCalls.refuseFromUser(EngineCalls.TASK_EVENTS);
        super.handleEscalation(taskId, escalationCode, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        EngineCalls.refuseFromUser(EngineCalls.TASK_EVENTS);
        super.handleEscalation(taskId, escalationCode);
    }

    /** The engine's claim; a task already gone is said so (the engine's own answer is a NullValueException). */
    private static final class Claim extends ClaimTaskCmd {

        Claim(String taskId, String userId) {
            super(taskId, userId);
        }

        @Override
        public Void execute(CommandContext commandContext) {
            VanishedTasks.ensureExists(commandContext, taskId);
            return super.execute(commandContext);
        }
    }

    /** The engine's completion, with the submitted values checked against the task's form once it may work on it. */
    private final class FormCompletion extends CompleteTaskCmd {

        FormCompletion(String taskId, Map<String, Object> variables, boolean returnVariables,
                       boolean deserializeReturnedVariables) {
            super(taskId, variables, returnVariables, deserializeReturnedVariables);
        }

        /** The task being completed, once the engine found it (for the refusal's log line). */
        private transient TaskEntity task;

        @Override
        public VariableMap execute(CommandContext commandContext) {
            try {
                return super.execute(commandContext);
            } catch (FormFieldValidationException refusal) {
                FormRefusals.log(commandContext, taskId, task, refusal);
                throw refusal;
            }
        }

        @Override
        protected void checkCompleteTask(TaskEntity task, CommandContext commandContext) {
            super.checkCompleteTask(task, commandContext);
            this.task = task;
            variables = forms.accept(task, variables, commandContext);
        }
    }
}
