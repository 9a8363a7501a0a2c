package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_KIND;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_KIND_TEXT;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_REFERENCE;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_SUMMARY;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.DUPLICATE;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.RECEIVED_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.clue.ClueRepository.Clue;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormText;
import org.springframework.stereotype.Component;

/** 查重: the same reference or the same content as an earlier clue makes this one a duplicate of it. */
@Component
public class CheckDuplicateClueDelegate implements JavaDelegate {

    private final ClueService clues;

    public CheckDuplicateClueDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ClueHandlingProcess.clueCode(execution);
        boolean duplicate = clues.checkDuplicate(code, execution.getProcessInstanceId()).isPresent();
        Clue clue = clues.require(code);
        execution.setVariable(DUPLICATE, duplicate);
        execution.setVariable(CLUE_KIND, clue.kind().name());
        execution.setVariable(CLUE_KIND_TEXT, clue.kind().label());
        execution.setVariable(CLUE_REFERENCE, FormText.plain(clue.reference()));
        execution.setVariable(CLUE_SUMMARY, FormText.plain(clue.summary()));
        execution.setVariable(RECEIVED_TEXT, EngineClock.chinese(clue.receivedOn()));
    }
}
