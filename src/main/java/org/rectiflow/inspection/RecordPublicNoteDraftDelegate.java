package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_DRAFT;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.PUBLIC_NOTE_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/**
 * 登记公开稿: checks the office's draft of the public progress note and keeps it for the leading group's
 * approval form and for the publication.
 */
@Component
public class RecordPublicNoteDraftDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String note = FormValues.of(execution).requiredText(PUBLIC_NOTE);
        PUBLIC_NOTE_DRAFT.set(execution, note);
        PUBLIC_NOTE_TEXT.set(execution, FormText.plain(note));
    }
}
