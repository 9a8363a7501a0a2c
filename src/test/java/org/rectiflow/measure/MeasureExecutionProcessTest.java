package org.rectiflow.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.AMBER_REMINDER;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.GREEN_REMINDER;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.HANDED_OVER;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.INTERVIEW_ALREADY_REQUESTED;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.INTERVIEW_DUE;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.INTERVIEW_HELD;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.LEADING_GROUP_INTERVIEW;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.OVERDUE_NOTICE;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.REPORTED_NOT_DONE;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.SEND_AMBER_REMINDER;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.SEND_GREEN_REMINDER;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.SEND_RED_CARD;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.SIGNED_OFF;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF;
import static org.rectiflow.measure.MeasureExecutionProcess.Elements.UNIT_RECTIFIES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaString;
import org.junit.jupiter.api.Test;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.notification.OutboxEntry;
import org.rectiflow.supervision.EscalationStep;
import org.rectiflow.supervision.NoticeRepository.Notice;
import org.rectiflow.support.ForgedCompletions;
import org.rectiflow.support.ProcessTest;
import org.rectiflow.support.TestRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** processes/measure-execution.bpmn: every path, every ladder step, rework and red card. */
class MeasureExecutionProcessTest extends ProcessTest {

    @Autowired StatusHistory history;
    @Autowired FormService formService;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired IdentityService identityService;

    private String measureCode;

    /** Registers a one-measure round and starts the measure's execution. */
    private ProcessInstance startMeasure(MeasureKind kind, int deadlineDays) {
        String round = registerRound(kind, deadlineDays);
        measureCode = RoundRegistration.measureCode(round, 1, 1);
        return start(MeasureExecutionProcess.KEY, measureCode,
            Map.of("measureCode", measureCode, "roundCode", round));
    }

    private static Map<String, Object> report(ReportStatus status) {
        return Map.of("progress", "已制定方案并组织实施", "completionSummary", "印发制度1项，开展专项检查2次",
            "evidence", "〔2026〕12号文件；检查记录", "reportStatus", status.name());
    }

    private static Map<String, Object> review(String decision, String comment) {
        Map<String, Object> values = new HashMap<>();
        values.put("reviewDecision", decision);
        values.put("reviewComment", comment);
        return values;
    }

    private static Map<String, Object> signOff(String decision, String comment) {
        Map<String, Object> values = new HashMap<>();
        values.put("signOffDecision", decision);
        values.put("signOffComment", comment);
        return values;
    }

    private List<Notice> notices(EscalationStep step) {
        return notices.of(measureCode).stream().filter(n -> n.step() == step).toList();
    }

    private List<String> recipients(EscalationStep step) {
        List<String> keys = notices(step).stream().map(Notice::key).toList();
        return notifications.forMeasure(measureCode).stream()
            .filter(n -> keys.stream().anyMatch(k -> n.key().startsWith(k + ":")))
            .map(OutboxEntry::recipient).toList();
    }

