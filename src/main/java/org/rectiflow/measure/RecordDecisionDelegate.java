package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.APPROVED;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.LEAD_REVIEW_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REJECTION_REASON;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REJECTION_REASON_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEWED_BY;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_COMMENT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_OPINION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REVIEW_DECISION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_COMMENT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_DECISION;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.SIGN_OFF_OPINION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormField;
import org.rectiflow.common.FormValues;
import org.rectiflow.measure.MeasureExecutionProcess.Decision;
import org.rectiflow.measure.MeasureService.Stage;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 登记审核意见 / 登记销号意见: reads the decision of the lead unit's review or the supervision group's
 * sign-off (the service task's {@code stage} field: REVIEW or SIGN_OFF; element template
 * {@code rectiflow.recordDecision}), refuses a rejection without a reason, and sets {@code approved} and
 * {@code rejectionReason} for the gateways and the rework notice (and its plain-text copy for the unit's form).
 * The lead unit's approval is kept as the sign-off form shows it ({@code leadReviewText}: who from the ledger, when).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class RecordDecisionDelegate implements JavaDelegate {

    private final MeasureService measures;
    private final CurrentActor actor;

    /** Injected per call from the service task's {@code camunda:field name="stage"} (see DelegateFields). */
    private Expression stage;

    public RecordDecisionDelegate(MeasureService measures, CurrentActor actor) {
        this.measures = measures;
        this.actor = actor;
    }

    public void setStage(Expression stage) {
        this.stage = stage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stage current = DelegateFields.choice(stage, "stage", Stage.class, execution);
        boolean review = current == Stage.REVIEW;
        FormField decisionField = review ? REVIEW_DECISION : SIGN_OFF_DECISION;
        FormField commentField = review ? REVIEW_COMMENT : SIGN_OFF_COMMENT;
        FormValues form = FormValues.of(execution);
        Decision decision = form.requiredChoice(decisionField, Decision.class);
        String comment = form.optionalText(commentField);
        boolean approved = decision == Decision.APPROVE;
        if (!approved && comment == null) {
            throw commentField.requiredWhen("退回返工时");
        }
        APPROVED.set(execution, approved);
        if (approved) {
            measures.recordApproval(MeasureExecutionProcess.measureCode(execution), current, comment);
            if (review) {
                REVIEWED_BY.set(execution, actor.id());
                REVIEW_OPINION.set(execution, comment);
                LEAD_REVIEW_TEXT.set(execution, FormText.plain(measures.approvalText(comment)));
            } else {
                SIGN_OFF_OPINION.set(execution, comment);
            }
        } else {
            REJECTION_REASON.set(execution, current.label() + "退回：" + comment);
            REJECTION_REASON_TEXT.set(execution, FormText.plain(current.label() + "退回：" + comment));
        }
    }
}
