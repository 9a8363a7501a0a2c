package org.rectiflow.plan;

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
 * 下发任务清单 (element template {@code rectiflow.sendTaskLists}): every unit gets the list of its measures from
 * the approved plan: its people of {@code notifyUnitRoles}, and the groups of {@code notifyGroups}, in the words
 * of {@code subject} and {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class SendTaskListsDelegate implements JavaDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = PlanService.TASK_LIST_PLACEHOLDERS;

    private final PlanService plans;

    private Expression notifyUnitRoles;
    private Expression notifyGroups;
    private Expression subject;
    private Expression body;

    public SendTaskListsDelegate(PlanService plans) {
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
        plans.sendTaskLists(TypedVariables.string(execution, ROUND_CODE),
            MessageSettings.of(DelegateFields.text(notifyUnitRoles, execution),
                DelegateFields.text(notifyGroups, execution), DelegateFields.text(subject, execution),
                DelegateFields.text(body, execution), PlanService.LEGACY_TASK_LIST_MESSAGE));
    }
}
