package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.rectiflow.support.StartedMeasures;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forgeries of issue 13, through the REST API as an attacker sends them: a unit that names itself lead unit
 * and sign-off group, a lead unit that names itself the sign-off group, a unit that writes into another unit's
 * measure; and the engine calls that would route the work from outside (variables, starts, modifications,
 * messages, signals, errors). Each is refused with what to do instead, and nothing is written.
 */
class ForgedDecisionsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired MeasureRepository measures;
    @Autowired RoundWalkthrough walkthrough;

    private String startMeasure(String unit) {
        return StartedMeasures.start(rounds, walkthrough, unit);
    }

    private Task task(String measureCode, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measureCode).taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
            .filter(g -> g != null).toList();
    }

    @Test
    void aUnitCannotNameItselfLeadUnitAndSignOffGroupAndSignOffItsOwnMeasure() throws Exception {
        String measure = startMeasure("siming");
        Task unitTask = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        Map<String, Object> variables = report();
        variables.put("leadUnitGroup", typed("siming"));
        variables.put("signOffGroup", typed("siming"));

        HttpResponse<String> forged = rest("POST", "/engine-rest/task/" + unitTask.getId() + "/complete",
            "simingLiaison", Map.of("variables", variables));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body())
            .contains("\"message\":\"任务“单位整改并报告”的表单中没有“leadUnitGroup”这一项，任务未办结，未作任何更改\"");
        assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).isEqualTo(1);
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(runtimeService.getVariable(unitTask.getProcessInstanceId(), "leadUnitGroup"))
            .isEqualTo(TestRounds.LEAD_UNIT);

        HttpResponse<String> report = rest("POST", "/engine-rest/task/" + unitTask.getId() + "/complete",
            "simingLiaison", Map.of("variables", report()));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(204);
        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        assertThat(candidateGroups(review)).containsExactly(TestRounds.LEAD_UNIT);
        assertThat(rest("POST", "/engine-rest/task/" + review.getId() + "/complete", "simingLiaison",
            Map.of("variables", Map.of("reviewDecision", typed("APPROVE")))).statusCode()).isIn(403, 404);
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.REPORTED);
    }

    @Test
    void aLeadUnitCannotNameItselfTheSignOffGroup() throws Exception {
        String measure = startMeasure("siming");
        assertThat(rest("POST", "/engine-rest/task/" + task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES)
            .getId() + "/complete", "simingLiaison", Map.of("variables", report())).statusCode()).isEqualTo(204);
        Task review = task(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);

        HttpResponse<String> forged = rest("POST", "/engine-rest/task/" + review.getId() + "/complete",
            TestRounds.LEAD_UNIT_LIAISON, Map.of("variables", Map.of("reviewDecision", typed("APPROVE"),
                "signOffGroup", typed(TestRounds.LEAD_UNIT))));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("任务“牵头单位审核”的表单中没有“signOffGroup”这一项，任务未办结，未作任何更改");
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.REPORTED);

        assertThat(rest("POST", "/engine-rest/task/" + review.getId() + "/complete", TestRounds.LEAD_UNIT_LIAISON,
            Map.of("variables", Map.of("reviewDecision", typed("APPROVE")))).statusCode()).isEqualTo(204);
        Task signOff = task(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);
        assertThat(candidateGroups(signOff)).containsExactly("supervision");
        assertThat(rest("POST", "/engine-rest/task/" + signOff.getId() + "/complete", TestRounds.LEAD_UNIT_LIAISON,
            Map.of("variables", Map.of("signOffDecision", typed("APPROVE")))).statusCode()).isIn(403, 404);
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.REVIEWED);
    }

    @Test
    void aUnitCannotWriteItsReportIntoAnotherUnitsMeasureThroughTheTasklistsSubmit() throws Exception {
        String other = startMeasure("siming");
        String own = startMeasure("siming");
        Task ownTask = task(own, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        Map<String, Object> variables = report();
        variables.put("measureCode", typed(other));

        HttpResponse<String> forged = rest("POST", "/engine-rest/task/" + ownTask.getId() + "/submit-form",
            "simingLiaison", Map.of("variables", variables));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("任务“单位整改并报告”的表单中没有“measureCode”这一项，任务未办结，未作任何更改");
        assertThat(measures.require(other).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(measures.require(other).completionSummary()).isNull();
        assertThat(measures.require(own).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(taskService.createTaskQuery().taskId(ownTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void noUserWritesAVariableMovesATokenOrSendsAnEventEvenTheAdministrator() throws Exception {
        String measure = startMeasure("siming");
        Task unitTask = task(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        String instance = unitTask.getProcessInstanceId();
        String variables = "流程变量由系统根据台账写入，不能直接新增、修改或删除";

        assertRefused(rest("PUT", "/engine-rest/task/" + unitTask.getId() + "/variables/leadUnitGroup", "simingLiaison",
            typed("siming")), variables);
        assertRefused(rest("PUT", "/engine-rest/process-instance/" + instance + "/variables/leadUnitGroup", "demo",
            typed("siming")), variables);
        assertRefused(rest("POST", "/engine-rest/process-instance/" + instance + "/variables", "demo",
            Map.of("modifications", Map.of("deadline", typed("2099-01-01")))), variables);
        assertRefused(rest("DELETE", "/engine-rest/process-instance/" + instance + "/variables/unitGroup", "demo", null),
            variables);
        assertRefused(rest("POST", "/engine-rest/process-instance/" + instance + "/modification", "demo",
            Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF)))), "不能直接调整或重启流程实例的执行位置");
        assertRefused(rest("POST", "/engine-rest/message", "demo", Map.of("messageName", "anything",
            "businessKey", measure)), "不能从外部向流程发送消息、信号或条件事件");
        assertRefused(rest("POST", "/engine-rest/signal", "demo", Map.of("name", "anything")),
            "不能从外部向流程发送消息、信号或条件事件");
        assertRefused(rest("POST", "/engine-rest/task/" + unitTask.getId() + "/bpmnError", "simingLiaison",
            Map.of("errorCode", "anything")), "任务只能通过提交表单办结");
        // the process owner may migrate instances to a new version, but not with variables
        String definition = unitTask.getProcessDefinitionId();
        assertRefused(rest("POST", "/engine-rest/migration/execute", "owner1", Map.of(
            "migrationPlan", Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition,
                "instructions", List.of(Map.of("sourceActivityIds", List.of(MeasureExecutionProcess.Elements.UNIT_RECTIFIES),
                    "targetActivityIds", List.of(MeasureExecutionProcess.Elements.UNIT_RECTIFIES))),
                "variables", Map.of("leadUnitGroup", typed("siming"))),
            "processInstanceIds", List.of(instance))), variables);

        assertThat(runtimeService.getVariables(instance)).containsEntry("leadUnitGroup", TestRounds.LEAD_UNIT)
            .containsEntry("unitGroup", "siming");
        assertThat(taskService.createTaskQuery().processInstanceId(instance).list()).extracting(Task::getId)
            .containsExactly(unitTask.getId());
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    }

    @Test
    void noProcessStartsThroughTheEngineApiNotEvenARoundForTheOffice() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection-round").count();
        String start = "流程实例只能由系统根据台账启动";
        Map<String, Object> round = Map.of("businessKey", "FORGED2026", "variables",
            Map.of("roundCode", typed("FORGED2026")));

        assertRefused(rest("POST", "/engine-rest/process-definition/key/inspection-round/start", "officer1", round),
            start);
        assertRefused(rest("POST", "/engine-rest/process-definition/key/inspection-round/start", "demo", round), start);
        assertRefused(rest("POST", "/engine-rest/process-definition/key/inspection-round/submit-form", "officer1",
            round), start);
        assertRefused(rest("POST", "/engine-rest/process-definition/key/measure-execution/start", "demo",
            Map.of("businessKey", "FORGED2026-01-01")), start);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection-round").count())
            .isEqualTo(before);
    }

    private static void assertRefused(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains(message);
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> report() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("progress", typed("已制定方案并组织实施"));
        variables.put("completionSummary", typed("印发制度1项"));
        variables.put("evidence", typed("会议纪要；〔2026〕3号文件"));
        variables.put("reportStatus", typed("COMPLETED"));
        return variables;
    }

    private HttpResponse<String> rest(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json").header("Authorization", basicAuth(user, "demo"))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
