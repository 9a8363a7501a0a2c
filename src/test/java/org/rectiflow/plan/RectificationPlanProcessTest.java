package org.rectiflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.APPROVE_PLAN;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.COMMENT_DEADLINE;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.COMMENT_ON_PLAN;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.COMMENT_REMINDER;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.DRAFT_PLAN;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.PLAN_APPROVED;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.RECORD_NO_COMMENT;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.REMIND_REVIEWER;
import static org.rectiflow.plan.RectificationPlanProcess.Elements.REVISE_PLAN;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.notification.OutboxEntry;
import org.rectiflow.support.ForgedCompletions;
import org.rectiflow.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/rectification-plan.bpmn: comment rounds (1 and 3), a silent reviewer, send-back, approval. */
class RectificationPlanProcessTest extends ProcessTest {

    @Autowired PlanRepository plans;

    private String round;

    private ProcessInstance start(Integer commentRounds) {
        round = registerRound(MeasureKind.IMMEDIATE, 30, 60);
        Map<String, Object> variables = new HashMap<>(Map.of("roundCode", round));
        if (commentRounds != null) {
            variables.put("commentRounds", commentRounds);
        }
        return start(RectificationPlanProcess.KEY, round, variables);
    }

    private List<Task> commentTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(COMMENT_ON_PLAN).list();
    }

    /** Everyone answers this round: the first with a comment on measure 1, the rest "无". */
    private void answerRound(ProcessInstance instance) {
        List<Task> tasks = commentTasks(instance);
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, Object> answer = new HashMap<>();
            answer.put("commentText", i == 0 ? "建议明确完成标准" : "无");
            answer.put("commentTarget", i == 0 ? round + "-01-01" : null);
            taskService.complete(tasks.get(i).getId(), answer);
        }
    }

    private void revise(ProcessInstance instance, String changes) {
        Map<String, Object> values = new HashMap<>();
        values.put("revisionNotes", "根据意见修改");
        values.put("measureChanges", changes);
        complete(instance, REVISE_PLAN, values);
    }

    private Map<String, Object> decision(Object version, String decision, String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put("approvedVersion", version);
        values.put("planDecision", decision);
        values.put("planDecisionReason", reason);
        return values;
    }

    @Test
    void threeCommentRoundsThenTheCommitteeApprovesAndTheUnitsGetTheirTaskLists() {
        ProcessInstance instance = start(null);
        assertThat(task(instance, DRAFT_PLAN)).hasCandidateGroup("office");
        assertThat(plans.newestVersion(round)).isEqualTo(1);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "细化整改措施，逐一明确责任"));

        for (int commentRound = 1; commentRound <= 3; commentRound++) {
            List<Task> tasks = commentTasks(instance);
            // the leading group's members one task each, and the responsible unit
            assertThat(tasks).hasSize(7);
            assertThat(tasks.stream().flatMap(t -> taskService.getIdentityLinksForTask(t.getId()).stream())
                .map(l -> l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId()))
                .contains("user:chief", "user:deputyA", "group:siming");
            answerRound(instance);
            revise(instance, commentRound == 2 ? round + "-01-02：测试整改措施：完善制度、组织培训并开展专项检查" : null);
        }

        Task approval = task(instance, APPROVE_PLAN);
        assertThat(approval).hasCandidateGroup("leadinggroup");
        assertThat(plans.newestVersion(round)).isEqualTo(4);
        taskService.complete(approval.getId(), decision(4, "APPROVE", null));

        assertThat(instance).isEnded().hasPassed(PLAN_APPROVED);
        assertThat(plans.comments(round)).hasSize(21).extracting(PlanRepository.Comment::commentRound)
            .containsOnly(1, 2, 3);
        assertThat(plans.comments(round)).filteredOn(c -> !c.noComment()).hasSize(3)
            .allSatisfy(c -> assertThat(c.measureCode()).isEqualTo(round + "-01-01"));
        assertThat(plans.changes(round)).singleElement().satisfies(change -> {
            assertThat(change.versionNo()).isEqualTo(3);
            assertThat(change.newContent()).isEqualTo("测试整改措施：完善制度、组织培训并开展专项检查");
        });
        assertThat(measures.require(round + "-01-02").content()).isEqualTo("测试整改措施：完善制度、组织培训并开展专项检查");
        assertThat(plans.versionContent(round, 2, round + "-01-02")).isNotEqualTo(plans.versionContent(round, 3,
            round + "-01-02"));
        assertThat(notifications.forRecipient("simingLiaison")).extracting(OutboxEntry::subject)
            .anyMatch(s -> s.startsWith("【任务清单】"));
        assertThat(notifications.forRecipient("simingHead")).filteredOn(n -> n.key().startsWith(round + ":TASKLIST:"))
            .isNotEmpty().allSatisfy(n -> assertThat(n.body()).startsWith("思明分局：整改方案（第4版）已经党委审定，"
                + "现下发本单位任务清单，请制定本单位整改实施方案。\n1. " + round + "-01-"));
    }

    @Test
    void theCommentFormShowsTheRoundAndTheMeasuresOfTheVersionOutForComment() {
        ProcessInstance instance = start(null);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "细化整改措施，逐一明确责任"));

        Task first = commentTasks(instance).get(0);
        assertThat(taskService.getVariable(first.getId(), "roundText")).isEqualTo(round + "　测试巡察");
        assertThat(taskService.getVariableTyped(first.getId(), "planMeasures").getType().getName()).isEqualTo("json");
        assertThat(taskService.<SerializableValue>getVariableTyped(first.getId(), "planMeasures", false).getValueSerialized()
            .toString()).isEqualTo("[{\"code\":\"" + round + "-01-01\",\"unit\":\"思明分局\",\"content\":\"测试整改措施："
                + "完善制度并组织培训（30天）\"},{\"code\":\"" + round + "-01-02\",\"unit\":\"思明分局\",\"content\":\""
                + "测试整改措施：完善制度并组织培训（60天）\"}]");

        // the next round lists the revised version's measures
        answerRound(instance);
        revise(instance, round + "-01-02：测试整改措施：完善制度、组织培训并开展专项检查");
        Task second = commentTasks(instance).get(0);
        assertThat(taskService.getVariable(second.getId(), "planVersion")).isEqualTo(2);
        assertThat(taskService.<SerializableValue>getVariableTyped(second.getId(), "planMeasures", false).getValueSerialized()
            .toString()).contains("\"code\":\"" + round + "-01-02\",\"unit\":\"思明分局\",\"content\":\""
                + "测试整改措施：完善制度、组织培训并开展专项检查\"");
    }

    @Test
    void withOneCommentRoundThePlanGoesToTheCommitteeAfterTheFirstRevision() {
        ProcessInstance instance = start(1);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "整改方案"));
        answerRound(instance);
        revise(instance, null);

        assertThat(instance).isWaitingAt(APPROVE_PLAN);
        assertThat(plans.comments(round)).extracting(PlanRepository.Comment::commentRound).containsOnly(1);
    }

    @Test
    void aCommentRoundCountBelowOneIsRefused() {
        String code = registerRound(MeasureKind.IMMEDIATE, 30);
        assertThatThrownBy(() -> start(RectificationPlanProcess.KEY, code,
            Map.of("roundCode", code, "commentRounds", 0)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "commentRounds");
        assertThat(plans.newestVersion(code)).isZero();
    }

    @Test
    void aReviewerWhoDoesNotAnswerIsRemindedThenRecordedAsNoComment() {
        ProcessInstance instance = start(1);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "整改方案"));
        Task silent = commentTasks(instance).stream().filter(t -> taskService.getIdentityLinksForTask(t.getId())
            .stream().map(IdentityLink::getUserId).anyMatch("chief"::equals)).findFirst().orElseThrow();
        List<Job> reminders = managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(COMMENT_REMINDER).list();
        assertThat(reminders).hasSize(7);

        Job reminder = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(COMMENT_REMINDER)
            .executionId(silent.getExecutionId()).singleResult();
        // asked on Monday 2 March 2026: comments are due in 7 days at 18:00, reminded 2 days before
        assertThat(due(reminder)).isEqualTo("2026-03-07T18:00+08:00");
        setClock(new java.util.Date(reminder.getDuedate().getTime() + 60_000));
        managementService.executeJob(reminder.getId());
        assertThat(instance).hasPassed(REMIND_REVIEWER);
        assertThat(notifications.forRecipient("chief")).extracting(OutboxEntry::subject)
            .anyMatch(s -> s.startsWith("【征求意见提醒】"));

        Job deadline = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(COMMENT_DEADLINE)
            .executionId(silent.getExecutionId()).singleResult();
        assertThat(due(deadline)).isEqualTo("2026-03-09T18:00+08:00");
        setClock(new java.util.Date(deadline.getDuedate().getTime() + 60_000));
        managementService.executeJob(deadline.getId());

        assertThat(instance).hasPassed(RECORD_NO_COMMENT);
        assertThat(taskService.createTaskQuery().taskId(silent.getId()).count()).isZero();
        assertThat(plans.comments(round)).singleElement().satisfies(c -> {
            assertThat(c.reviewer()).isEqualTo("user:chief");
            assertThat(c.noComment()).isTrue();
            assertThat(c.by()).isEqualTo("system");
        });
        assertThat(commentTasks(instance)).hasSize(6);
    }

    @Test
    void theCommitteeSendsThePlanBackWithAReasonAndApprovesTheRevision() {
        ProcessInstance instance = start(1);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "整改方案"));
        answerRound(instance);
        revise(instance, null);
        Task approval = task(instance, APPROVE_PLAN);

        assertThatThrownBy(() -> taskService.complete(approval.getId(), decision(2, "SEND_BACK", null)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "planDecisionReason");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), decision(1, "APPROVE", null)))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "approvedVersion")
            .hasMessageContaining("最新为第2版");
        assertThat(plans.decisions(round)).isEmpty();

        taskService.complete(approval.getId(), decision(2, "SEND_BACK", "长效机制措施不够具体"));
        assertThat(instance).isWaitingAt(REVISE_PLAN);
        assertThat(runtimeService.getVariable(instance.getId(), "lastReturnReason")).isEqualTo("长效机制措施不够具体");
        revise(instance, null);
        complete(instance, APPROVE_PLAN, decision(3L, "APPROVE", null));

        assertThat(instance).isEnded().hasPassed(PLAN_APPROVED);
        assertThat(plans.decisions(round)).containsExactly("SEND_BACK", "APPROVE");
    }

    @Test
    void aRevisionNamingAMeasureOfNoRoundIsRefusedNamingTheLine() {
        ProcessInstance instance = start(1);
        complete(instance, DRAFT_PLAN, Map.of("planSummary", "整改方案"));
        answerRound(instance);
        Task revision = task(instance, REVISE_PLAN);

        assertThatThrownBy(() -> taskService.complete(revision.getId(), Map.of("revisionNotes", "修改",
            "measureChanges", round + "-01-01：新内容\nNOPE-01-01：新内容")))
            .isInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "measureChanges")
            .hasMessageContaining("第2行").hasMessageContaining("NOPE-01-01");
        assertThat(plans.newestVersion(round)).isEqualTo(1);
        assertThat(measures.require(round + "-01-01").content()).doesNotContain("新内容");
    }

    // --- a task accepts its own form and nothing else (issue 13) ---

    @Test
    void everyTaskOfThePlanAcceptsOnlyItsOwnFormFields() {
        ForgedCompletions forged = new ForgedCompletions(processEngine, jdbc);
        Set<String> candidates = ForgedCompletions.declaredVariables(RectificationPlanProcess.Variables.class);
        List<String> routing = List.of("roundCode", "commentRound", "commentRounds", "commentDueAt", "planVersion",
            "reviewer", "planApproved", ForgedCompletions.UNKNOWN);
        ProcessInstance instance = start(1);

        Map<String, Object> draft = Map.of("planSummary", "细化整改措施，逐一明确责任");
        assertThat(forged.assertEachRefused(task(instance, DRAFT_PLAN), draft, candidates)).containsAll(routing);
        complete(instance, DRAFT_PLAN, draft);

        Map<String, Object> comment = new HashMap<>(Map.of("commentText", "无"));
        comment.put("commentTarget", null);
        assertThat(forged.assertEachRefused(commentTasks(instance).get(0), comment, candidates)).containsAll(routing);
        answerRound(instance);

        Map<String, Object> revision = new HashMap<>(Map.of("revisionNotes", "根据意见修改"));
        revision.put("measureChanges", null);
        assertThat(forged.assertEachRefused(task(instance, REVISE_PLAN), revision, candidates)).containsAll(routing);
        revise(instance, null);

        assertThat(forged.assertEachRefused(task(instance, APPROVE_PLAN), decision(2, "APPROVE", null), candidates))
            .containsAll(routing);
        taskService.complete(task(instance, APPROVE_PLAN).getId(), decision(2, "APPROVE", null));
        assertThat(instance).isEnded().hasPassed(PLAN_APPROVED);
    }
}
