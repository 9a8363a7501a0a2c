package org.rectiflow.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.plan.RectificationPlanProcess;
import org.rectiflow.plan.UnitPlanVariables;
import org.springframework.stereotype.Component;

/**
 * Completes the first stages of a round as its people would in the Tasklist: the leading-group meeting,
 * the plan's comment rounds and approval, and the units' implementation plans. The demo uses it to put
 * its round where the seed's stood; tests use it to reach the measures. Runs as the engine (no user).
 */
@Component
public class RoundWalkthrough {

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    public RoundWalkthrough(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    public void holdMeeting(String roundCode, LocalDate heldOn, String title, String attendees, String decisions) {
        complete(roundCode, InspectionRoundProcess.Elements.LEADING_GROUP_MEETING, Map.of(
            InspectionRoundProcess.Variables.MEETING_DATE.key(), heldOn.toString(),
            InspectionRoundProcess.Variables.MEETING_TITLE.key(), title,
            InspectionRoundProcess.Variables.ATTENDEES.key(), attendees,
            InspectionRoundProcess.Variables.MEETING_DECISIONS.key(), decisions));
    }

    /**
     * Drafts the plan, answers every comment round (the first reviewer of each round with the given
     * comment, the others with "无"), revises after each, and approves the newest version.
     */
    public void approvePlan(String roundCode, String summary, String comment) {
        draftPlan(roundCode, summary);
        while (open(roundCode, RectificationPlanProcess.Elements.APPROVE_PLAN).isEmpty()) {
            List<Task> comments = open(roundCode, RectificationPlanProcess.Elements.COMMENT_ON_PLAN);
            if (comments.isEmpty()) {
                throw new IllegalStateException("The plan of " + roundCode + " waits neither for comments nor approval");
            }
            for (int i = 0; i < comments.size(); i++) {
                taskService.complete(comments.get(i).getId(),
                    Map.of(RectificationPlanProcess.Variables.COMMENT_TEXT.key(), i == 0 ? comment : "无"));
            }
            complete(roundCode, RectificationPlanProcess.Elements.REVISE_PLAN,
                Map.of(RectificationPlanProcess.Variables.REVISION_NOTES.key(), "根据征求意见逐条推敲完善"));
        }
        Task approval = open(roundCode, RectificationPlanProcess.Elements.APPROVE_PLAN).get(0);
        Integer version = RectificationPlanProcess.Variables.PLAN_VERSION.get(runtimeService,
            approval.getExecutionId());
        taskService.complete(approval.getId(), Map.of(
            RectificationPlanProcess.Variables.APPROVED_VERSION.key(), version,
            RectificationPlanProcess.Variables.PLAN_DECISION.key(), RectificationPlanProcess.Decision.APPROVE.name()));
    }

    /** The office drafts the plan: it goes out for the first round of comments. */
    public void draftPlan(String roundCode, String summary) {
        complete(roundCode, RectificationPlanProcess.Elements.DRAFT_PLAN,
            Map.of(RectificationPlanProcess.Variables.PLAN_SUMMARY.key(), summary));
    }

    /** Every unit drafts its implementation plan and the office approves it: the units' measures start. */
    public void approveUnitPlans(String roundCode) {
        for (Task draft : open(roundCode, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN)) {
            taskService.complete(draft.getId(), Map.of(UnitPlanVariables.UNIT_PLAN.key(),
                "对照任务清单逐项明确责任人、完成时限和工作措施，确保按期完成整改。"));
        }
        for (Task review : open(roundCode, InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN)) {
            taskService.complete(review.getId(), Map.of(UnitPlanVariables.UNIT_PLAN_DECISION.key(),
                UnitPlanVariables.Decision.APPROVE.name()));
        }
    }

    private List<Task> open(String roundCode, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(roundCode).taskDefinitionKey(taskDefinitionKey)
            .list();
    }

    private void complete(String roundCode, String taskDefinitionKey, Map<String, Object> variables) {
        List<Task> tasks = open(roundCode, taskDefinitionKey);
        if (tasks.size() != 1) {
            throw new IllegalStateException(roundCode + " has " + tasks.size() + " open tasks " + taskDefinitionKey);
        }
        taskService.complete(tasks.get(0).getId(), variables);
    }
}
