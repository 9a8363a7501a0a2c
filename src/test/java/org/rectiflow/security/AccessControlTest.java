package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.AccessSetup;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Authorization is on: a unit's users see and complete their unit's tasks only, through the REST API
 * (HTTP Basic) and through the Tasklist's own API (session login), and are refused the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Autowired InspectionRoundService rounds;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired MeasureRepository measures;
    @Autowired FilterService filterService;
    @Autowired RoundWalkthrough walkthrough;

    private Task simingTask;
    private Task haicangTask;

    @BeforeAll
    void twoUnitsWithAMeasureEach() {
        LocalDate today = LocalDate.now();
        String simingMeasure = startMeasure(TestRounds.round(TestRounds.newCode(), today, "siming",
            MeasureKind.IMMEDIATE, 30));
        String haicangMeasure = startMeasure(TestRounds.round(TestRounds.newCode(), today, "haicang",
            MeasureKind.IMMEDIATE, 30));
        simingTask = unitTask(simingMeasure);
        haicangTask = unitTask(haicangMeasure);
    }

    private String startMeasure(RoundRegistration round) {
        rounds.register(round);
        walkthrough.holdMeeting(round.code(), LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round.code(), "整改方案", "无");
        walkthrough.approveUnitPlans(round.code());
        return RoundRegistration.measureCode(round.code(), 1, 1);
    }

    private Task unitTask(String measureCode) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measureCode)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
    }

    // --- the REST API -------------------------------------------------------------------------------

    @Test
    void theRestApiRefusesCallsWithoutValidCredentials() throws Exception {
        assertThat(rest("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        // (a user who failed to log in is held back a few seconds by the engine: use one no other test needs)
        assertThat(rest("GET", "/engine-rest/task", "airportLiaison", "wrong").statusCode()).isEqualTo(401);
        assertThat(rest("GET", "/engine-rest/task", "simingLiaison", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void aUnitSeesItsOwnTasksAndNotAnotherUnits() throws Exception {
        List<String> ids = ids(rest("GET", "/engine-rest/task?maxResults=1000", "simingLiaison", "demo"));
        assertThat(ids).contains(simingTask.getId()).doesNotContain(haicangTask.getId());

        List<String> haicang = ids(rest("GET", "/engine-rest/task?maxResults=1000", "haicangHead", "demo"));
        assertThat(haicang).contains(haicangTask.getId()).doesNotContain(simingTask.getId());

        // another unit's task does not even exist for this user
        assertThat(rest("GET", "/engine-rest/task/" + haicangTask.getId(), "simingLiaison", "demo").statusCode())
            .isEqualTo(404);
    }

    @Test
    void aUnitCannotCompleteAnotherUnitsTask() throws Exception {
        HttpResponse<String> response = rest("POST", "/engine-rest/task/" + haicangTask.getId() + "/complete",
            "simingLiaison", "demo", reportBody("已完成整改"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(haicangTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void aUnitCompletesItsOwnTaskAndAnIncompleteReportGetsA400NamingTheField() throws Exception {
        String measure = startMeasure(TestRounds.round(TestRounds.newCode(), LocalDate.now(), "siming",
            MeasureKind.IMMEDIATE, 30));
        Task task = unitTask(measure);
        HttpResponse<String> incomplete = rest("POST", "/engine-rest/task/" + task.getId() + "/complete",
            "simingLiaison", "demo", reportBody(""));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("completionSummary").contains("整改完成情况");
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);

        HttpResponse<String> done = rest("POST", "/engine-rest/task/" + task.getId() + "/complete",
            "simingLiaison", "demo", reportBody("印发制度1项"));
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(measures.require(measure).status()).isEqualTo(MeasureStatus.REPORTED);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(measure)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW).singleResult())
            .as("the lead unit's review task").isNotNull();
    }

    @Test
    void aUnitReadsItsOwnMeasuresVariablesAndCommentsOnItsTasksButNotAnotherUnits() throws Exception {
        String filterId = filterService.createFilterQuery().filterName(AccessSetup.FILTER_MY_UNIT).singleResult().getId();
        HttpResponse<String> list = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                uri("/engine-rest/filter/" + filterId + "/list?maxResults=1000"))
            .header("Accept", "application/hal+json").header("Authorization", basic("simingLiaison", "demo")).GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
        // the variables the Tasklist shows on each task card, embedded per task
        JsonNode variables = JSON.readTree(list.body()).path("_embedded").path("task").findPath("variable");
        assertThat(variables.findValuesAsText("name")).contains("measureCode", "unitName", "deadlineText");
        assertThat(JSON.readTree(list.body()).findValuesAsText("value")).contains("思明分局").doesNotContain("海沧分局");

        HttpResponse<String> comment = rest("POST", "/engine-rest/task/" + simingTask.getId() + "/comment/create",
            "simingLiaison", "demo", JSON.writeValueAsString(Map.of("message", "已召开专题会议部署整改")));
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);

        assertThat(rest("GET", "/engine-rest/process-instance/" + haicangTask.getProcessInstanceId() + "/variables",
            "simingLiaison", "demo").statusCode()).isEqualTo(403);
        assertThat(rest("POST", "/engine-rest/task/" + haicangTask.getId() + "/comment/create", "simingLiaison", "demo",
            JSON.writeValueAsString(Map.of("message", "x"))).statusCode()).isIn(400, 403, 404);
    }

    private static String reportBody(String completionSummary) throws Exception {
        Map<String, Object> variables = Map.of(
            "progress", Map.of("value", "已制定方案并组织实施", "type", "String"),
            "completionSummary", Map.of("value", completionSummary, "type", "String"),
            "evidence", Map.of("value", "会议纪要；〔2026〕3号文件", "type", "String"),
            "reportStatus", Map.of("value", "COMPLETED", "type", "String"));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    // --- the Tasklist's API (session login, as the webapp does) --------------------------------------

    @Test
    void inTheTasklistAUnitSeesOnlyItsTasksWithTheirForm() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, get("/camunda/app/tasklist/default/"));
        String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=simingLiaison&password=demo")).build());
        assertThat(login.statusCode()).isEqualTo(200);

        JsonNode filters = JSON.readTree(send(browser, get("/camunda/api/engine/engine/default/filter?resourceType=Task")).body());
        JsonNode myUnit = null;
        for (JsonNode filter : filters) {
            if (AccessSetup.FILTER_MY_UNIT.equals(filter.get("name").asText())) {
                myUnit = filter;
            }
        }
        assertThat(myUnit).as("the filter 我的单位待办").isNotNull();
        List<String> listed = ids(send(browser, get("/camunda/api/engine/engine/default/filter/"
            + myUnit.get("id").asText() + "/list?maxResults=1000")));
        assertThat(listed).contains(simingTask.getId()).doesNotContain(haicangTask.getId());

        HttpResponse<String> form = send(browser, get("/camunda/api/engine/engine/default/task/" + simingTask.getId()
            + "/deployed-form"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(form.body()).get("id").asText()).isEqualTo("measure-report");
        assertThat(send(browser, get("/camunda/api/engine/engine/default/task/" + simingTask.getId() + "/form-variables"))
            .statusCode()).isEqualTo(200);

        assertThat(send(browser, get("/camunda/api/engine/engine/default/task/" + haicangTask.getId()
            + "/deployed-form")).statusCode()).isEqualTo(403);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> rest(String method, String path, String user, String password) throws Exception {
        return rest(method, path, user, password, null);
    }

    private HttpResponse<String> rest(String method, String path, String user, String password, String json)
        throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(HttpClient.newHttpClient(), request.build());
    }

    private static String basic(String user, String password) {
        return basicAuth(user, password);
    }

    private static List<String> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).findValuesAsText("id");
    }
}
