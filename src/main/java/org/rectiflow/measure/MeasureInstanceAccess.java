package org.rectiflow.measure;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.rectiflow.identity.AccessPolicy;
import org.springframework.stereotype.Component;

/**
 * Lets the groups that work on a measure read its instance: the variables the Tasklist shows beside each
 * task (measure code, unit, deadline) and its history (comments, the task's history tab). Which groups those
 * are is the {@link AccessPolicy}'s answer ({@link AccessPolicy#measureReaders}); other units' instances stay
 * invisible. Granted by the engine itself, whoever's action started the measure.
 */
@Component
public class MeasureInstanceAccess {

    private final AuthorizationService authorizationService;
    private final AccessPolicy policy;

    public MeasureInstanceAccess(AuthorizationService authorizationService, AccessPolicy policy) {
        this.authorizationService = authorizationService;
        this.policy = policy;
    }

    /** Lets the readers of a measure of this unit and key group lead unit read its instance and history. */
    public void grantRead(String processInstanceId, String unitCode, String leadUnitCode) {
        grantRead(processInstanceId, policy.measureReaders(unitCode, leadUnitCode));
    }

    /**
     * Lets the readers of a measure read the instance that has just started it, in the instance's first
     * transaction: nothing can have granted anything on an instance id that did not exist before it (a reopened
     * measure runs in a new instance), so the grants are written without a look at what it has.
     */
    public void grantReadOnStart(String processInstanceId, String unitCode, String leadUnitCode) {
        grantRead(processInstanceId, policy.measureReaders(unitCode, leadUnitCode), false);
    }

    /** Lets these groups read the instance and its history; a grant the instance has already is kept, not doubled. */
    public void grantRead(String processInstanceId, List<String> groupIds) {
        grantRead(processInstanceId, groupIds, true);
    }

    private void grantRead(String processInstanceId, List<String> groupIds, boolean mayHaveGrants) {
        Callable<Void> grant = () -> {
            // One look at what the instance has (a transferred measure has some already), not one per grant.
            Set<String> granted = mayHaveGrants ? authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).resourceId(processInstanceId).list().stream()
                .map(a -> key(a.getGroupId(), a.getResourceType())).collect(Collectors.toSet()) : new HashSet<>();
            for (String groupId : new LinkedHashSet<>(groupIds)) {
                if (granted.add(key(groupId, Resources.PROCESS_INSTANCE.resourceType()))) {
                    save(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
                }
                if (granted.add(key(groupId, Resources.HISTORIC_PROCESS_INSTANCE.resourceType()))) {
                    save(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                        HistoricProcessInstancePermissions.READ);
                }
            }
            return null;
        };
        CommandContext commandContext = Context.getCommandContext();
        try {
            if (commandContext == null) {
                grant.call();
            } else {
                commandContext.runWithoutAuthorization(grant);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot grant read access to instance " + processInstanceId, e);
        }
    }

    private static String key(String groupId, int resourceType) {
        return groupId + "/" + resourceType;
    }

    private void save(String groupId, org.camunda.bpm.engine.authorization.Resource resource, String resourceId,
                      org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
