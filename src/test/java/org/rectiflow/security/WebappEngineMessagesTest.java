package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.support.WebTest;
import org.rectiflow.support.StartedMeasures;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17: the engine's English refusals reach the Tasklist's user in Chinese, without ids, through the webapps'
 * own API (a session login, as the Tasklist calls it); the REST API for scripts keeps the engine's English.
 */
class WebappEngineMessagesTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK = "/camunda/api/engine/engine/default/task/";

    @Autowired InspectionRoundService rounds;
    @Autowired TaskService taskService;
    @Autowired RoundWalkthrough walkthrough;

    private Task unitTask;
    private HttpClient browser;
    private String token;

    @BeforeEach
    void aUnitTaskAndALiaisonInTheTasklist() throws Exception {
        unitTask = StartedMeasures.unitTask(taskService, StartedMeasures.start(rounds, walkthrough, "siming"));
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build());
        get("/camunda/api/engine/engine/");
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
            .POST(HttpRequest.BodyPublishers.ofString("username=simingLiaison&password=demo")).build());
        assertThat(login.statusCode()).isEqualTo(200);
        get("/camunda/api/engine/engine/");
    }

    @Test
    void aTaskAnotherUserAlreadyCompletedIsGoneWithoutItsId() throws Exception {
        String gone = "00000000-dead-beef-0000-000000000000";

        HttpResponse<String> opened = get(TASK + gone);
        HttpResponse<String> submitted = post(TASK + gone + "/submit-form", "{\"variables\":{}}");
        HttpResponse<String> claimed = post(TASK + gone + "/claim", "{\"userId\":\"simingLiaison\"}");
        HttpResponse<String> unclaimed = post(TASK + gone + "/unclaim", "{}");
        HttpResponse<String> commented = post(TASK + gone + "/comment/create", "{\"message\":\"已办\"}");

        for (HttpResponse<String> answer : new HttpResponse[] {opened, submitted, claimed, unclaimed, commented}) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isGreaterThanOrEqualTo(400);
            assertThat(message(answer)).as(answer.uri().toString()).isEqualTo("该任务已办结或已不存在，请刷新任务列表");
        }
    }

    @Test
    void aTaskClaimedMeanwhileNamesWhoHasIt() throws Exception {
        taskService.claim(unitTask.getId(), "simingHead");

        HttpResponse<String> claimed = post(TASK + unitTask.getId() + "/claim", "{\"userId\":\"simingLiaison\"}");

        assertThat(claimed.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(message(claimed)).isEqualTo("任务已被周美玲认领，请刷新任务列表");
        assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).singleResult().getAssignee())
            .isEqualTo("simingHead");
    }

    @Test
    void aRefusedActionSaysSoWithoutPermissionsOrIds() throws Exception {
        HttpResponse<String> created = post(TASK + "create", "{\"name\":\"自建任务\"}");

        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(message(created)).isEqualTo("您没有执行此操作的权限；如需办理，请联系整改专班");
        assertThat(created.body()).doesNotContain("does not have");
    }

    @Test
    void aRequiredFieldLeftEmptyAsksForItByItsLabel() throws Exception {
        taskService.claim(unitTask.getId(), "simingLiaison");

        HttpResponse<String> submitted = post(TASK + unitTask.getId() + "/submit-form",
            "{\"variables\":{\"progress\":{\"value\":\"已部署\",\"type\":\"String\"}}}");

        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(message(submitted)).isEqualTo("请填写办理状态");
    }

    @Test
    void theRestApiForScriptsKeepsTheEnginesEnglish() throws Exception {
        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("/engine-rest/task/00000000-dead-beef-0000-000000000000"))
            .header("Authorization", basicAuth("simingLiaison", "demo")).header("Accept", "application/json").GET()
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(opened.statusCode()).isEqualTo(404);
        assertThat(message(opened)).isEqualTo("No matching task with id 00000000-dead-beef-0000-000000000000");
    }

    /** The session's CSRF token, as the webapps' filter last handed it out (a login gives the session a new one). */
    private String csrf() {
        return token;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
            .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf())
            .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(value -> token = value);
        return answer;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String message(HttpResponse<String> answer) throws Exception {
        JsonNode json = JSON.readTree(answer.body());
        return json.path("message").asText(answer.body());
    }
}
