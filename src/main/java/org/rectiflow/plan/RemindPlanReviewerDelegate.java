package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_DUE_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.UnitNotifyingDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 提醒反馈意见 (element template {@code rectiflow.remindPlanReviewer}): a reviewer who has not answered is
 * reminded before the round closes: a leading-group member in person, a unit through the people of
 * {@code notifyUnitRoles}; the groups of {@code notifyGroups} too; in the words of {@code subject} and
 * {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class RemindPlanReviewerDelegate extends UnitNotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = PlanService.REMINDER_PLACEHOLDERS;

    private final PlanService plans;

    public RemindPlanReviewerDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageSettings message = message(execution, PlanService.LEGACY_REMINDER_MESSAGE);
        plans.remindReviewer(RectificationPlanProcess.roundCode(execution),
            COMMENT_ROUND.get(execution, 0), REVIEWER.get(execution),
            COMMENT_DUE_TEXT.get(execution), message);
    }
}
