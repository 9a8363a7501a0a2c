package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * The production issue's hardening points that hold in every profile, each called over HTTP as an attacker
 * would: no call without a login, no expression in a query (also inside {@code orQueries}), no Admin setup once
 * users exist, no Java-serialized variables, throttled logins, metrics for administrators only.
 */
@AutoConfigureObservability
class HardeningTest extends WebTest {

    private static final String ADMIN = "demo";
    private static final String PASSWORD = "demo";

    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired InspectionRoundService rounds;
    @Autowired TaskService taskService;
    @Autowired MeasureRepository measures;
    @Autowired RoundWalkthrough walkthrough;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basicAuth(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", basicAuth(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void everyApiNeedsALoginButHealth() throws Exception {
        assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/engine/default/process-definition", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/rounds", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/openapi", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "simingLiaison").statusCode()).isEqualTo(200);

        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.body()).contains("\"db\"", "\"processEngine\"").doesNotContain("jdbc:", "details");
    }

    @Test
    void metricsAreForAdministratorsAndShowTheBusinessFigures() throws Exception {
        rounds.register(TestRounds.round(TestRounds.newCode(), java.time.LocalDate.now(), MeasureKind.IMMEDIATE, 30));

        assertThat(get("/actuator/prometheus", "simingLiaison").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "officer1").statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", ADMIN);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("rectiflow_measures_open ", "rectiflow_measures_overdue ",
            "rectiflow_measures{status=\"REGISTERED\"}", "rectiflow_notices{step=\"RED\"}",
            "rectiflow_outbox_backlog ", "rectiflow_outbox_failed ", "rectiflow_jobs_failed ", "rectiflow_incidents ");
        assertThat(metric(scrape.body(), "rectiflow_measures{status=\"REGISTERED\"}")).isGreaterThanOrEqualTo(1);
    }

    private static double metric(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
            l.substring(name.length() + 1).trim())).findFirst().orElseThrow();
    }

    @Test
    void queryParametersCarryingExpressionsAreRefused() throws Exception {
        HttpResponse<String> byName = get("/engine-rest/task?candidateGroupExpression="
            + encode("${currentUserGroups()}"), ADMIN);
        assertThat(byName.statusCode()).isEqualTo(400);
        assertThat(byName.body()).contains("Expressions are not allowed", "candidateGroupExpression");

        HttpResponse<String> byValue = get("/engine-rest/task?nameLike=" + encode("#{1+1}"), ADMIN);
        assertThat(byValue.statusCode()).isEqualTo(400);
        assertThat(byValue.body()).contains("nameLike");

        assertThat(get("/engine-rest/history/task?taskAssignee=" + encode("${x}"), ADMIN).statusCode())
            .isEqualTo(400);
        assertThat(get("/engine-rest/engine/default/task/count?assignee=" + encode("${x}"), ADMIN).statusCode())
            .isEqualTo(400);
        assertThat(get("/engine-rest/task?nameLike=" + encode("%审核%"), ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void queryBodiesCarryingExpressionsAreRefusedAlsoInsideOrQueries() throws Exception {
        HttpResponse<String> nested = send("POST", "/engine-rest/task", ADMIN,
            "{\"orQueries\":[{\"candidateGroupExpression\":\"${currentUserGroups()}\"}]}");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.body()).contains("orQueries[0].candidateGroupExpression");

        HttpResponse<String> value = send("POST", "/engine-rest/task", ADMIN,
            "{\"orQueries\":[{\"nameLike\":\"#{execution.setVariable('x', 1)}\"}]}");
        assertThat(value.statusCode()).isEqualTo(400);
        assertThat(value.body()).contains("orQueries[0].nameLike");

        assertThat(send("POST", "/engine-rest/task/count", ADMIN, "{\"dueDateExpression\":\"${now()}\"}")
            .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/engine-rest/history/task", ADMIN, "{\"taskAssignee\":\"${x}\"}").statusCode())
            .isEqualTo(400);
        assertThat(send("POST", "/engine-rest/filter/create", ADMIN,
            "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}")
            .statusCode()).isEqualTo(400);

        HttpResponse<String> plain = send("POST", "/engine-rest/task", ADMIN,
            "{\"orQueries\":[{\"nameLike\":\"%审核%\"},{\"candidateGroup\":\"siming\"}]}");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }

    @Test
    void dataThatLooksLikeAnExpressionIsStoredNotRefused() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, java.time.LocalDate.now(), MeasureKind.IMMEDIATE, 30));
        walkthrough.holdMeeting(round, java.time.LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        String measure = RoundRegistration.measureCode(round, 1, 1);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(measure)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult().getId();

        HttpResponse<String> stored = send("POST", "/engine-rest/task/" + task + "/complete", TestRounds.LIAISON,
            "{\"variables\":{\"progress\":{\"value\":\"整改口号 ${不是表达式}\"},\"completionSummary\":{\"value\":\"已完成\"},"
                + "\"evidence\":{\"value\":\"会议纪要\"},\"reportStatus\":{\"value\":\"COMPLETED\"}}}");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
        assertThat(measures.require(measure).progress()).isEqualTo("整改口号 ${不是表达式}");
    }

    @Test
    void javaSerializedVariablesAreRefused() throws Exception {
        String instance = rounds.register(TestRounds.round(TestRounds.newCode(), java.time.LocalDate.now(),
            MeasureKind.IMMEDIATE, 30));
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();

        // java.util.ArrayList, serialized: the format an attacker would smuggle a gadget chain in. No user writes
        // a variable, not even the administrator; a form value may only be text, a number, a date or a boolean.
        String serialized = "{\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\","
            + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
            + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
        HttpResponse<String> refused = send("PUT", "/engine-rest/process-instance/" + instance + "/variables/blob",
            ADMIN, serialized);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instance, "blob")).isNull();

        String meeting = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        HttpResponse<String> asFormValue = send("POST", "/engine-rest/task/" + meeting + "/complete", ADMIN,
            "{\"variables\":{\"meetingTitle\":" + serialized + "}}");
        assertThat(asFormValue.statusCode()).isEqualTo(400);
        assertThat(asFormValue.body()).contains("会议名称的取值类型不受支持：表单只接受文本、数字、日期或是否，任务未办结，未作任何更改");
        assertThat(taskService.createTaskQuery().taskId(meeting).count()).isOne();
    }

    @Test
    void theAdminSetupIsClosedOnceUsersExist() throws Exception {
        HttpResponse<String> setup = send("POST", "/camunda/api/admin/setup/default/user/create", null,
            "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@x.test\"},"
                + "\"credentials\":{\"password\":\"Intruder#2026\"}}");

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains(AdminSetupGuard.MESSAGE);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void loginsAreThrottledAndLockedAfterTenFailures() throws Exception {
        String id = "throttle" + System.nanoTime() % 100_000;
        User user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        Instant now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));

        assertThat(get("/engine-rest/task", id, "wrong").statusCode()).isEqualTo(401);
        // the right password right after a wrong one does not count: the user waits 3 seconds first
        assertThat(get("/engine-rest/task", id, PASSWORD).statusCode()).isEqualTo(401);
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61)));
        assertThat(get("/engine-rest/task", id, PASSWORD).statusCode()).isEqualTo(200);

        for (int attempt = 1; attempt <= 10; attempt++) {
            ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61L * (attempt + 1))));
            assertThat(get("/engine-rest/task", id, "wrong" + attempt).statusCode()).isEqualTo(401);
        }
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(86_400)));
        assertThat(get("/engine-rest/task", id, PASSWORD).statusCode()).as("locked after 10 failures")
            .isEqualTo(401);
        identityService.unlockUser(id);
        assertThat(get("/engine-rest/task", id, PASSWORD).statusCode()).isEqualTo(200);
        identityService.deleteUser(id);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noH2Console() throws Exception {
        assertThat(get("/h2-console", null).statusCode()).isIn(401, 404);
        assertThat(get("/h2-console/login.jsp", null).statusCode()).isIn(401, 404);
    }
}
