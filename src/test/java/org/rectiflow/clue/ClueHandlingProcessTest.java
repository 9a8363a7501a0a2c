package org.rectiflow.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.CLUE_HANDLED;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.DUPLICATE_RECORDED;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.ESCALATE_VERIFICATION;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.HANDLE_LAW_PETITION;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.REMIND_VERIFICATION;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.TRIAGE_CLUE;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.VERIFICATION_OVERDUE;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.VERIFICATION_REMINDER;
import static org.rectiflow.clue.ClueHandlingProcess.Elements.VERIFY_CLUE;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.notification.OutboxEntry;
import org.rectiflow.support.ForgedCompletions;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/clue-handling.bpmn: duplicates, every triage branch, every verification result, the 3-month timer. */
class ClueHandlingProcessTest extends ProcessTest {

    @Autowired ClueRepository clues;

    private String round;

    /** Registers a round with the given clues and starts the handling of clue number {@code seq}. */
    private ProcessInstance start(int seq, RoundRegistration.Clue... transferred) {
        round = TestRounds.newCode();
        rounds.register(TestRounds.roundWithClues(round, TODAY, transferred));
        return handle(seq);
    }

    private ProcessInstance handle(int seq) {
        String code = RoundRegistration.clueCode(round, seq);
        return start(ClueHandlingProcess.KEY, code,
            Map.of("clueCode", code, "roundCode", round));
    }

    private static RoundRegistration.Clue petition(String reference, String summary) {
        return new RoundRegistration.Clue(reference, ClueKind.PETITION, summary, TODAY.minusDays(5));
    }

    private static RoundRegistration.Clue lawRelated(String reference) {
        return new RoundRegistration.Clue(reference, ClueKind.LAW_RELATED, "反映其案件判决执行问题", TODAY.minusDays(5));
    }

    private ClueRepository.Clue clue(int seq) {
        return clues.require(RoundRegistration.clueCode(round, seq));
    }

    private ProcessInstance toVerification() {
        ProcessInstance instance = start(1, petition("XF-1", "反映民警违规收费"));
        complete(instance, TRIAGE_CLUE, Map.of("triage", "VERIFY", "triageReason", "线索具体，转初核"));
        return instance;
    }

    @Test
    void theSameReferenceIsRecordedAsADuplicateOfTheEarlierClue() {
        ProcessInstance first = start(1, petition("XF-1", "反映民警违规收费"), petition("XF-1", "再次反映民警违规收费"));
        assertThat(first).isWaitingAt(TRIAGE_CLUE);

        ProcessInstance second = handle(2);

        assertThat(second).isEnded().hasPassed(DUPLICATE_RECORDED);
        assertThat(clue(2).status()).isEqualTo(ClueStatus.DUPLICATE);
        assertThat(clue(2).duplicateOf()).isEqualTo(clue(1).code());
    }

    @Test
    void theSameContentUnderAnotherReferenceIsADuplicateToo() {
        start(1, petition("XF-1", "反映民警违规收费"), petition("XF-9", " 反映民警违规收费 "));

        assertThat(handle(2)).isEnded().hasPassed(DUPLICATE_RECORDED);
        assertThat(clue(2).duplicateOf()).isEqualTo(clue(1).code());
    }

    @ParameterizedTest
    @EnumSource(value = Triage.class, names = {"RETURN", "ARCHIVE", "CONCLUDE", "TRANSFER"})
    void aPetitionDisposedOfWithoutVerificationIsReportedBack(Triage triage) {
        ProcessInstance instance = start(1, petition("XF-1", "反映窗口服务态度差"));
        assertThat(task(instance, TRIAGE_CLUE)).hasCandidateGroup("discipline");

        complete(instance, TRIAGE_CLUE, Map.of("triage", triage.name(), "triageReason", "经研判作此处置"));

        assertThat(instance).isEnded().hasPassed(CLUE_HANDLED).hasNotPassed(VERIFY_CLUE);
        assertThat(clue(1).triage()).isEqualTo(triage);
        assertThat(clue(1).status()).isEqualTo(ClueStatus.REPORTED);
        assertThat(notifications.forRecipient("officer1")).extracting(OutboxEntry::subject)
            .anyMatch(s -> s.contains(clue(1).code()));
    }

