package org.rectiflow.supervision;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.ESCALATION_RECORDED;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MEASURE_CODE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REJECTION_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.measure.MeasureService;
import org.springframework.stereotype.Component;

/**
 * One step of the escalation ladder, chosen by the service task's {@code step} field (GREEN, AMBER, RED,
 * INTERVIEW, REWORK, RED_CARD). Sets {@code escalationRecorded} (local) to whether a new notice was
 * written, and after a rework the measure's {@code reworkCount}.
 */
@Component
public class EscalateMeasureDelegate implements JavaDelegate {

    private final SupervisionService supervision;
    private final MeasureService measures;

    /** Injected per service task from its {@code camunda:field name="step"}. */
    private Expression step;

    public EscalateMeasureDelegate(SupervisionService supervision, MeasureService measures) {
        this.supervision = supervision;
        this.measures = measures;
    }

    public void setStep(Expression step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String measureCode = TypedVariables.string(execution, MEASURE_CODE);
        EscalationStep current = EscalationStep.valueOf(String.valueOf(step.getValue(execution)));
        boolean recorded = supervision.escalate(measureCode, current,
            TypedVariables.string(execution, REJECTION_REASON));
        execution.setVariableLocal(ESCALATION_RECORDED, recorded);
        if (current == EscalationStep.REWORK) {
            execution.setVariable(REWORK_COUNT, measures.require(measureCode).reworkCount());
        }
    }
}
