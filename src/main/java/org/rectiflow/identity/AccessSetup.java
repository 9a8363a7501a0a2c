package org.rectiflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the {@link AccessPolicy}: its authorizations and the Tasklist's filters. Tasks are
 * visible through their candidate group only (the engine grants the group READ and TASK_WORK on each task it
 * creates), so a unit sees its own measures and nothing else. Every group may open the Tasklist; the overseers
 * (the office, the leading group, the supervision group, the discipline inspectors and normal management, as the
 * organisation file says) also open Cockpit and read every instance and task; the process owner opens Cockpit to
 * deploy and migrate; the office may start rounds.
 * Idempotent: an existing grant is extended, never duplicated.
 */
@Component
public class AccessSetup {

    public static final String FILTER_MY_UNIT = "我的单位待办";
    public static final String FILTER_OVERDUE = "已超期";
    public static final String FILTER_DUE_SOON = "临近时限";
    public static final String FILTER_MINE = "我认领的";

    /**
     * 已超期: a task is due at its deadline's day at the deadline time, so it is overdue (the ladder's one rule,
     * {@code Ladder.overdue}: its deadline's day is over) when its due date is before today's deadline time.
     */
    static final String OVERDUE_FROM = "${escalationLadder.overdueFrom()}";
    /** 临近时限 ends where 已超期 begins: a task due today or later is not overdue. */
    static final String NOT_OVERDUE_AFTER = "${escalationLadder.notOverdueAfter()}";

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AccessPolicy policy;

    public AccessSetup(AuthorizationService authorizationService, FilterService filterService,
                       TaskService taskService, AccessPolicy policy) {
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.policy = policy;
    }

    /** Grants what the organisation file's groups may do in the engine (the initial import). */
    void grant(OrganisationFile organisation) {
        policy.use(organisation);
        List<String> workers = new ArrayList<>();
        organisation.units().forEach(u -> workers.add(u.id()));
        organisation.keyGroups().forEach(k -> workers.add(k.id()));
        grant(organisation.roleGroups().stream()
            .map(g -> new OrganisationRepository.RoleGroup(g.id(), g.name(), g.overseesAllUnits())).toList(), workers);
    }

    /**
     * Grants what the organisation's groups may do in the engine: every unit and key group works in the Tasklist,
     * every role group too, and the overseeing ones read everything ({@link AccessPolicy}). Called after every
     * change of the organisation, in its transaction; a new unit's Tasklist filters are the shared ones (they
     * select by the user's groups), so only their existence is checked.
     */
    void grant(List<OrganisationRepository.RoleGroup> roleGroups, Collection<String> workerGroups) {
        for (String group : workerGroups) {
            grantWorker(group);
        }
        Set<String> overseers = AccessPolicy.overseersOf(roleGroups);
        for (OrganisationRepository.RoleGroup role : roleGroups) {
            grantWorker(role.code());
            if (overseers.contains(role.code())) {
                grantOverseer(role.code());
            }
        }
        // the office registers feedbacks: it starts inspection-round instances (AccessPolicy.mayRegisterRounds)
        grant(RoleGroups.OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(RoleGroups.OFFICE, Resources.PROCESS_DEFINITION, "inspection-round",
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        if (roleGroups.stream().anyMatch(g -> g.code().equals(RoleGroups.PROCESS_OWNER))) {
            grantProcessOwner(RoleGroups.PROCESS_OWNER);
        }
        createFilters();
    }

    /**
     * A group no longer overseeing loses what {@link #grantOverseer} gave it (its worker grants stay); nothing to do
     * for one that never had them.
     */
    void revokeOverseer(String groupId) {
        for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DEPLOYMENT,
                Resources.GROUP)) {
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(ANY).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        }
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
            .resourceType(Resources.APPLICATION).resourceId(COCKPIT).list()
            .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }

    /** Every group: the Tasklist, and the process definitions' names and forms. */
    private void grantWorker(String groupId) {
        grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }

    /** The overseeing role groups: Cockpit, and read access to every instance, task and its history, and the groups. */
    private void grantOverseer(String groupId) {
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(groupId, Resources.TASK, ANY, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // the groups' names: Cockpit's tasks dashboard names each candidate group (思明分局, not siming) only for a
        // user who may read the group (issue 17, point 6)
        grant(groupId, Resources.GROUP, ANY, Permissions.READ);
    }

    /**
     * The process owner changes the diagrams: deploys from the Modeler (POST /engine-rest/deployment/create),
     * removes a deployment, and migrates running instances to a new version (a batch) in Cockpit, where it reads
     * every instance and task. It does not oversee the rectification: the application's API gives it no unit.
     */
    private void grantProcessOwner(String groupId) {
        grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(groupId, Resources.TASK, ANY, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.ALL);
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        grant(groupId, Resources.BATCH, ANY, Permissions.CREATE, Permissions.READ);
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

    /**
     * The Tasklist's default filters, for everyone (a filter shows only the tasks its user may see: a unit
     * user its unit's, the supervision group every unit's): the unit's tasks, the overdue ones, those whose
     * follow-up date (the amber reminder) has come, and those the user has claimed. Each is created once, by
     * name; an administrator may change or delete them in the Tasklist afterwards.
     */
    private void createFilters() {
        createFilter(FILTER_MY_UNIT, "本单位（本组）的整改待办事项", -10,
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        createFilter(FILTER_OVERDUE, "已过完成时限仍未办结的待办事项", -5,
            taskService.createTaskQuery().dueBeforeExpression(OVERDUE_FROM).orderByDueDate().asc());
        createFilter(FILTER_DUE_SOON, "已到跟进日期（临近完成时限）的待办事项", 0,
            taskService.createTaskQuery().followUpBeforeExpression("${now()}").dueAfterExpression(NOT_OVERDUE_AFTER)
                .orderByDueDate().asc());
        createFilter(FILTER_MINE, "我已认领的待办事项", 5,
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    /**
     * What a task's card in the list shows (the filters' {@code variables}), each where its task has it: a measure's
     * code, text, problem, unit and deadline; a plan comment's round. Variables the processes already have (the
     * forms' texts); the card cuts long ones to two lines (tasklist styles/user-styles.css), the tooltip shows all.
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
        Map.of("name", "measureCode", "label", "措施编号"),
        Map.of("name", "measureContent", "label", "整改措施"),
        Map.of("name", "problemTitle", "label", "问题"),
        Map.of("name", "unitName", "label", "责任单位"),
        Map.of("name", "deadlineText", "label", "完成时限"),
        Map.of("name", "roundText", "label", "巡察轮次"));

    /** The cards' variables of the first releases: a filter still showing exactly these gets {@link #CARD_VARIABLES}. */
    private static final List<Map<String, String>> EARLIER_CARD_VARIABLES = List.of(
        Map.of("name", "measureCode", "label", "措施编号"),
        Map.of("name", "unitName", "label", "责任单位"),
        Map.of("name", "deadlineText", "label", "完成时限"));

    private void createFilter(String name, String description, int priority, TaskQuery query) {
        List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
        for (Filter filter : existing) {
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            if (EARLIER_CARD_VARIABLES.equals(properties.get("variables"))) {
                properties.put("variables", CARD_VARIABLES);
                filterService.saveFilter(filter.setProperties(properties));
            }
        }
        if (!existing.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyone);
    }
}
