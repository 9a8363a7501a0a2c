package org.rectiflow.measure;

import org.rectiflow.engine.LedgerCopies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The measure's variables declared as ledger copies in {@link MeasureExecutionProcess.Variables} (its codes,
 * groups, deadline, the texts the forms show, its rework count, what the unit reported, whether an escalation
 * step wrote a notice): no variable-update details in history for them. What the unit and the reviewers enter
 * keeps its details.
 */
@Configuration(proxyBeanMethods = false)
class MeasureHistory {

    @Bean
    LedgerCopies measureLedgerCopies() {
        return LedgerCopies.declaredIn(MeasureExecutionProcess.KEY, MeasureExecutionProcess.Variables.class);
    }
}
