package org.rectiflow.evidence;

import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's tasks of the subjects other than a measure's report, asked without the caller's authorizations (the
 * answer decides, the caller sees no task): found by the process instance the ledger stored (the round's, the
 * clue's) and the task's definition key; a unit's task by its candidate group (written by the engine when it created
 * the task, from the round's unit list), a look-back check by the sampled measure of its multi-instance (the element
 * variable the engine set from the ledger's sample; a task's completion only accepts its form's fields:
 * guard/TaskForms). The element ids are inspection-round.bpmn's and clue-handling.bpmn's (this package depends on
 * no feature: SubjectTasksTest checks them against the diagrams' constants classes).
 */
@Component
class OpenSubjectTasks {

    static final String DRAFT_UNIT_PLAN = "userTask_draftUnitPlan";
    static final String REVIEW_UNIT_PLAN = "userTask_reviewUnitPlan";
    static final String CHECK_FOR_RELAPSE = "userTask_checkForRelapse";
    static final String VERIFY_CLUE = "userTask_verifyClue";
    static final String RECORD_ACCOUNTABILITY = "userTask_recordAccountability";
    /** The element variables of the per-unit rectification and of the look-back check (inspection-round.bpmn). */
    static final String UNIT_CODE = "unitCode";
    static final String LOOK_BACK_MEASURE = "lookBackMeasure";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    OpenSubjectTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Whether the unit's 制定本单位整改方案 task is open in the round's instance. */
    boolean unitPlanDraftOpen(String roundInstanceId, String unitCode) {
        return roundInstanceId != null && asEngine(() -> taskService.createTaskQuery().processInstanceId(roundInstanceId)
            .taskDefinitionKey(DRAFT_UNIT_PLAN).taskCandidateGroup(unitCode).includeAssignedTasks().count() > 0);
    }

    /** Whether the clue's 初步核实 task is open in its instance. */
    boolean clueVerificationOpen(String clueInstanceId) {
        return clueInstanceId != null && asEngine(() -> taskService.createTaskQuery().processInstanceId(clueInstanceId)
            .taskDefinitionKey(VERIFY_CLUE).count() > 0);
    }

    /** Whether the round's 核查整改成效 task of the sampled measure is open. */
    boolean lookBackCheckOpen(String roundInstanceId, String measureCode) {
        return roundInstanceId != null && asEngine(() -> taskService.createTaskQuery()
            .processInstanceId(roundInstanceId).taskDefinitionKey(CHECK_FOR_RELAPSE).list().stream()
            .anyMatch(task -> measureCode.equals(variable(task.getExecutionId(), LOOK_BACK_MEASURE).orElse(null))));
    }

    /** The execution of a task (by the task's id) or the execution itself (by its id), if it runs. */
    Optional<String> execution(String executionOrTaskId) {
        return asEngine(() -> {
            Task task = taskService.createTaskQuery().taskId(executionOrTaskId).singleResult();
            if (task != null) {
                return Optional.ofNullable(task.getExecutionId());
            }
            return runtimeService.createExecutionQuery().executionId(executionOrTaskId).count() > 0
                ? Optional.of(executionOrTaskId) : Optional.<String>empty();
        });
    }

    /** A variable as the execution sees it (its own or its scopes'), as a string. */
    Optional<String> variable(String executionId, String name) {
        return asEngine(() -> {
            Object value = runtimeService.getVariable(executionId, name);
            return value instanceof String text ? Optional.of(text) : Optional.<String>empty();
        });
    }

    private <T> T asEngine(Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
