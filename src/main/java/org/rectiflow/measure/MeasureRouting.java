package org.rectiflow.measure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * What measure-execution's expressions ask the ledger when a task is created:
 * {@code ${measureRouting.signOffGroup(execution)}} is the group that signs the measure off, the supervision
 * group, or 从严办 once the centralised period has handed the measure to normal management.
 */
@Component("measureRouting")
@DiagramFunctions
public class MeasureRouting {

    private final MeasureService measures;

    public MeasureRouting(MeasureService measures) {
        this.measures = measures;
    }

    public String signOffGroup(DelegateExecution execution) {
        return measures.signOffGroup(MeasureExecutionProcess.measureCode(execution));
    }
}
