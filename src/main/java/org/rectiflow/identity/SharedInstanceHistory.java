package org.rectiflow.identity;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A unit reads the history of its own work only. The engine grants a task's candidate group READ on the task's
 * history ({@code HISTORIC_TASK}), and Camunda's history queries read that grant as "every variable of the task's
 * process instance" (they join the variables to any task of the instance). That is right for an instance that is
 * one unit's work (a measure, a clue), but a round's instance holds every unit's plan task and the plan's comment
 * tasks: a unit with one task there would read every other unit's plan in the round's history. So the history
 * grant is given for tasks of the instances that belong to one unit's work only ({@link #ONE_PARTY_PROCESSES});
 * elsewhere a task keeps its runtime grant (READ, work on it) and the overseers keep their history through their
 * process-definition grant ({@link AccessSetup}).
 */
@Component
public class SharedInstanceHistory extends AbstractProcessEnginePlugin {

    /** The diagrams whose instance is one measure's or one clue's work, keys as deployed. */
    static final Set<String> ONE_PARTY_PROCESSES = Set.of("measure-execution", "clue-handling");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** The engine's default authorizations, but no history grant on a task of a shared instance. */
    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
            AuthorizationEntity[] authorizations = super.createOrUpdateAuthorizations(task, groupId, userId);
            if (authorizations.length < 2 || belongsToOneParty(task)) {
                return authorizations;
            }
            AuthorizationEntity history = authorizations[1];
            if (history.getId() != null) {
                // an existing grant (given before this rule) stays as it was: the provider only adds permissions
                return authorizations;
            }
            return new AuthorizationEntity[] {authorizations[0]};
        }

        private static boolean belongsToOneParty(Task task) {
            if (task.getProcessInstanceId() == null) {
                return true; // a standalone task: its own history
            }
            String key = task instanceof TaskEntity entity && entity.getProcessDefinition() != null
                ? entity.getProcessDefinition().getKey() : null;
            return key != null && ONE_PARTY_PROCESSES.contains(key);
        }
    }
}
