package org.rectiflow.bulletin;

import static org.rectiflow.bulletin.ProgressBulletinProcess.Variables.BULLETIN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.LongValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** 通报领导小组和专班: queues the bulletin of {@code bulletinId} for the leading group and the office. */
@Component
public class NotifyBulletinDelegate implements JavaDelegate {

    private final BulletinService bulletins;

    public NotifyBulletinDelegate(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TypedValue value = execution.getVariableTyped(BULLETIN_ID);
        if (!(value instanceof LongValue id) || id.getValue() == null) {
            throw new IllegalStateException("The variable " + BULLETIN_ID + " must hold the bulletin's id (Long), "
                + "set by " + ProgressBulletinProcess.Elements.COMPILE_BULLETIN + ", but holds " + value);
        }
        bulletins.notify(id.getValue());
    }
}
