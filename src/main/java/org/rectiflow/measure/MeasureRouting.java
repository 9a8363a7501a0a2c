package org.rectiflow.measure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.guard.DiagramFunctions;
import org.springframework.stereotype.Component;

/**
 * What measure-execution's expressions ask the ledger when a task is created:
 * {@code ${measureRouting.signOffGroup(execution)}} (the sign-off task's candidate group) is the group that signs
 * the measure off, the supervision group, or 从严办 once the centralised period has handed the measure to normal
 * management. The rule is {@link Measure#signOffGroup()}; the engine evaluates the expression as it creates the
 * task, so the group is the ledger's at that moment and no variable of this or another instance carries it.
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