    @Test
    void aTriageDecisionNotOnTheListIsRefused() {
        ProcessInstance instance = start(1, petition("XF-1", "反映窗口服务态度差"));
        Task triage = task(instance, TRIAGE_CLUE);

        assertThatThrownBy(() -> taskService.complete(triage.getId(), Map.of("triage", "DELETE", "triageReason", "x")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "triage").hasMessageContaining("DELETE");

        assertThat(instance).isWaitingAt(TRIAGE_CLUE);
        assertThat(clue(1).triage()).isNull();
    }

    @Test
    void aVerificationFoundNotTrueIsReportedWithoutAccountability() {
        ProcessInstance instance = toVerification();
        Task verify = task(instance, VERIFY_CLUE);
        assertThat(verify).hasCandidateGroup("discipline");
        assertThat(beijing(verify.getDueDate())).as("3 months after the triage").isEqualTo("2026-06-02T18:00+08:00");

        taskService.complete(verify.getId(), Map.of("verificationResult", "FALSE", "findings", "经核查，反映问题不属实"));

        assertThat(instance).isEnded().hasPassed(CLUE_HANDLED).hasNotPassed(RECORD_ACCOUNTABILITY);
        assertThat(clue(1).verificationResult()).isEqualTo(VerificationResult.FALSE);
        assertThat(clues.accountability(round)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = VerificationResult.class, names = {"TRUE", "PARTLY_TRUE"})
    void aSubstantiatedClueHoldsEachResponsiblePersonAccountable(VerificationResult result) {
        ProcessInstance instance = toVerification();
        complete(instance, VERIFY_CLUE, Map.of("verificationResult", result.name(), "findings", "反映问题基本属实"));
        assertThat(task(instance, RECORD_ACCOUNTABILITY)).hasCandidateGroup("discipline");

        complete(instance, RECORD_ACCOUNTABILITY, Map.of("accountabilityEntries",
            "民警甲（某派出所民警）：诫勉\n\n辅警乙（某派出所辅警）: 批评教育"));

        assertThat(instance).isEnded().hasPassed(CLUE_HANDLED);
        assertThat(clues.accountability(round)).extracting(ClueRepository.Accountability::person,
                ClueRepository.Accountability::form)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("民警甲（某派出所民警）", AccountabilityForm.CAUTION),
                org.assertj.core.groups.Tuple.tuple("辅警乙（某派出所辅警）", AccountabilityForm.CRITICISM));
    }

    @Test
    void anAccountabilityLineWithoutAPersonOrAFormIsRefusedNamingTheLine() {
        ProcessInstance instance = toVerification();
        complete(instance, VERIFY_CLUE, Map.of("verificationResult", "TRUE", "findings", "属实"));
        Task task = task(instance, RECORD_ACCOUNTABILITY);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("accountabilityEntries",
            "民警甲：诫勉\n：谈话提醒")))
            .isInstanceOf(FormFieldValidationException.class)
            .hasFieldOrPropertyWithValue("detail", "accountabilityEntries").hasMessageContaining("第2行").hasMessageContaining("缺少问责对象");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("accountabilityEntries", "民警甲：罚款")))
            .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第1行").hasMessageContaining("罚款");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("accountabilityEntries", "民警甲")))
            .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第1行");

        assertThat(instance).isWaitingAt(RECORD_ACCOUNTABILITY);
        assertThat(clues.accountability(round)).isEmpty();
    }

    @Test
    void fifteenDaysBeforeTheThreeMonthDeadlineTheInspectorsAreReminded() {
        ProcessInstance instance = toVerification();
        // triaged on Monday 2 March 2026: the verification is due on 2 June 2026 at 18:00, reminded 15 days before
        assertThat(due(timer(instance, VERIFICATION_OVERDUE))).isEqualTo("2026-06-02T18:00+08:00");
        assertThat(due(timer(instance, VERIFICATION_REMINDER))).isEqualTo("2026-05-18T18:00+08:00");

        fire(instance, VERIFICATION_REMINDER);

        assertThat(instance).hasPassed(REMIND_VERIFICATION).isWaitingAt(VERIFY_CLUE);
        assertThat(clues.noticeCount(clue(1).code())).isEqualTo(1);
        assertThat(notifications.forRecipient("inspector1")).extracting(OutboxEntry::subject)
            .anyMatch(s -> s.contains("初核提醒"));
    }

    @Test
    void anOverdueVerificationIsEscalatedToTheLeadingGroupEverySevenDays() {
        ProcessInstance instance = toVerification();

        assertThat(due(timer(instance, VERIFICATION_OVERDUE))).as("at the 3 months").isEqualTo("2026-06-02T18:00+08:00");
        fire(instance, VERIFICATION_OVERDUE);
        assertThat(due(timer(instance, VERIFICATION_OVERDUE))).as("7 days later").isEqualTo("2026-06-09T18:00+08:00");
        fire(instance, VERIFICATION_OVERDUE);
        assertThat(due(timer(instance, VERIFICATION_OVERDUE))).as("and 7 days later again")
            .isEqualTo("2026-06-16T18:00+08:00");

        assertThat(instance).hasPassed(ESCALATE_VERIFICATION).isWaitingAt(VERIFY_CLUE);
        assertThat(clues.noticeCount(clue(1).code())).isEqualTo(2);
        assertThat(notifications.forRecipient("chief")).extracting(OutboxEntry::subject)
            .filteredOn(s -> s.contains("初核超期督办")).hasSize(2);
    }

    @Test
    void aLawRelatedPetitionIsHandledAccordingToLawAndReported() {
        ProcessInstance instance = start(1, lawRelated("SF-1"));
        assertThat(task(instance, HANDLE_LAW_PETITION)).hasCandidateGroup("discipline");

        complete(instance, HANDLE_LAW_PETITION, Map.of("lawOutcome", "IN_PROGRESS", "handling", "已导入法律程序办理"));

        assertThat(instance).isEnded().hasPassed(CLUE_HANDLED).hasNotPassed(TRIAGE_CLUE);
        assertThat(clue(1).lawOutcome()).isEqualTo(LawOutcome.IN_PROGRESS);
        assertThat(clue(1).triage()).isNull();
    }

    @Test
    void aLawRelatedPetitionSentAgainIsADuplicate() {
        start(1, lawRelated("SF-1"), lawRelated("SF-1"));
        assertThat(handle(2)).isEnded().hasPassed(DUPLICATE_RECORDED);
        assertThat(clues.ofRound(round)).extracting(ClueRepository.Clue::status)
            .containsExactly(ClueStatus.IN_HANDLING, ClueStatus.DUPLICATE);
        assertThat(List.of(clue(2).duplicateOf())).containsExactly(clue(1).code());
    }

    // --- a task accepts its own form and nothing else (issue 13) ---

    @Test
    void everyTaskOfAClueAcceptsOnlyItsOwnFormFields() {
        ForgedCompletions forged = new ForgedCompletions(processEngine, jdbc);
        Set<String> candidates = ForgedCompletions.declaredVariables(ClueHandlingProcess.Variables.class);
        List<String> routing = List.of("clueCode", "roundCode", "clueKind", "duplicate", "triagedAs", "verifiedAs",
            "verificationDueAt", ForgedCompletions.UNKNOWN);

        ProcessInstance instance = start(1, petition("XF-1", "反映民警违规收费"), lawRelated("SF-1"));
        Map<String, Object> triage = Map.of("triage", "VERIFY", "triageReason", "线索具体，转初核");
        assertThat(forged.assertEachRefused(task(instance, TRIAGE_CLUE), triage, candidates)).containsAll(routing);
        complete(instance, TRIAGE_CLUE, triage);

        Map<String, Object> verification = Map.of("verificationResult", "TRUE", "findings", "经核查，反映问题属实");
        assertThat(forged.assertEachRefused(task(instance, VERIFY_CLUE), verification, candidates))
            .containsAll(routing);
        complete(instance, VERIFY_CLUE, verification);

        Map<String, Object> accountability = Map.of("accountabilityEntries", "张三（窗口科、科员）：批评教育");
        assertThat(forged.assertEachRefused(task(instance, RECORD_ACCOUNTABILITY), accountability, candidates))
            .containsAll(routing);
        complete(instance, RECORD_ACCOUNTABILITY, accountability);
        assertThat(instance).isEnded().hasPassed(CLUE_HANDLED);

        ProcessInstance law = handle(2);
        Map<String, Object> handling = Map.of("lawOutcome", "CONCLUDED", "handling", "已依法处理并答复");
        assertThat(forged.assertEachRefused(task(law, HANDLE_LAW_PETITION), handling, candidates)).containsAll(routing);
        complete(law, HANDLE_LAW_PETITION, handling);
        assertThat(law).isEnded();
    }
}
