package org.rectiflow.clue;

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
        public static final String CLUE_CODE = "clueCode";
        public static final String ROUND_CODE = "roundCode";
        // set by the duplicate check
        public static final String DUPLICATE = "duplicate";
        public static final String CLUE_KIND = "clueKind";
        public static final String CLUE_KIND_TEXT = "clueKindText";
        public static final String CLUE_REFERENCE = "clueReference";
        public static final String CLUE_SUMMARY = "clueSummary";
        public static final String RECEIVED_TEXT = "receivedText";
        // clue-triage.form
        public static final String TRIAGE = "triage";
        public static final String TRIAGE_REASON = "triageReason";
        /** The triage as recorded (a {@link Triage} name), which the gateway after it routes by. */
        public static final String TRIAGED_AS = "triagedAs";
        // set on triage to verification
        public static final String VERIFICATION_DUE_AT = "verificationDueAt";
        public static final String VERIFICATION_DUE_TEXT = "verificationDueText";
        // clue-verification.form
        public static final String VERIFICATION_RESULT = "verificationResult";
        public static final String FINDINGS = "findings";
        /** The verification as recorded (a {@link VerificationResult} name) and its findings as the next form shows them. */
        public static final String VERIFIED_AS = "verifiedAs";
        public static final String VERIFICATION_FINDINGS = "verificationFindings";
        // accountability.form
        public static final String ACCOUNTABILITY_ENTRIES = "accountabilityEntries";
        // law-petition.form
        public static final String LAW_OUTCOME = "lawOutcome";
        public static final String HANDLING = "handling";

        private Variables() {
        }
    }

    private ClueHandlingProcess() {
    }
}
