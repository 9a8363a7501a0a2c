package org.rectiflow.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.support.WebTest;
import org.rectiflow.support.StartedMeasures;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17, a quiet log: a task form the user has to correct is logged as one WARN line (what, who, which task),
 * not as the engine's ERROR with its stack; a fault still gets the engine's ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired TaskService taskService;
    @Autowired RoundWalkthrough walkthrough;

    @Test
    void aRefusedFormIsOneWarnLineNamingUserTaskAndField(CapturedOutput output) throws Exception {
        Task task = StartedMeasures.unitTask(taskService, StartedMeasures.start(rounds, walkthrough, "siming"));
        int before = output.getAll().length();

        HttpResponse<String> missing = post("/engine-rest/task/" + task.getId() + "/submit-form",
            Map.of("variables", Map.of("progress", Map.of("value", "已部署", "type", "String"))));
        HttpResponse<String> forged = post("/engine-rest/task/" + task.getId() + "/complete",
            Map.of("variables", Map.of("leadUnitGroup", Map.of("value", "siming", "type", "String"))));

        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        // the answer carries the refusal alone, without the engine's "Cannot submit task form <id>: " (issue 17)
        assertThat(JSON.readTree(missing.body()).get("message").asText()).isEqualTo("请填写办理状态");
        assertThat(JSON.readTree(missing.body()).get("type").asText()).isEqualTo("RestException");
        assertThat(JSON.readTree(forged.body()).get("message").asText())
            .isEqualTo("任务“单位整改并报告”的表单中没有“leadUnitGroup”这一项，任务未办结，未作任何更改");
        String log = output.getAll().substring(before);
        List<String> refusals = log.lines().filter(line -> line.contains("Task form refused")).toList();
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0)).contains(" WARN ").endsWith("Task form refused: user simingLiaison, task 单位整改并报告"
            + " (userTask_unitRectifies, id " + task.getId() + "), field reportStatus: 请填写办理状态");
        assertThat(refusals.get(1)).contains(" WARN ").contains("Task form refused: user simingLiaison, task 单位整改并报告"
            + " (userTask_unitRectifies, id " + task.getId() + "), field leadUnitGroup: 任务“单位整改并报告”的表单中没有"
            + "“leadUnitGroup”这一项，任务未办结，未作任何更改");
        assertThat(log).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ")
            .doesNotContain("FormFieldValidationException").doesNotContain("\tat org.camunda");
    }

    @Test
    void theFilterDropsOnlyTheEnginesErrorForAFormRefusal() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        EngineRefusalLogFilter filter = context.getTurboFilterList().stream()
            .filter(EngineRefusalLogFilter.class::isInstance).map(EngineRefusalLogFilter.class::cast).findFirst()
            .orElseThrow(() -> new AssertionError("the filter is not installed"));
        ch.qos.logback.classic.Logger engine = context.getLogger("org.camunda.bpm.engine.context");
        ch.qos.logback.classic.Logger other = context.getLogger("org.camunda.bpm.engine.cmd");
        FormFieldValidationException refusal = new FormFieldValidationException("reportStatus", "请填写办理状态");
        ProcessEngineException fault = new ProcessEngineException("database down");

        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {refusal}, null))
            .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004", null,
            new ProcessEngineException("wrapped", refusal))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {fault}, null))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, other, Level.ERROR, "x {}", new Object[] {refusal}, null))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engine, Level.INFO, "x {}", new Object[] {refusal}, null))
            .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theFilterDropsTheEnginesInfoForAClaimAColleagueWon() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        EngineRefusalLogFilter filter = context.getTurboFilterList().stream()
            .filter(EngineRefusalLogFilter.class::isInstance).map(EngineRefusalLogFilter.class::cast).findFirst()
            .orElseThrow(() -> new AssertionError("the filter is not installed"));
        ch.qos.logback.classic.Logger engine = context.getLogger("org.camunda.bpm.engine.context");
        TaskAlreadyClaimedException claimed = new TaskAlreadyClaimedException("42", "simingHead");

        assertThat(filter.decide(null, engine, Level.INFO, "ENGINE-16003 {}", new Object[] {"x", claimed}, null))
            .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engine, Level.INFO, "ENGINE-16003 {}",
            new Object[] {"x", new ProcessEngineException("other")}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {"x", claimed}, null))
            .isEqualTo(FilterReply.NEUTRAL);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json").header("Content-Type", "application/json")
            .header("Authorization", basicAuth("simingLiaison", "demo"))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
