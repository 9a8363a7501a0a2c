package org.rectiflow.bulletin;

import static org.rectiflow.bulletin.ProgressBulletinProcess.Variables.BULLETIN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 汇总整改进展: compiles and stores the bulletin; sets {@code bulletinId} (Long). */
@Component
public class CompileBulletinDelegate implements JavaDelegate {

    private final BulletinService bulletins;

    public CompileBulletinDelegate(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BULLETIN_ID.set(execution, Long.valueOf(bulletins.compile()));
    }
}
