package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.LAST_RETURN_REASON;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_APPROVED;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_COMMENT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_DECISION;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_DRAFT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
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
        String note = PUBLIC_NOTE_DRAFT.get(execution);
        boolean approved = form.requiredChoice(PUBLIC_NOTE_DECISION, Decision.class) == Decision.APPROVE;
        String comment = form.optionalText(PUBLIC_NOTE_COMMENT);
        PUBLIC_NOTE_APPROVED.set(execution,
            rounds.decidePublicNote(InspectionRoundProcess.roundCode(execution), note, approved, comment));
        LAST_RETURN_REASON.set(execution, approved ? null : FormText.plain(comment));
    }
}
