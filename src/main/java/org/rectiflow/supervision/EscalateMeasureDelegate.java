package org.rectiflow.supervision;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.ESCALATION_RECORDED;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REJECTION_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_COUNT;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureService;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.UnitNotifyingDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * One step of the escalation ladder (element template {@code rectiflow.escalateMeasure}), as the service task's
 * fields set it: {@code step} (GREEN, AMBER, RED, INTERVIEW, REWORK, RED_CARD), {@code offsetDays} (the step's
 * day relative to the deadline, for an added reminder), {@code notifyUnitRoles}, {@code notifyGroups},
 * {@code subject} and {@code body}. Sets {@code escalationRecorded} (local and transient: the gateway after the
 * step reads it in the same transaction; never stored) to whether a new notice was written,
 * and after a rework the measure's {@code reworkCount}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class EscalateMeasureDelegate extends UnitNotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = SupervisionService.PLACEHOLDERS;

    private final SupervisionService supervision;
    private final MeasureService measures;

    private Expression step;
    private Expression offsetDays;

    public EscalateMeasureDelegate(SupervisionService supervision, MeasureService measures) {
        this.supervision = supervision;
        this.measures = measures;
    }

    public void setStep(Expression step) {
        this.step = step;
    }

    public void setOffsetDays(Expression offsetDays) {
        this.offsetDays = offsetDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String measureCode = MeasureExecutionProcess.measureCode(execution);
        EscalationStep current = DelegateFields.choice(step, "step", EscalationStep.class, execution);
        MessageSettings message = message(execution, current.legacyMessage());
        boolean recorded = supervision.escalate(measureCode, current,
            REJECTION_REASON.get(execution), message,
            DelegateFields.days(offsetDays, "offsetDays", execution));
        ESCALATION_RECORDED.setTransientLocal(execution, recorded);
        if (current == EscalationStep.REWORK) {
            REWORK_COUNT.set(execution, measures.require(measureCode).reworkCount());
        }
    }
}
