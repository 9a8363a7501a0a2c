package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.FINDINGS;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_FINDINGS;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFICATION_RESULT;
import static org.rectiflow.clue.ClueHandlingProcess.Variables.VERIFIED_AS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.rectiflow.evidence.EvidenceService;
import org.springframework.stereotype.Component;

/**
 * 登记核实结果: true, partly true or not true, with the findings; binds the verification's evidence drafts
 * (evidence/EvidenceService) in the completion's transaction.
 */
@Component
public class RecordVerificationDelegate implements JavaDelegate {

    private final ClueService clues;
    private final EvidenceService evidence;

    public RecordVerificationDelegate(ClueService clues, EvidenceService evidence) {
        this.clues = clues;
        this.evidence = evidence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        VerificationResult result = form.requiredChoice(VERIFICATION_RESULT, VerificationResult.class);
        String findings = form.requiredText(FINDINGS);
        String clue = ClueHandlingProcess.clueCode(execution);
        clues.recordVerification(clue, result, findings);
        evidence.bindClueVerification(clue);
        VERIFIED_AS.set(execution, result.name());
        VERIFICATION_FINDINGS.set(execution, FormText.plain(findings));
    }
}
