package org.rectiflow.plan;


import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.notification.UnitNotifyingDelegate;
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
public class SendTaskListsDelegate extends UnitNotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = PlanService.TASK_LIST_PLACEHOLDERS;

    private final PlanService plans;

    public SendTaskListsDelegate(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.sendTaskLists(RectificationPlanProcess.roundCode(execution),
            message(execution, PlanService.LEGACY_TASK_LIST_MESSAGE));
    }
}
