package org.rectiflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * Who may see what. Tasks are visible through their candidate group only (the engine grants the
 * group READ and TASK_WORK on each task it creates), so a unit sees its own measures and nothing
 * else. Every group may open the Tasklist; the office, the leading group, the supervision group, the
 * discipline inspectors and normal management also open Cockpit and read every instance and task; the
 * office may start rounds.
 * Idempotent: an existing grant is extended, never duplicated.
 */
@Component
public class AccessSetup {

    public static final String FILTER_MY_UNIT = "我的单位待办";

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    public AccessSetup(AuthorizationService authorizationService, FilterService filterService,
                       TaskService taskService) {
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    void grant(OrganisationFile organisation) {
        for (OrganisationFile.Group unit : organisation.units()) {
            grantWorker(unit.id());
        }
        for (OrganisationFile.KeyGroup keyGroup : organisation.keyGroups()) {
            grantWorker(keyGroup.id());
        }
        for (OrganisationFile.Group role : organisation.roleGroups()) {
            grantWorker(role.id());
            grantOverseer(role.id());
        }
        // the office registers feedbacks: it starts inspection-round instances
        grant(RoleGroups.OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(RoleGroups.OFFICE, Resources.PROCESS_DEFINITION, "inspection-round",
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        createFilters();
    }

    /** Every group: the Tasklist, and the process definitions' names and forms. */
    private void grantWorker(String groupId) {
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }

    /** The role groups: Cockpit, and read access to every instance, task and its history. */
    private void grantOverseer(String groupId) {
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(groupId, Resources.TASK, ANY, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
            .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /** The Tasklist's default filter: the tasks of the user's groups (their unit) and their own. */
    private void createFilters() {
        if (filterService.createFilterQuery().filterName(FILTER_MY_UNIT).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", "本单位（本组）的整改待办事项");
        properties.put("priority", -10);
        properties.put("refresh", true);
        properties.put("variables", List.of(
            Map.of("name", "measureCode", "label", "措施编号"),
            Map.of("name", "unitName", "label", "责任单位"),
            Map.of("name", "deadlineText", "label", "完成时限")));
        Filter filter = filterService.newTaskFilter(FILTER_MY_UNIT)
            .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks())
            .setProperties(properties);
        filterService.saveFilter(filter);
        Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyone);
    }
}
