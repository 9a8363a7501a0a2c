package org.rectiflow.clue;

import java.util.Date;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

/** processes/clue-handling.bpmn: one instance per transferred clue, business key = the clue's code. */
public final class ClueHandlingProcess {

    public static final String KEY = "clue-handling";

    public static final class Elements {
        public static final String CHECK_DUPLICATE = "serviceTask_checkDuplicate";
        public static final String DUPLICATE_RECORDED = "endEvent_duplicateRecorded";
        public static final String HANDLE_LAW_PETITION = "userTask_handleLawPetition";
        public static final String TRIAGE_CLUE = "userTask_triageClue";
        public static final String VERIFY_CLUE = "userTask_verifyClue";
        public static final String VERIFICATION_REMINDER = "boundaryEvent_verificationReminder";
        public static final String REMIND_VERIFICATION = "serviceTask_remindVerification";
        public static final String VERIFICATION_OVERDUE = "boundaryEvent_verificationOverdue";
        public static final String ESCALATE_VERIFICATION = "serviceTask_escalateVerification";
        public static final String RECORD_ACCOUNTABILITY = "userTask_recordAccountability";
        public static final String REPORT_CLUE = "serviceTask_reportClue";
        public static final String CLUE_HANDLED = "endEvent_clueHandled";

        private Elements() {
        }
    }

    /** The clue's code: the instance's business key, set by the call activity, which no call can change. */
    public static String clueCode(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    public static final class Variables {
        public static final Variable<String> CLUE_CODE = Variable.string("clueCode");
        public static final Variable<String> ROUND_CODE = Variable.string("roundCode");
        // set by the duplicate check
        public static final Variable<Boolean> DUPLICATE = Variable.bool("duplicate");
        public static final Variable<String> CLUE_KIND = Variable.string("clueKind");
        public static final Variable<String> CLUE_KIND_TEXT = Variable.string("clueKindText");
        public static final Variable<String> CLUE_REFERENCE = Variable.string("clueReference");
        public static final Variable<String> CLUE_SUMMARY = Variable.string("clueSummary");
        public static final Variable<String> RECEIVED_TEXT = Variable.string("receivedText");
        // clue-triage.form
        public static final FormField TRIAGE = FormField.choice("clue-triage", "triage", "处置方式");
        public static final FormField TRIAGE_REASON = FormField.text("clue-triage", "triageReason", "处置理由", 2000);
        /** The triage as recorded (a {@link Triage} name), which the gateway after it routes by. */
        public static final Variable<String> TRIAGED_AS = Variable.string("triagedAs");
        // set on triage to verification
        public static final Variable<Date> VERIFICATION_DUE_AT = Variable.date("verificationDueAt");
        public static final Variable<String> VERIFICATION_DUE_TEXT = Variable.string("verificationDueText");
        // clue-verification.form
        public static final FormField VERIFICATION_RESULT =
            FormField.choice("clue-verification", "verificationResult", "核实结果");
        public static final FormField FINDINGS = FormField.text("clue-verification", "findings", "核实情况", 4000);
        /** The verification as recorded (a {@link VerificationResult} name) and its findings as the next form shows them. */
        public static final Variable<String> VERIFIED_AS = Variable.string("verifiedAs");
        public static final Variable<String> VERIFICATION_FINDINGS = Variable.string("verificationFindings");
        // accountability.form
        public static final FormField ACCOUNTABILITY_ENTRIES =
            FormField.text("accountability", "accountabilityEntries", "问责对象及方式", 4000);
        // law-petition.form
        public static final FormField LAW_OUTCOME = FormField.choice("law-petition", "lawOutcome", "办理结果");
        public static final FormField HANDLING = FormField.text("law-petition", "handling", "办理情况", 4000);

        private Variables() {
        }
    }

    private ClueHandlingProcess() {
    }
}
