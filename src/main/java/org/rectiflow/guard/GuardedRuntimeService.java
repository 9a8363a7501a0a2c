package org.rectiflow.guard;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.runtime.ConditionEvaluationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationAsyncBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;
import org.camunda.bpm.engine.runtime.SignalEventReceivedBuilder;

/**
 * The engine's runtime service without what would let a user route the work ({@link EngineCalls}): starting
 * a process, writing or removing a variable, moving or restarting a token, correlating a message, sending a
 * signal or a condition, or migrate with variables. Every start method of the engine ends in one of the two instantiation builders and
 * every message method in the correlation builder, so those are guarded once.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

    @Override
    public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.createProcessInstanceById(processDefinitionId);
    }

    @Override
    public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
        EngineCalls.refuseFromUser(EngineCalls.START);
        return super.createProcessInstanceByKey(processDefinitionKey);
    }

    @Override
    public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        return super.createMessageCorrelation(messageName);
    }

    @Override
    public MessageCorrelationAsyncBuilder createMessageCorrelationAsync(String messageName) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        return super.createMessageCorrelationAsync(messageName);
    }

    @Override
    public void messageEventReceived(String messageName, String executionId) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        super.messageEventReceived(messageName, executionId);
    }

    @Override
    public void messageEventReceived(String messageName, String executionId, Map<String, Object> processVariables) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        super.messageEventReceived(messageName, executionId, processVariables);
    }

    @Override
    public SignalEventReceivedBuilder createSignalEvent(String signalName) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        return super.createSignalEvent(signalName);
    }

    @Override
    public void signal(String executionId) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        super.signal(executionId);
    }

    @Override
    public void signal(String executionId, String signalName, Object signalData, Map<String, Object> processVariables) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        super.signal(executionId, signalName, signalData, processVariables);
    }

    @Override
    public void signal(String executionId, Map<String, Object> processVariables) {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        super.signal(executionId, processVariables);
    }

    @Override
    public ConditionEvaluationBuilder createConditionEvaluation() {
        EngineCalls.refuseFromUser(EngineCalls.EVENTS);
        return super.createConditionEvaluation();
    }

    @Override
    public ProcessInstanceModificationBuilder createProcessInstanceModification(String processInstanceId) {
        EngineCalls.refuseFromUser(EngineCalls.MODIFICATION);
        return super.createProcessInstanceModification(processInstanceId);
    }

    @Override
    public ModificationBuilder createModification(String processDefinitionId) {
        EngineCalls.refuseFromUser(EngineCalls.MODIFICATION);
        return super.createModification(processDefinitionId);
    }

    @Override
    public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
        EngineCalls.refuseFromUser(EngineCalls.MODIFICATION);
        return super.restartProcessInstances(processDefinitionId);
    }

    /** The process owner migrates running instances to a new version, but a migration plan carries no variables. */
    @Override
    public MigrationPlanExecutionBuilder newMigration(MigrationPlan migrationPlan) {
        if (migrationPlan != null && migrationPlan.getVariables() != null && !migrationPlan.getVariables().isEmpty()) {
            EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        }
        return super.newMigration(migrationPlan);
    }

    @Override
    public void setVariable(String executionId, String variableName, Object value) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariable(executionId, variableName, value);
    }

    @Override
    public void setVariableLocal(String executionId, String variableName, Object value) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariableLocal(executionId, variableName, value);
    }

    @Override
    public void setVariables(String executionId, Map<String, ? extends Object> variables) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariables(executionId, variables);
    }

    @Override
    public void setVariablesLocal(String executionId, Map<String, ? extends Object> variables) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.setVariablesLocal(executionId, variables);
    }

    @Override
    public Batch setVariablesAsync(List<String> processInstanceIds, Map<String, ?> variables) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        return super.setVariablesAsync(processInstanceIds, variables);
    }

    @Override
    public void removeVariable(String executionId, String variableName) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariable(executionId, variableName);
    }

    @Override
    public void removeVariableLocal(String executionId, String variableName) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariableLocal(executionId, variableName);
    }

    @Override
    public void removeVariables(String executionId, Collection<String> variableNames) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariables(executionId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String executionId, Collection<String> variableNames) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.removeVariablesLocal(executionId, variableNames);
    }

    @Override
    public void updateVariables(String executionId, Map<String, ? extends Object> modifications,
                                Collection<String> deletions) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.updateVariables(executionId, modifications, deletions);
    }

    @Override
    public void updateVariablesLocal(String executionId, Map<String, ? extends Object> modifications,
                                     Collection<String> deletions) {
        EngineCalls.refuseFromUser(EngineCalls.VARIABLES);
        super.updateVariablesLocal(executionId, modifications, deletions);
    }
}
