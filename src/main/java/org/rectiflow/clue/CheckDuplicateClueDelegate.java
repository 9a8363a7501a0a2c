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
        DUPLICATE.set(execution, duplicate);
        CLUE_KIND.set(execution, clue.kind().name());
        CLUE_KIND_TEXT.set(execution, clue.kind().label());
        CLUE_REFERENCE.set(execution, FormText.plain(clue.reference()));
        CLUE_SUMMARY.set(execution, FormText.plain(clue.summary()));
        RECEIVED_TEXT.set(execution, EngineClock.chinese(clue.receivedOn()));
    }
}
