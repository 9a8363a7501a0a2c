package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_DUE_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.ROUND_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/** 提醒反馈意见: a reviewer who has not answered is reminded before the round closes. */
@Component
public class RemindPlanReviewerDelegate implements JavaDelegate {

    private final PlanReviewers reviewers;
    private final NotificationService notifications;

    public RemindPlanReviewerDelegate(PlanReviewers reviewers, NotificationService notifications) {
        this.reviewers = reviewers;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String round = TypedVariables.string(execution, ROUND_CODE);
        int commentRound = TypedVariables.integer(execution, COMMENT_ROUND, 0);
        String reviewer = TypedVariables.string(execution, REVIEWER);
        notifications.enqueue(new Notification(round + ":PLAN:" + commentRound + ":" + reviewer + ":REMINDER",
            reviewers.people(reviewer), "【征求意见提醒】整改方案第" + commentRound + "轮征求意见",
            "整改方案第" + commentRound + "轮征求意见将于" + TypedVariables.string(execution, COMMENT_DUE_TEXT)
                + "截止，逾期未反馈视为无意见，请及时提出意见。", null));
    }
}
