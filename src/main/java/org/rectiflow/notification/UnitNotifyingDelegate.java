package org.rectiflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.rectiflow.common.DelegateFields;

/** A {@link NotifyingDelegate} that also tells people of the unit concerned: the field {@code notifyUnitRoles}. */
public abstract class UnitNotifyingDelegate extends NotifyingDelegate {

    private Expression notifyUnitRoles;

    public void setNotifyUnitRoles(Expression notifyUnitRoles) {
        this.notifyUnitRoles = notifyUnitRoles;
    }

    @Override
    protected String unitRoles(DelegateExecution execution) {
        return DelegateFields.text(notifyUnitRoles, execution);
    }
}
