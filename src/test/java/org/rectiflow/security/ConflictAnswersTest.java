package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.support.WebTest;
import org.rectiflow.support.StartedMeasures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 20: the ordinary conflicts between colleagues that the load run met, answered as such on both engine APIs
 * (the REST API with HTTP Basic, as the load run calls it, and the webapps' own with a session, as the Tasklist does):
 * a task a colleague completed is 404 该任务已办结或已不存在… when it is opened (its deployed form, its form's
 * variables) or claimed; a claim a colleague won is 409 naming them; a change that lost to a colleague's is 409; and
 * none of them leaves a WARN or an ERROR in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConflictAnswersTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REST_TASK = "/engine-rest/task/";
    private static final String WEBAPP_TASK = "/camunda/api/engine/engine/default/task/";

    @Autowired InspectionRoundService rounds;
    @Autowired TaskService taskService;
    @Autowired RoundWalkthrough walkthrough;

    private Task unitTask;

    @BeforeEach
    void aUnitTaskForTheLiaisonAndTheHead() {
        unitTask = StartedMeasures.unitTask(taskService, StartedMeasures.start(rounds, walkthrough, "siming"));
    }

    @Test
    void aTaskTheHeadCompletedIsGoneForTheLiaisonWhoOpensOrClaimsIt(CapturedOutput output) throws Exception {
        String id = unitTask.getId();
        Tasklist liaison = Tasklist.login(port, "simingLiaison");
        assertThat(rest("GET", REST_TASK + id + "/deployed-form", "simingLiaison", null).statusCode()).isEqualTo(200);
        int before = output.getAll().length();

        assertThat(rest("POST", REST_TASK + id + "/claim", "simingHead", Map.of("userId", "simingHead")).statusCode())
            .isEqualTo(204);
        HttpResponse<String> reported = rest("POST", REST_TASK + id + "/submit-form", "simingHead", Map.of("variables",
            Map.of("progress", typed("已对照问题清单逐项整改"), "completionSummary", typed("已完成整改，印发通知1份"),
                "evidence", typed("整改通知、培训签到表"), "reportStatus", typed("COMPLETED"))));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(204);

        List<HttpResponse<String>> answers = List.of(
            rest("GET", REST_TASK + id + "/deployed-form", "simingLiaison", null),
            rest("GET", REST_TASK + id + "/form-variables", "simingLiaison", null),
            rest("POST", REST_TASK + id + "/claim", "simingLiaison", Map.of("userId", "simingLiaison")),
            liaison.get(WEBAPP_TASK + id + "/deployed-form"),
            liaison.get(WEBAPP_TASK + id + "/form-variables"),
            liaison.post(WEBAPP_TASK + id + "/claim", Map.of("userId", "simingLiaison")));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(404);
            assertThat(message(answer)).as(answer.uri().toString()).isEqualTo("该任务已办结或已不存在，请刷新任务列表");
        }
        assertQuiet(output.getAll().substring(before));
    }

    @Test
    void aClaimTheHeadWonIsAConflictNamingHer(CapturedOutput output) throws Exception {
        String id = unitTask.getId();
        Tasklist liaison = Tasklist.login(port, "simingLiaison");
        int before = output.getAll().length();

        HttpResponse<String> won = rest("POST", REST_TASK + id + "/claim", "simingHead",
            Map.of("userId", "simingHead"));
        HttpResponse<String> lostByScript = rest("POST", REST_TASK + id + "/claim", "simingLiaison",
            Map.of("userId", "simingLiaison"));
        HttpResponse<String> lostInTasklist = liaison.post(WEBAPP_TASK + id + "/claim",
            Map.of("userId", "simingLiaison"));

        assertThat(won.statusCode()).isEqualTo(204);
        for (HttpResponse<String> lost : List.of(lostByScript, lostInTasklist)) {
            assertThat(lost.statusCode()).as(lost.uri() + " " + lost.body()).isEqualTo(409);
            assertThat(message(lost)).as(lost.uri().toString()).isEqualTo("任务已被周美玲认领，请刷新任务列表");
            assertThat(JSON.readTree(lost.body()).path("type").asText()).isEqualTo("TaskAlreadyClaimedException");
        }
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("simingHead");
        assertQuiet(output.getAll().substring(before));
    }

    @Test
    void aClaimRefusedForATaskThatStillExistsStaysARefusal() throws Exception {
        HttpResponse<String> refused = rest("POST", REST_TASK + unitTask.getId() + "/claim", "personnelLiaison",
            Map.of("userId", "personnelLiaison"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }

    @Test
    void aChangeThatLostToAColleaguesIsAConflict(CapturedOutput output) {
        int before = output.getAll().length();

        Response answer = new EngineConflictAnswers.Changed().toResponse(new OptimisticLockingException(
            "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction "
                + "concurrently."));

        assertThat(answer.getStatus()).isEqualTo(409);
        ExceptionDto body = (ExceptionDto) answer.getEntity();
        assertThat(body.getMessage()).isEqualTo("该任务刚被他人更改，请刷新后重试");
        assertThat(body.getType()).isEqualTo("OptimisticLockingException");
        assertQuiet(output.getAll().substring(before));
    }

    private static void assertQuiet(String log) {
        assertThat(log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList())
            .as("WARN or ERROR lines").isEmpty();
        assertThat(log).doesNotContain("NullPointerException").doesNotContain("ENGINE-16004")
            .doesNotContain("\tat org.camunda");
    }

    private HttpResponse<String> rest(String method, String path, String user, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json").header("Content-Type", "application/json")
            .header("Authorization", basicAuth(user, "demo"))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static String message(HttpResponse<String> answer) throws Exception {
        JsonNode json = JSON.readTree(answer.body());
        return json.path("message").asText(answer.body());
    }

    /** A browser logged in to the Tasklist: its session cookie and CSRF token. */
    private static final class Tasklist {

        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final int port;
        private String token;

        private Tasklist(int port) {
            this.port = port;
        }

        static Tasklist login(int port, String user) throws Exception {
            Tasklist tasklist = new Tasklist(port);
            tasklist.send(HttpRequest.newBuilder(tasklist.uri("/camunda/app/tasklist/default/")).GET().build());
            tasklist.get("/camunda/api/engine/engine/");
            HttpResponse<String> login = tasklist.send(HttpRequest.newBuilder(
                    tasklist.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", tasklist.token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
            assertThat(login.statusCode()).isEqualTo(200);
            tasklist.get("/camunda/api/engine/engine/");
            return tasklist;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
        }

        HttpResponse<String> post(String path, Object json) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build());
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            HttpResponse<String> answer = browser.send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(value -> token = value);
            return answer;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