    @Test
    void unitReportsThenLeadUnitReviewsAndSupervisionSignsOff() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
        Task unitTask = task(instance, UNIT_RECTIFIES);
        assertThat(unitTask).hasCandidateGroup(TestRounds.UNIT);
        assertThat(beijing(unitTask.getDueDate())).isEqualTo("2026-04-11T18:00+08:00");
        assertThat(beijing(unitTask.getFollowUpDate())).isEqualTo("2026-04-01T18:00+08:00");
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);

        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        assertThat(instance).isWaitingAt(LEAD_UNIT_REVIEW);
        assertThat(task(instance, LEAD_UNIT_REVIEW)).hasCandidateGroup(TestRounds.LEAD_UNIT);
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.REPORTED);

        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        assertThat(instance).isWaitingAt(SUPERVISION_SIGN_OFF);
        assertThat(task(instance, SUPERVISION_SIGN_OFF)).hasCandidateGroup("supervision");

        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", "材料齐全，同意销号"));
        assertThat(instance).isEnded().hasPassed(SIGNED_OFF);

        Measure measure = measures.require(measureCode);
        assertThat(measure.status()).isEqualTo(MeasureStatus.SIGNED_OFF);
        assertThat(measure.completionSummary()).isEqualTo("印发制度1项，开展专项检查2次");
        assertThat(measures.archive(measureCode)).hasValueSatisfying(archive -> {
            assertThat(archive.outcome()).isEqualTo("SIGNED_OFF");
            assertThat(archive.evidenceCount()).isEqualTo(1);
            assertThat(archive.reworkCount()).isZero();
        });
        assertThat(jdbc.sql("SELECT status FROM problem WHERE id = ?").param(measure.problemId()).query(String.class)
            .single()).isEqualTo("CLOSED");
        assertThat(history.of(StatusHistory.Entity.MEASURE, measureCode)).extracting(StatusHistory.Entry::toStatus)
            .containsExactly("IN_PROGRESS", "REPORTED", "REVIEWED", "SIGNED_OFF");
        assertThat(notices.of(measureCode)).isEmpty();
    }

    @Test
    void longTermMeasureIsHandedToNormalManagement() {
        ProcessInstance instance = startMeasure(MeasureKind.LONG_TERM, 90);

        complete(instance, UNIT_RECTIFIES, report(ReportStatus.LONG_TERM_CONTINUING));
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", null));

        assertThat(instance).isEnded().hasPassed(HANDED_OVER).hasNotPassed(SIGNED_OFF);
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.NORMAL_MANAGEMENT);
        assertThat(measures.archive(measureCode)).hasValueSatisfying(a -> assertThat(a.outcome()).isEqualTo("HANDED_OVER"));
        assertThat(jdbc.sql("SELECT status FROM problem WHERE id = ?").param(measures.require(measureCode).problemId())
            .query(String.class).single()).isEqualTo("CLOSED");
    }

    private static Map<String, Object> notDone(String reason, String plannedDate) {
        Map<String, Object> values = new HashMap<>();
        values.put("progress", "已完成排查，正在协调市直部门");
        values.put("reportStatus", ReportStatus.NOT_DONE.name());
        values.put("notDoneReason", reason);
        values.put("plannedDate", plannedDate);
        return values;
    }

    @Test
    void aMeasureReportedNotDoneStaysWithTheUnitCountedNotDoneUntilItIsReportedDone() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);

        complete(instance, UNIT_RECTIFIES, notDone("涉及跨部门审批，需市财政局配合", "2026-05-31"));

        assertThat(instance).hasPassed(REPORTED_NOT_DONE).isWaitingAt(UNIT_RECTIFIES).hasNotPassed(LEAD_UNIT_REVIEW);
        Measure measure = measures.require(measureCode);
        assertThat(measure.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measure.outcome()).isEqualTo(Outcome.NOT_DONE);
        assertThat(measure.notDoneReason()).isEqualTo("涉及跨部门审批，需市财政局配合");
        assertThat(measure.plannedDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(measure.deadline()).as("the deadline stays").isEqualTo(LocalDate.of(2026, 4, 11));
        Task again = task(instance, UNIT_RECTIFIES);
        assertThat(again).hasCandidateGroup(TestRounds.UNIT);
        assertThat(taskService.getVariableLocal(again.getId(), "notDoneReason"))
            .as("the new task opens with the last report").isEqualTo("涉及跨部门审批，需市财政局配合");
        assertThat(history.of(StatusHistory.Entity.MEASURE, measureCode)).last()
            .satisfies(e -> assertThat(e.reason()).contains("单位报告未完成").contains("2026-05-31"));

        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        assertThat(instance).isWaitingAt(LEAD_UNIT_REVIEW);
        assertThat(measures.require(measureCode).outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(measures.require(measureCode).plannedDate()).isNull();
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", null));
        assertThat(instance).isEnded().hasPassed(SIGNED_OFF);
        assertThat(measures.require(measureCode).outcome()).isEqualTo(Outcome.RECTIFIED);
    }

    @Test
    void aNotDoneReportWithoutItsReasonOrPlannedDateOrWithAPastDateIsRefusedAndNothingIsWritten() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        Task task = task(instance, UNIT_RECTIFIES);

        assertThatThrownBy(() -> taskService.complete(task.getId(), notDone(" ", "2026-05-31")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "notDoneReason");
        assertThatThrownBy(() -> taskService.complete(task.getId(), notDone("原因", null)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "plannedDate");
        assertThatThrownBy(() -> taskService.complete(task.getId(), notDone("原因", "2020-01-01")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "plannedDate")
            .hasMessage("计划完成时间不能早于今天");

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
        assertThat(measures.require(measureCode).outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(measures.require(measureCode).progress()).isNull();
    }

    @Test
    void aLongTermMeasureHandedOverCountsAsBasicallyDoneAndASignedOffOneAsRectified() {
        ProcessInstance instance = startMeasure(MeasureKind.LONG_TERM, 90);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.LONG_TERM_CONTINUING));
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", null));

        assertThat(instance).isEnded().hasPassed(HANDED_OVER);
        assertThat(measures.require(measureCode).outcome()).isEqualTo(Outcome.BASICALLY_DONE);
        assertThat(jdbc.sql("SELECT outcome FROM measure WHERE code = ?").param(measureCode).query(String.class)
            .single()).isEqualTo("BASICALLY_DONE");
    }

    @Test
    void anImmediateMeasureCannotBeReportedAsLongTermAndNothingIsWritten() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        Task task = task(instance, UNIT_RECTIFIES);

        assertThatThrownBy(() -> taskService.complete(task.getId(), report(ReportStatus.LONG_TERM_CONTINUING)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "reportStatus");

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measures.evidenceCount(measureCode)).isZero();
    }

    @Test
    void aReportWithoutItsRequiredFieldsIsRefusedNamingTheField() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        Task task = task(instance, UNIT_RECTIFIES);
        Map<String, Object> incomplete = new HashMap<>(report(ReportStatus.COMPLETED));
        incomplete.put("completionSummary", "  ");

        assertThatThrownBy(() -> taskService.complete(task.getId(), incomplete))
            .isInstanceOf(FormFieldValidationException.class)
            .hasFieldOrPropertyWithValue("detail", "completionSummary").hasMessage("请填写整改完成情况");

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
        assertThat(measures.require(measureCode).progress()).isNull();
        assertThat(measures.evidenceCount(measureCode)).isZero();
    }

    @Test
    void theLedgerAndTheEngineCommitOrRollBackTogether() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        Task task = task(instance, UNIT_RECTIFIES);

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            taskService.complete(task.getId(), report(ReportStatus.COMPLETED));
            assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.REPORTED);
            throw new IllegalStateException("a later step of the same transaction fails");
        })).hasMessageContaining("a later step");

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measures.evidenceCount(measureCode)).isZero();
        assertThat(history.of(StatusHistory.Entity.MEASURE, measureCode)).extracting(StatusHistory.Entry::toStatus)
            .containsExactly("IN_PROGRESS");
    }

    @Test
    void greenReminderTwentyDaysBeforeTheDeadlineTellsTheLiaison() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        assertThat(dueJobs(instance)).isEmpty();
        // deadline Saturday 11 April 2026 at 18:00 (40 days after Monday 2 March): 20 days before it
        assertThat(due(timer(instance, GREEN_REMINDER))).isEqualTo("2026-03-22T18:00+08:00");

        fire(instance, GREEN_REMINDER);

        assertThat(instance).hasPassed(SEND_GREEN_REMINDER).isWaitingAt(UNIT_RECTIFIES);
        assertThat(notices(EscalationStep.GREEN)).singleElement().satisfies(n -> {
            assertThat(n.colour()).isEqualTo("GREEN");
            assertThat(n.stepDate()).isEqualTo(LocalDate.of(2026, 3, 22));
            assertThat(n.reason()).contains("距今20天");
        });
        assertThat(recipients(EscalationStep.GREEN)).containsExactly(TestRounds.LIAISON);
        assertThat(dueJobs(instance)).as("only the green timer was due").isEmpty();
    }

    @Test
    void aReminderSaysWhatItsServiceTaskSays() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);

        fire(instance, GREEN_REMINDER);

        String text = "思明分局：整改措施" + measureCode + "“测试整改措施：完善制度并组织培训（40天）”（问题：测试问题）"
            + "的完成时限为2026年4月11日，距今20天，请按期推进、如期报告。";
        assertThat(notices(EscalationStep.GREEN)).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(text));
        assertThat(notifications.forMeasure(measureCode)).isNotEmpty().allSatisfy(n -> {
            assertThat(n.subject()).isEqualTo("【绿色提醒】" + measureCode);
            assertThat(n.body()).isEqualTo(text);
        });
    }

    /**
     * The process owner's change in the Modeler, without Java: a reminder 5 days before the deadline (a boundary
     * timer and a service task of the escalateMeasure template with its own offsetDays), and the green reminder
     * told to the supervision group instead of the liaison. Deployed under a key of its own, so the other tests
     * keep the real diagram.
     */
    @Test
    void aDiagramChangeAloneAddsAReminderStepAndChangesWhoIsTold() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new java.io.File("processes/measure-execution.bpmn"));
        Process process = model.getModelElementById(MeasureExecutionProcess.KEY);
        process.setId("measure-execution-changed");
        UserTask unitTask = model.getModelElementById(UNIT_RECTIFIES);
        unitTask.builder().boundaryEvent("boundaryEvent_fiveDaysBefore").name("临期5天").cancelActivity(false)
            .timerWithDate("${escalationLadder.daysBefore(deadline, 5)}")
            .serviceTask("serviceTask_sendFiveDayReminder").name("发送临期5天提醒")
            .camundaDelegateExpression("${escalateMeasureDelegate}")
            .endEvent("endEvent_fiveDayReminderSent").name("已提醒");
        ServiceTask fiveDays = model.getModelElementById("serviceTask_sendFiveDayReminder");
        field(model, fiveDays, "step", "AMBER");
        field(model, fiveDays, "offsetDays", "-5");
        field(model, fiveDays, "notifyUnitRoles", "HEAD");
        field(model, fiveDays, "notifyGroups", "supervision");
        field(model, fiveDays, "subject", "【临期5天】{measureCode}");
        field(model, fiveDays, "body", "{unitName}：{measureContent}将于{deadline}到期（{remaining}）。");
        ServiceTask green = model.getModelElementById(SEND_GREEN_REMINDER);
        // as the Modeler does: the task has every field of its template, the panel sets their text
        green.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list().stream()
            .filter(f -> f.getCamundaName().equals("notifyUnitRoles")).findFirst().orElseThrow()
            .getCamundaString().setTextContent("NONE");
        green.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list().stream()
            .filter(f -> f.getCamundaName().equals("notifyGroups")).findFirst().orElseThrow()
            .getCamundaString().setTextContent("supervision");
        String deployment = processEngine.getRepositoryService().createDeployment()
            .addModelInstance("measure-execution-changed.bpmn", model).deploy().getId();
        try {
            String round = registerRound(MeasureKind.IMMEDIATE, 40);
            measureCode = RoundRegistration.measureCode(round, 1, 1);
            ProcessInstance instance = start("measure-execution-changed", measureCode,
                Map.of("measureCode", measureCode, "roundCode", round));

            fire(instance, GREEN_REMINDER);
            assertThat(recipients(EscalationStep.GREEN)).containsExactly("supervisor1");

            assertThat(due(timer(instance, "boundaryEvent_fiveDaysBefore"))).isEqualTo("2026-04-06T18:00+08:00");
            fire(instance, "boundaryEvent_fiveDaysBefore");
            assertThat(instance).hasPassed("serviceTask_sendFiveDayReminder").isWaitingAt(UNIT_RECTIFIES);
            assertThat(notices(EscalationStep.AMBER)).singleElement().satisfies(n -> {
                assertThat(n.stepDate()).isEqualTo(LocalDate.of(2026, 4, 6));
                assertThat(n.reason()).isEqualTo("思明分局：测试整改措施：完善制度并组织培训（40天）将于2026年4月11日到期（距今5天）。");
            });
            assertThat(recipients(EscalationStep.AMBER)).containsExactlyInAnyOrder(TestRounds.HEAD, "supervisor1");
            assertThat(notifications.forMeasure(measureCode)).filteredOn(n -> n.key().contains(":AMBER:"))
                .allSatisfy(n -> assertThat(n.subject()).isEqualTo("【临期5天】" + measureCode));

            // the configured amber step (10 days before) is a step of its own: its timer still fires and tells
            fire(instance, AMBER_REMINDER);
            assertThat(notices(EscalationStep.AMBER)).hasSize(2);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /**
     * A diagram deployed before the element templates (its escalation tasks set only {@code step}) may still have
     * running instances: its steps tell whom they told before, in the same words.
     */
    @Test
    void aServiceTaskOfAnOlderDiagramWithoutMessageFieldsSpeaksAsBefore() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new java.io.File("processes/measure-execution.bpmn"));
        Process process = model.getModelElementById(MeasureExecutionProcess.KEY);
        process.setId("measure-execution-before-templates");
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getExtensionElements() != null) {
                task.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list().stream()
                    .filter(f -> !f.getCamundaName().equals("step") && !f.getCamundaName().equals("stage"))
                    .forEach(f -> task.getExtensionElements().removeChildElement(f));
            }
        }
        String deployment = processEngine.getRepositoryService().createDeployment()
            .addModelInstance("measure-execution-before-templates.bpmn", model).deploy().getId();
        try {
            String round = registerRound(MeasureKind.IMMEDIATE, 40);
            measureCode = RoundRegistration.measureCode(round, 1, 1);
            ProcessInstance instance = start("measure-execution-before-templates",
                measureCode, Map.of("measureCode", measureCode, "roundCode", round));

            fire(instance, AMBER_REMINDER);

            assertThat(recipients(EscalationStep.AMBER)).containsExactlyInAnyOrder(TestRounds.LIAISON, TestRounds.LEADER);
            assertThat(notifications.forMeasure(measureCode)).isNotEmpty().allSatisfy(n -> {
                assertThat(n.subject()).isEqualTo("【黄色提醒】" + measureCode);
                assertThat(n.body()).endsWith("，距今10天，请责任领导林志强督促落实。");
            });
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /**
     * A diagram deployed before the templates' {@code DEFAULT} and {@code NONE} may hand 提醒时点 and 通知工作组 a blank
     * value at run time (here expressions yielding blank text, as a blank {@code camunda:string} did): the step
     * runs as with {@code DEFAULT} and {@code NONE}, on the configured day and telling no group.
     */
    @Test
    void blankOffsetDaysAndNotifyGroupsOfAnOlderDiagramMeanTheConfiguredDayAndNoGroup() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new java.io.File("processes/measure-execution.bpmn"));
        Process process = model.getModelElementById(MeasureExecutionProcess.KEY);
        process.setId("measure-execution-blank-fields");
        ServiceTask amber = model.getModelElementById(SEND_AMBER_REMINDER);
        amber.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list().stream()
            .filter(f -> f.getCamundaName().equals("offsetDays") || f.getCamundaName().equals("notifyGroups"))
            .forEach(f -> {
                f.removeChildElement(f.getCamundaString());
                f.setCamundaExpression("${' '}");
            });
        String deployment = processEngine.getRepositoryService().createDeployment()
            .addModelInstance("measure-execution-blank-fields.bpmn", model).deploy().getId();
        try {
            String round = registerRound(MeasureKind.IMMEDIATE, 40);
            measureCode = RoundRegistration.measureCode(round, 1, 1);
            ProcessInstance instance = start("measure-execution-blank-fields", measureCode,
                Map.of("measureCode", measureCode, "roundCode", round));

            fire(instance, AMBER_REMINDER);

            assertThat(instance).hasPassed(SEND_AMBER_REMINDER).isWaitingAt(UNIT_RECTIFIES);
            assertThat(notices(EscalationStep.AMBER)).singleElement()
                .satisfies(n -> assertThat(n.stepDate()).isEqualTo(LocalDate.of(2026, 4, 1)));
            assertThat(recipients(EscalationStep.AMBER)).containsExactlyInAnyOrder(TestRounds.LIAISON, TestRounds.LEADER);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static void field(BpmnModelInstance model, ServiceTask task, String name, String value) {
        CamundaField field = model.newInstance(CamundaField.class);
        field.setCamundaName(name);
        CamundaString text = model.newInstance(CamundaString.class);
        text.setTextContent(value);
        field.setCamundaString(text);
        task.builder().addExtensionElement(field);
    }

    @Test
    void amberReminderTenDaysBeforeTellsTheLiaisonAndTheLeaderInCharge() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        // deadline 11 April 2026 at 18:00: 10 days before it
        assertThat(due(timer(instance, AMBER_REMINDER))).isEqualTo("2026-04-01T18:00+08:00");

        fire(instance, AMBER_REMINDER);

        assertThat(instance).hasPassed(SEND_AMBER_REMINDER).isWaitingAt(UNIT_RECTIFIES);
        assertThat(notices(EscalationStep.AMBER)).singleElement()
            .satisfies(n -> assertThat(n.stepDate()).isEqualTo(LocalDate.of(2026, 4, 1)));
        assertThat(recipients(EscalationStep.AMBER)).containsExactlyInAnyOrder(TestRounds.LIAISON, TestRounds.LEADER);
    }

    @Test
    void aReminderOvertakenByALaterStepIsNotSent() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 5);
        // both reminders' dates lie before today: both timers are due at once
        assertThat(dueJobs(instance)).hasSize(2);

        fire(instance, GREEN_REMINDER);
        fire(instance, AMBER_REMINDER);

        assertThat(instance).hasPassed(SEND_GREEN_REMINDER, SEND_AMBER_REMINDER);
        assertThat(notices(EscalationStep.GREEN)).isEmpty();
        assertThat(notices(EscalationStep.AMBER)).singleElement()
            .satisfies(n -> assertThat(n.reason()).contains("距今5天"));
    }

    @Test
    void anAmberReminderDueAfterTheDeadlineGivesWayToTheRedNotice() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        setClock(TODAY.plusDays(41).atTime(9, 0));

        managementService.executeJob(timer(instance, AMBER_REMINDER).getId());

        assertThat(instance).hasPassed(SEND_AMBER_REMINDER);
        assertThat(notices(EscalationStep.AMBER)).isEmpty();
    }

    @Test
    void redNoticeAtTheDeadlineAndEverySevenDaysTellsTheHeadAndTheSupervisionGroup() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        assertThat(due(timer(instance, OVERDUE_NOTICE))).as("at the deadline").isEqualTo("2026-04-11T18:00+08:00");

        fire(instance, OVERDUE_NOTICE);
        assertThat(notices(EscalationStep.RED)).extracting(Notice::stepDate).containsExactly(LocalDate.of(2026, 4, 11));
        assertThat(recipients(EscalationStep.RED)).contains(TestRounds.HEAD, "supervisor1")
            .doesNotContain(TestRounds.LIAISON);

        assertThat(due(timer(instance, OVERDUE_NOTICE))).as("7 days later").isEqualTo("2026-04-18T18:00+08:00");
        fire(instance, OVERDUE_NOTICE);

        assertThat(notices(EscalationStep.RED)).extracting(Notice::stepDate)
            .containsExactly(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 4, 18));
        assertThat(due(timer(instance, OVERDUE_NOTICE))).as("and 7 days later again").isEqualTo("2026-04-25T18:00+08:00");
        assertThat(notices(EscalationStep.RED).get(1).reason()).contains("7天");
        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
    }

    @Test
    void aHistoricalRoundSendsNoReminderForADateThatHadPassedWhenItWasRecorded() {
        String round = TestRounds.newCode();
        RoundRegistration.Measure late = new RoundRegistration.Measure("测试整改措施：完善制度并组织培训（历史记录）",
            TestRounds.UNIT, TestRounds.LEADER, LocalDate.of(2026, 1, 21), MeasureKind.IMMEDIATE);
        rounds.register(new RoundRegistration(round, "测试巡察（历史记录）", "市委第一巡察组", "中共测试委员会", "测试党委",
            LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 11, 22), null,
            List.of(new RoundRegistration.Category(1, "测试方面", List.of(new RoundRegistration.Problem(1, "测试问题",
                TestRounds.KEY_GROUP, List.of(late))))), List.of(), true));
        measureCode = RoundRegistration.measureCode(round, 1, 1);
        ProcessInstance instance = start(MeasureExecutionProcess.KEY, measureCode,
            Map.of("measureCode", measureCode, "roundCode", round));

        // recorded on 2 March 2026: the green (1 January), amber (11 January) and interview (20 February) steps are
        // due at once, and the red notice a second after the start, for the period of 25 February: all dated before it
        List<Job> due = dueJobs(instance);
        assertThat(due).extracting(Job::getDuedate).containsExactlyInAnyOrder(
            Date.from(Instant.parse("2026-01-01T10:00:00Z")), Date.from(Instant.parse("2026-01-11T10:00:00Z")),
            Date.from(Instant.parse("2026-02-20T10:00:00Z")));
        due.forEach(job -> managementService.executeJob(job.getId()));
        fire(instance, OVERDUE_NOTICE);
        assertThat(notices.of(measureCode)).isEmpty();
        assertThat(notifications.forMeasure(measureCode)).isEmpty();
        assertThat(task(instance, LEADING_GROUP_INTERVIEW)).isNull();
        assertThat(instance).isWaitingAt(UNIT_RECTIFIES);

        // the red period that begins after it was recorded, 4 March, is noticed as in any round
        fire(instance, OVERDUE_NOTICE);
        assertThat(notices(EscalationStep.RED)).extracting(Notice::stepDate).containsExactly(LocalDate.of(2026, 3, 4));
    }

    @Test
    void thirtyDaysOverdueTheLeadingGroupInterviewsTheUnit() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        // deadline 11 April 2026 at 18:00: 30 days after it
        assertThat(due(timer(instance, INTERVIEW_DUE))).isEqualTo("2026-05-11T18:00+08:00");

        fire(instance, INTERVIEW_DUE);

        assertThat(notices(EscalationStep.INTERVIEW)).singleElement()
            .satisfies(n -> assertThat(n.stepDate()).isEqualTo(LocalDate.of(2026, 5, 11)));
        Task interview = task(instance, LEADING_GROUP_INTERVIEW);
        assertThat(interview).hasCandidateGroup("leadinggroup");
        assertThat(recipients(EscalationStep.INTERVIEW)).contains("chief");

        assertThatThrownBy(() -> taskService.complete(interview.getId(), Map.of("interviewDate", "2026-05-12")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "interviewee");

        taskService.complete(interview.getId(), Map.of("interviewDate", "2026-05-12",
            "interviewee", "思明分局主要负责人", "interviewRecord", "责令十日内完成整改并书面报告"));
        assertThat(instance).hasPassed(INTERVIEW_HELD).isWaitingAt(UNIT_RECTIFIES);
        assertThat(jdbc.sql("SELECT interviewee FROM interview WHERE measure_code = ?").param(measureCode)
            .query(String.class).list()).containsExactly("思明分局主要负责人");
    }

    @Test
    void rejectionAtReviewIssuesAReworkNoticeAndSendsTheWorkBack() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));

        complete(instance, LEAD_UNIT_REVIEW, review("REJECT", "佐证材料不全，缺少检查记录"));

        assertThat(instance).isWaitingAt(UNIT_RECTIFIES).hasNotPassed(SEND_RED_CARD);
        assertThat(notices(EscalationStep.REWORK)).singleElement()
            .satisfies(n -> assertThat(n.reason()).contains("佐证材料不全，缺少检查记录"));
        assertThat(recipients(EscalationStep.REWORK)).containsExactlyInAnyOrder(TestRounds.LIAISON, TestRounds.HEAD);
        Measure measure = measures.require(measureCode);
        assertThat(measure.status()).isEqualTo(MeasureStatus.REWORK);
        assertThat(measure.reworkCount()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), "rejectionReason")).asString()
            .contains("牵头单位审核退回");
        // the rework form opens with the last report filled in, and shows the reason
        Task rework = task(instance, UNIT_RECTIFIES);
        assertThat(taskService.getVariablesLocal(rework.getId())).containsEntry("progress", "已制定方案并组织实施")
            .containsEntry("completionSummary", "印发制度1项，开展专项检查2次")
            .containsEntry("evidence", "〔2026〕12号文件；检查记录").containsEntry("reportStatus", "COMPLETED");
        assertThat(taskService.getVariable(rework.getId(), "rejectionReasonText"))
            .isEqualTo("牵头单位审核退回：佐证材料不全，缺少检查记录");

        // submitted as the Tasklist does, over the filled-in values
        formService.submitTaskForm(rework.getId(), Map.of("progress", "已补充检查记录", "completionSummary",
            "印发制度1项，开展专项检查2次，补充检查记录3份", "evidence", "检查记录3份", "reportStatus", "COMPLETED"));
        assertThat(measures.require(measureCode).completionSummary()).isEqualTo("印发制度1项，开展专项检查2次，补充检查记录3份");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("progress", "completionSummary");
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", null));
        assertThat(instance).isEnded().hasPassed(SIGNED_OFF);
        assertThat(measures.archive(measureCode)).hasValueSatisfying(a -> {
            assertThat(a.reworkCount()).isEqualTo(1);
            assertThat(a.evidenceCount()).isEqualTo(2);
            assertThat(a.noticeCount()).isEqualTo(1);
        });
    }

    /** Completes a task as the given user (as the Tasklist does: the engine's authentication is that user). */
    private void completeAs(String userId, ProcessInstance instance, String taskDefinitionKey,
                            Map<String, Object> variables) {
        identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list()
            .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            complete(instance, taskDefinitionKey, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theSignOffFormShowsTheLeadUnitsOpinionAndTheReworkHistoryFromTheLedger() throws Exception {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        assertThat(task(instance, LEAD_UNIT_REVIEW)).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), "reworkHistoryText")).isEqualTo("无");

        setClock(TODAY.atTime(10, 30));
        completeAs(TestRounds.LEAD_UNIT_LIAISON, instance, LEAD_UNIT_REVIEW, review("REJECT", "佐证材料不全，缺少检查记录"));
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        setClock(TODAY.plusDays(1).atTime(15, 5));
        completeAs(TestRounds.LEAD_UNIT_LIAISON, instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        setClock(TODAY.plusDays(2).atTime(8, 45));
        completeAs("supervisor1", instance, SUPERVISION_SIGN_OFF, signOff("REJECT", "整改成效不明显(见附件2)"));
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        setClock(TODAY.plusDays(3).atTime(9, 0));
        completeAs(TestRounds.LEAD_UNIT_LIAISON, instance, LEAD_UNIT_REVIEW, review("APPROVE", "材料齐全，同意报监督组销号"));

        assertThat(instance).isWaitingAt(SUPERVISION_SIGN_OFF);
        Task signOff = task(instance, SUPERVISION_SIGN_OFF);
        assertThat(taskService.getVariable(signOff.getId(), "leadReviewText"))
            .isEqualTo("审核通过（审核人：徐启明，2026年3月5日 09:00）\n意见说明：材料齐全，同意报监督组销号");
        assertThat(taskService.getVariable(signOff.getId(), "reworkHistoryText")).isEqualTo(
            "第1次退回：2026年3月2日 10:30，徐启明，牵头单位审核退回：佐证材料不全，缺少检查记录\n"
                + "第2次退回：2026年3月4日 08:45，张华，监督组销号审核退回：整改成效不明显\\(见附件2\\)");
        // the sign-off form shows both beside the report and its evidence
        String form = new String(getClass().getResourceAsStream("/forms/supervision-sign-off.form").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("**牵头单位审核意见：** {{leadReviewText}}", "**返工记录：** {{reworkHistoryText}}",
            "**佐证材料：** {{reportedEvidence}}", "**佐证材料文件：** {{reportedEvidenceFiles}}");

        completeAs("supervisor1", instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", null));
        assertThat(instance).isEnded().hasPassed(SIGNED_OFF);
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        Task reviewTask = task(instance, LEAD_UNIT_REVIEW);

        assertThatThrownBy(() -> taskService.complete(reviewTask.getId(), review("REJECT", "")))
            .isInstanceOf(FormFieldValidationException.class)
            .hasFieldOrPropertyWithValue("detail", "reviewComment").hasMessage("退回返工时请填写意见说明");
        assertThatThrownBy(() -> taskService.complete(reviewTask.getId(), review(null, null)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "reviewDecision");

        assertThat(instance).isWaitingAt(LEAD_UNIT_REVIEW);
        assertThat(notices.of(measureCode)).isEmpty();
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.REPORTED);
    }

    @Test
    void aSecondRejectionAlsoSendsARedCardToTheDisciplineInspectors() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        complete(instance, LEAD_UNIT_REVIEW, review("REJECT", "措施未落实到位"));
        assertThat(notices(EscalationStep.RED_CARD)).isEmpty();

        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));
        complete(instance, SUPERVISION_SIGN_OFF, signOff("REJECT", "整改成效不明显，仍需返工"));

        assertThat(instance).hasPassed(SEND_RED_CARD).isWaitingAt(UNIT_RECTIFIES);
        assertThat(notices(EscalationStep.REWORK)).hasSize(2);
        assertThat(notices(EscalationStep.RED_CARD)).singleElement()
            .satisfies(n -> assertThat(n.reason()).contains("第2次"));
        assertThat(recipients(EscalationStep.RED_CARD)).containsExactly("inspector1");
        assertThat(measures.require(measureCode).reworkCount()).isEqualTo(2);
    }

    @Test
    void aStepThatFiresAgainWritesNothingTwice() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        fire(instance, INTERVIEW_DUE);
        assertThat(task(instance, LEADING_GROUP_INTERVIEW)).isNotNull();
        int noticesBefore = notices.of(measureCode).size();
        int notificationsBefore = notifications.forMeasure(measureCode).size();
        // every other timer is past due by now: fire them, then send the work back so the ladder is laid anew
        for (Job job : dueJobs(instance)) {
            managementService.executeJob(job.getId());
        }
        int afterFirstLadder = notices.of(measureCode).size();
        assertThat(afterFirstLadder).isGreaterThan(noticesBefore);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        complete(instance, LEAD_UNIT_REVIEW, review("REJECT", "请补充材料"));
        int afterRework = notices.of(measureCode).size();
        int notificationsAfterRework = notifications.forMeasure(measureCode).size();

        // the new unit task's timers are all due at once (the red cycle restarts a second from now):
        // the same steps fire again, in the same red period
        setClock(new Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 2000));
        for (String timer : List.of(GREEN_REMINDER, AMBER_REMINDER, OVERDUE_NOTICE, INTERVIEW_DUE)) {
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timer)
                .executable().count()).as(timer + " due again").isEqualTo(1);
        }
        for (Job job : dueJobs(instance)) {
            managementService.executeJob(job.getId());
        }

        assertThat(notices.of(measureCode)).hasSize(afterRework);
        assertThat(notifications.forMeasure(measureCode)).hasSize(notificationsAfterRework);
        assertThat(notices(EscalationStep.INTERVIEW)).hasSize(1);
        assertThat(instance).hasPassed(INTERVIEW_ALREADY_REQUESTED);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(LEADING_GROUP_INTERVIEW).count()).isEqualTo(1);
        assertThat(notificationsBefore).isPositive();
    }

    // --- a task accepts its own form and nothing else (issue 13) ---

    /** The routing of a measure, which no completion may carry. */
    private static final List<String> ROUTING = List.of("measureCode", "roundCode", "unitGroup", "leadUnitGroup",
        "signOffGroup", "deadline", "reworkCount", "unitName", "approved", "reportedStatus", ForgedCompletions.UNKNOWN);

    private List<String> refusedBesides(Task task, Map<String, Object> formValues) {
        Set<String> candidates = new TreeSet<>(ROUTING);
        candidates.addAll(ForgedCompletions.declaredVariables(MeasureExecutionProcess.Variables.class));
        return new ForgedCompletions(processEngine, jdbc).assertEachRefused(task, formValues, candidates);
    }

    @Test
    void theUnitsReportAcceptsOnlyItsFormAndTheMeasureKeepsItsRouting() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        Task unitTask = task(instance, UNIT_RECTIFIES);

        Map<String, Object> wholeForm = new HashMap<>(report(ReportStatus.COMPLETED));
        wholeForm.put("notDoneReason", ""); // the form's 未完成 fields, hidden and empty with any other status
        wholeForm.put("plannedDate", "");
        wholeForm.put("mechanisms", null); // the form's list of mechanisms, left empty
        assertThat(refusedBesides(unitTask, wholeForm)).containsAll(ROUTING);

        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        assertThat(task(instance, LEAD_UNIT_REVIEW)).hasCandidateGroup(TestRounds.LEAD_UNIT);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("progress", "completionSummary",
            "evidence", "reportStatus");
    }

    @Test
    void theLeadUnitsReviewAcceptsOnlyItsForm() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));

        assertThat(refusedBesides(task(instance, LEAD_UNIT_REVIEW), review("APPROVE", "同意"))).containsAll(ROUTING);

        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", "同意"));
        assertThat(task(instance, SUPERVISION_SIGN_OFF)).hasCandidateGroup("supervision");
    }

    @Test
    void theSupervisionSignOffAcceptsOnlyItsForm() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        complete(instance, UNIT_RECTIFIES, report(ReportStatus.COMPLETED));
        complete(instance, LEAD_UNIT_REVIEW, review("APPROVE", null));

        assertThat(refusedBesides(task(instance, SUPERVISION_SIGN_OFF), signOff("APPROVE", "同意销号")))
            .containsAll(ROUTING);

        complete(instance, SUPERVISION_SIGN_OFF, signOff("APPROVE", "同意销号"));
        assertThat(instance).isEnded().hasPassed(SIGNED_OFF);
    }

    @Test
    void theLeadingGroupsInterviewAcceptsOnlyItsForm() {
        ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
        fire(instance, INTERVIEW_DUE);
        Map<String, Object> interview = Map.of("interviewDate", "2026-05-12", "interviewee", "思明分局主要负责人",
            "interviewRecord", "责令十日内完成整改并书面报告");

        assertThat(refusedBesides(task(instance, LEADING_GROUP_INTERVIEW), interview)).containsAll(ROUTING);

        complete(instance, LEADING_GROUP_INTERVIEW, interview);
        assertThat(instance).hasPassed(INTERVIEW_HELD);
    }

    @Test
    void aFormFieldNamedLikeARoutingVariableCannotRouteTheWork() throws Exception {
        // the process owner deploys a report form that also asks for the lead unit
        String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/measure-report.form")).replace(
            "\"components\": [", "\"components\": [{\"type\": \"textfield\", \"key\": \"leadUnitGroup\", "
                + "\"label\": \"牵头单位\", \"id\": \"textfield_leadUnitGroup\"},");
        String deployment = processEngine.getRepositoryService().createDeployment()
            .addString("measure-report.form", form).deploy().getId();
        try {
            ProcessInstance instance = startMeasure(MeasureKind.IMMEDIATE, 40);
            Map<String, Object> forged = new HashMap<>(report(ReportStatus.COMPLETED));
            forged.put("leadUnitGroup", TestRounds.UNIT);

            assertThatThrownBy(() -> taskService.complete(task(instance, UNIT_RECTIFIES).getId(), forged))
                .isInstanceOf(FormFieldValidationException.class)
                .hasFieldOrPropertyWithValue("detail", "leadUnitGroup").hasMessage("表单中的“牵头单位”与流程中由系统记录的数据同名，"
                    + "任务未办结，未作任何更改：请流程管理员修改任务“单位整改并报告”的表单中此项的键名");

            assertThat(instance).isWaitingAt(UNIT_RECTIFIES);
            assertThat(runtimeService.getVariable(instance.getId(), "leadUnitGroup")).isEqualTo(TestRounds.LEAD_UNIT);
            assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aUnitCannotWriteItsReportIntoAnotherUnitsMeasure() {
        ProcessInstance other = startMeasure(MeasureKind.IMMEDIATE, 40);
        String otherCode = measureCode;
        ProcessInstance own = startMeasure(MeasureKind.IMMEDIATE, 40);
        Map<String, Object> forged = new HashMap<>(report(ReportStatus.COMPLETED));
        forged.put("measureCode", otherCode);

        assertThatThrownBy(() -> taskService.complete(task(own, UNIT_RECTIFIES).getId(), forged))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "measureCode")
            .hasMessage("任务“单位整改并报告”的表单中没有“measureCode”这一项，任务未办结，未作任何更改");

        assertThat(measures.require(otherCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measures.require(measureCode).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(own).isWaitingAt(UNIT_RECTIFIES);
        assertThat(other).isWaitingAt(UNIT_RECTIFIES);
    }
}
