package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.LAST_RETURN_REASON;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_APPROVED;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_COMMENT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_DECISION;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.ROUND_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.common.TypedVariables;
import org.springframework.stereotype.Component;

/** 登记审定意见 (公开稿): the leading group approves the public progress note or returns it with a reason. */
@Component
public class RecordPublicNoteDecisionDelegate implements JavaDelegate {

    /** The values of the approval form's decision. */
    public enum Decision { APPROVE, RETURN }

    private final InspectionRoundService rounds;

    public RecordPublicNoteDecisionDelegate(InspectionRoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String note = form.requiredText(PUBLIC_NOTE, "公开稿正文", 4000);
        boolean approved = form.requiredChoice(PUBLIC_NOTE_DECISION, "审定意见", Decision.class) == Decision.APPROVE;
        String comment = form.optionalText(PUBLIC_NOTE_COMMENT, "意见说明", 2000);
        execution.setVariable(PUBLIC_NOTE_APPROVED,
            rounds.decidePublicNote(TypedVariables.string(execution, ROUND_CODE), note, approved, comment));
        execution.setVariable(LAST_RETURN_REASON, approved ? null : comment);
        execution.setVariable(PUBLIC_NOTE_DECISION, null);
        execution.setVariable(PUBLIC_NOTE_COMMENT, null);
    }
}
