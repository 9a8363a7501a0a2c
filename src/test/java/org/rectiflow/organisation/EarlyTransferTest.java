package org.rectiflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.plan.UnitPlanVariables;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 转办 of a measure that has not started, through {@code POST /api/measures/{code}/transfer} as the office calls
 * it: before the units' plan stage the measure goes with the new unit's task list and unit-plan task (the old unit,
 * left without a measure, gets no plan task); during the stage it is refused, saying when to move it, and once its
 * unit's plan is approved it moves with its task.
 */
class EarlyTransferTest extends WebTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired MeasureRepository measures;
    @Autowired StatusHistory history;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    private HttpResponse<String> transfer(String code, String toUnit, String reason) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/measures/" + code + "/transfer"))
            .header("Authorization", basicAuth("officer1", "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"toUnit\": \"" + toUnit + "\", \"reason\": \"" + reason + "\"}",
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Task> unitPlanTasks(String round) {
        return taskService.createTaskQuery().processInstanceBusinessKey(round)
            .taskDefinitionKey(InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN).list();
    }

    @Test
    void beforeThePlanStageTheMeasureGoesWithTheNewUnitsTaskList() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, TODAY));
        String simings = RoundRegistration.measureCode(round, 1, 1);
        String haicangs = RoundRegistration.measureCode(round, 1, 2);

        HttpResponse<String> moved = transfer(simings, "haicang", "职能调整");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        assertThat(measures.require(simings).unitCode()).isEqualTo("haicang");
        assertThat(measures.require(simings).status()).isEqualTo(MeasureStatus.REGISTERED);
        assertThat(history.of(StatusHistory.Entity.MEASURE, simings)).last().satisfies(e -> assertThat(e.reason())
            .isEqualTo("转办：由「思明分局」转至「海沧分局」。职能调整"));

        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        List<Task> plans = unitPlanTasks(round);
        assertThat(plans).as("one unit-plan task, the new unit's; 思明分局 has no measure left").hasSize(1);
        assertThat(taskService.createTaskQuery().taskId(plans.get(0).getId()).taskCandidateGroup("haicang").count())
            .isOne();
        String taskList = (String) taskService.getVariable(plans.get(0).getId(), UnitPlanVariables.UNIT_TASK_LIST.name());
        // the form's text, markdown-escaped: "1\. T1N1\-01\-01 …"
        assertThat(taskList).contains("1\\. " + simings.replace("-", "\\-") + " ",
            "2\\. " + haicangs.replace("-", "\\-") + " ");

        walkthrough.approveUnitPlans(round);
        Task work = taskService.createTaskQuery().processInstanceBusinessKey(simings)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        assertThat(taskService.createTaskQuery().taskId(work.getId()).taskCandidateGroup("haicang").count())
            .as("the measure starts with the new unit").isOne();
    }

    @Test
    void duringThePlanStageItIsRefusedSayingWhenAndOnceStartedItMovesWithItsTask() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, TODAY));
        String simings = RoundRegistration.measureCode(round, 1, 1);
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");

        HttpResponse<String> refused = transfer(simings, "haicang", "职能调整");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("code: 措施「" + simings + "」尚未启动，各单位正在制定或审核本单位整改方案，此时不能转办："
            + "请在「思明分局」的整改方案审核通过、措施下发后再转办（任务随之转至承接单位）");
        assertThat(measures.require(simings).unitCode()).isEqualTo("siming");
        assertThat(unitPlanTasks(round)).hasSize(2);

        walkthrough.approveUnitPlans(round);
        HttpResponse<String> moved = transfer(simings, "haicang", "职能调整");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        Task work = taskService.createTaskQuery().processInstanceBusinessKey(simings)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        assertThat(taskService.createTaskQuery().taskId(work.getId()).taskCandidateGroup("haicang").count()).isOne();
        assertThat(measures.require(simings).unitCode()).isEqualTo("haicang");
        HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/engine-rest/history/task?processInstanceBusinessKey=" + simings))
            .header("Authorization", basicAuth(TestRounds.LIAISON, "demo")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).as("思明分局 no longer reads the moved measure's task history").isEqualTo("[]");
    }

    @Test
    void aMeasureMovedAfterItStartedToAUnitStillPlanningRunsOnInItsOwnInstance() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, TODAY));
        String simings = RoundRegistration.measureCode(round, 1, 1);
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        Task simingsPlan = taskService.createTaskQuery().processInstanceBusinessKey(round)
            .taskDefinitionKey(InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN).taskCandidateGroup("siming")
            .singleResult();
        taskService.complete(simingsPlan.getId(), Map.of(UnitPlanVariables.UNIT_PLAN.key(), "思明分局整改实施方案"));
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(round)
            .taskDefinitionKey(InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN).singleResult();
        taskService.complete(review.getId(), Map.of(UnitPlanVariables.UNIT_PLAN_DECISION.key(),
            UnitPlanVariables.Decision.APPROVE.name()));
        String instance = measures.require(simings).processInstanceId();
        assertThat(instance).as("started with 思明分局's approved plan").isNotNull();

        HttpResponse<String> moved = transfer(simings, "haicang", "职能调整");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        walkthrough.approveUnitPlans(round); // 海沧分局's plan, approved: its measures start

        assertThat(measures.require(simings).processInstanceId()).as("not started again").isEqualTo(instance);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(simings).count()).isOne();
        assertThat(measures.require(RoundRegistration.measureCode(round, 1, 2)).status())
            .isEqualTo(MeasureStatus.IN_PROGRESS);
    }
}
