package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_DUE_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.REVIEWER;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.ROUND_CODE;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.notification.MessageSettings;
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
public class RemindPlanReviewerDelegate implements JavaDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = PlanService.REMINDER_PLACEHOLDERS;

    private final PlanService plans;

    private Expression notifyUnitRoles;
    private Expression notifyGroups;
    private Expression subject;
    private Expression body;

    public RemindPlanReviewerDelegate(PlanService plans) {
        this.plans = plans;
    }

    public void setNotifyUnitRoles(Expression notifyUnitRoles) {
        this.notifyUnitRoles = notifyUnitRoles;
    }

    public void setNotifyGroups(Expression notifyGroups) {
        this.notifyGroups = notifyGroups;
    }

    public void setSubject(Expression subject) {
        this.subject = subject;
    }

    public void setBody(Expression body) {
        this.body = body;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageSettings message = MessageSettings.of(DelegateFields.text(notifyUnitRoles, execution),
            DelegateFields.text(notifyGroups, execution), DelegateFields.text(subject, execution),
            DelegateFields.text(body, execution), PlanService.LEGACY_REMINDER_MESSAGE);
        plans.remindReviewer(TypedVariables.string(execution, ROUND_CODE),
            TypedVariables.integer(execution, COMMENT_ROUND, 0), TypedVariables.string(execution, REVIEWER),
            TypedVariables.string(execution, COMMENT_DUE_TEXT), message);
    }
}
