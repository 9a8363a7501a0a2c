package org.rectiflow.bulletin;

import static org.rectiflow.bulletin.ProgressBulletinProcess.Variables.BULLETIN_ID;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.LongValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.notification.MessageSettings;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 通报领导小组和专班 (element template {@code rectiflow.notifyBulletin}): queues the bulletin of
 * {@code bulletinId} for the groups of {@code notifyGroups}, in the words of {@code subject} and {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotifyBulletinDelegate implements JavaDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = BulletinService.PLACEHOLDERS;

    private final BulletinService bulletins;

    private Expression notifyGroups;
    private Expression subject;
    private Expression body;

    public NotifyBulletinDelegate(BulletinService bulletins) {
        this.bulletins = bulletins;
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
        TypedValue value = execution.getVariableTyped(BULLETIN_ID);
        if (!(value instanceof LongValue id) || id.getValue() == null) {
            throw new IllegalStateException("The variable " + BULLETIN_ID + " must hold the bulletin's id (Long), "
                + "set by " + ProgressBulletinProcess.Elements.COMPILE_BULLETIN + ", but holds " + value);
        }
        bulletins.notify(id.getValue(), MessageSettings.of(null, DelegateFields.text(notifyGroups, execution),
            DelegateFields.text(subject, execution), DelegateFields.text(body, execution),
            BulletinService.LEGACY_MESSAGE));
    }
}
