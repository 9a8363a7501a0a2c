package org.rectiflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.DelegateFields;

/**
 * A delegate whose service task says who is told and in what words: the element template's fields
 * {@code notifyGroups}, {@code subject} and {@code body} ({@link MessageSettings}). Subclasses are prototype
 * beans (see {@link DelegateFields}); one about a unit's measure extends {@link UnitNotifyingDelegate}.
 */
public abstract class NotifyingDelegate implements JavaDelegate {

    private Expression notifyGroups;
    private Expression subject;
    private Expression body;

    public void setNotifyGroups(Expression notifyGroups) {
        this.notifyGroups = notifyGroups;
    }

    public void setSubject(Expression subject) {
        this.subject = subject;
    }

    public void setBody(Expression body) {
        this.body = body;
    }

    /** The message as the task's fields set it, or {@code legacy} when it sets none of them. */
    protected MessageSettings message(DelegateExecution execution, MessageSettings legacy) {
        return MessageSettings.of(unitRoles(execution), DelegateFields.text(notifyGroups, execution),
            DelegateFields.text(subject, execution), DelegateFields.text(body, execution), legacy);
    }

    /** The text of {@code notifyUnitRoles}: none here, a step that tells no unit's people. */
    protected String unitRoles(DelegateExecution execution) {
        return null;
    }
}
