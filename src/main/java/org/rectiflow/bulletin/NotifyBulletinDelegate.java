package org.rectiflow.bulletin;

import static org.rectiflow.bulletin.ProgressBulletinProcess.Variables.BULLETIN_ID;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.notification.NotifyingDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 通报领导小组和专班 (element template {@code rectiflow.notifyBulletin}): queues the bulletin of
 * {@code bulletinId} for the groups of {@code notifyGroups}, in the words of {@code subject} and {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotifyBulletinDelegate extends NotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = BulletinService.PLACEHOLDERS;

    private final BulletinService bulletins;

    public NotifyBulletinDelegate(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = BULLETIN_ID.get(execution); // a value of another type is an error naming the variable
        if (id == null) {
            throw new IllegalStateException("The variable " + BULLETIN_ID.name()
                + " must hold the bulletin's id (Long), set by " + ProgressBulletinProcess.Elements.COMPILE_BULLETIN
                + ", but holds nothing");
        }
        bulletins.notify(id, message(execution, BulletinService.LEGACY_MESSAGE));
    }
}
