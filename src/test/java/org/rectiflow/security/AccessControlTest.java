package org.rectiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.AccessSetup;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureStatus;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.rectiflow.support.StartedMeasures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Authorization is on: a unit's users see and complete their unit's tasks only, through the REST API
 * (HTTP Basic) and through the Tasklist's own API (session login), read their own measures' instances and
 * history only, have no Cockpit, and are refused the rest.
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

    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    private Task simingTask;
    private Task haicangTask;
    /** A measure of each unit that its liaison has reported through the Tasklist's form (history with form fields). */
    private String simingReported;
    private String haicangReported;

    @BeforeAll
    void twoUnitsWithAMeasureEach() throws Exception {
        DefaultEngine.use(processEngine); // before each test does: the reports below go over HTTP
        LocalDate today = LocalDate.now();
        String simingMeasure = startMeasure(TestRounds.round(TestRounds.newCode(), today, "siming",
            MeasureKind.IMMEDIATE, 30));
        String haicangMeasure = startMeasure(TestRounds.round(TestRounds.newCode(), today, "haicang",
            MeasureKind.IMMEDIATE, 30));
        simingTask = unitTask(simingMeasure);
        haicangTask = unitTask(haicangMeasure);
        simingReported = reportThroughTheForm("siming");
        haicangReported = reportThroughTheForm("haicang");
    }

    /** A new measure of the unit, reported by its liaison with the task's form (submit-form); its instance id. */
    private String reportThroughTheForm(String unit) throws Exception {
        Task task = unitTask(startMeasure(TestRounds.round(TestRounds.newCode(), LocalDate.now(), unit,
            MeasureKind.IMMEDIATE, 30)));
        HttpResponse<String> submitted = rest("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
            unit + "Liaison", "demo", reportBody("已完成整改"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        return task.getProcessInstanceId();
    }

    private String startMeasure(RoundRegistration round) {
        return StartedMeasures.start(rounds, walkthrough, round);
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
        assertThat(incomplete.body()).contains("\"message\":\"请填写整改完成情况\"").doesNotContain("completionSummary");
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

    // --- the history API and the instance list: a unit's own measures only ----------------------------

    /** The unit whose measure an instance runs, or null for an instance that is no measure's (a round, a plan). */
    private Map<String, String> measureUnits() {
        // every instance a measure ever had (its business key is the measure's code): a reopened measure's earlier
        // instance is its unit's too
        Map<String, String> units = new HashMap<>();
        jdbc.sql("""
                SELECT h.ID_, m.unit_code FROM ACT_HI_PROCINST h JOIN measure m ON m.code = h.BUSINESS_KEY_
                WHERE h.PROC_DEF_KEY_ = 'measure-execution'""")
            .query((RowCallbackHandler) rs -> units.put(rs.getString(1), rs.getString(2)));
        return units;
    }

    /** The rows a list of the REST API returns to the user, each checked to name its process instance. */
    private List<JsonNode> listed(String path, String user) throws Exception {
        HttpResponse<String> response = rest("GET", path + (path.contains("?") ? "&" : "?") + "maxResults=100000",
            user, "demo");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(response.body()).forEach(rows::add);
        return rows;
    }

    private static Set<String> instancesOf(List<JsonNode> rows, String field) {
        return rows.stream().map(row -> row.path(field).asText(null)).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/engine-rest/history/process-instance", "/engine-rest/history/task",
        "/engine-rest/history/variable-instance", "/engine-rest/history/activity-instance",
        "/engine-rest/history/detail", "/engine-rest/process-instance"})
    void aUnitSeesItsOwnMeasuresInstancesAndTheirHistoryAndNoOtherUnits(String path) throws Exception {
        String field = path.endsWith("process-instance") ? "id" : "processInstanceId";
        Map<String, String> units = measureUnits();
        // what each unit has for certain: a waiting measure, and one reported through the form (form fields)
        List<String> simingOwn = path.endsWith("/history/detail") ? List.of(simingReported)
            : List.of(simingTask.getProcessInstanceId(), simingReported);
        List<String> haicangOwn = path.endsWith("/history/detail") ? List.of(haicangReported)
            : List.of(haicangTask.getProcessInstanceId(), haicangReported);

        Set<String> siming = instancesOf(listed(path, "simingLiaison"), field);
        assertThat(siming).as(path + " for 思明分局").containsAll(simingOwn).doesNotContainAnyElementsOf(haicangOwn);
        assertThat(siming).as(path + " for 思明分局: the units of the measures listed")
            .allSatisfy(instance -> assertThat(units.getOrDefault(instance, "siming")).as(instance).isEqualTo("siming"));

        Set<String> haicang = instancesOf(listed(path, "haicangHead"), field);
        assertThat(haicang).as(path + " for 海沧分局").containsAll(haicangOwn).doesNotContainAnyElementsOf(simingOwn);
        assertThat(haicang).as(path + " for 海沧分局: the units of the measures listed")
            .allSatisfy(instance -> assertThat(units.getOrDefault(instance, "haicang")).as(instance).isEqualTo("haicang"));

        // the other unit's instance, asked for by its id, is not there either
        String byId = path + (path.endsWith("/engine-rest/process-instance") ? "?processInstanceIds=" : "?processInstanceId=")
            + haicangReported;
        assertThat(listed(byId, "haicangLiaison")).as(byId + " for 海沧分局").isNotEmpty()
            .allSatisfy(row -> assertThat(row.path(field).asText()).isEqualTo(haicangReported));
        assertThat(listed(byId, "simingLiaison")).as(byId + " for 思明分局").isEmpty();
    }

    @Test
    void aUnitsHistoryOfTasksAndVariablesHoldsItsOwnOnly() throws Exception {
        // every task listed belongs to one of the unit's measures or was the unit's own (its group a candidate)
        Map<String, String> units = measureUnits();
        List<JsonNode> tasks = listed("/engine-rest/history/task", "simingLiaison");
        assertThat(tasks).extracting(t -> t.get("id").asText()).contains(simingTask.getId());
        for (JsonNode task : tasks) {
            String id = task.get("id").asText();
            String unit = units.get(task.path("processInstanceId").asText());
            List<String> candidates = historyService.createHistoricIdentityLinkLogQuery().taskId(id).type("candidate")
                .list().stream().map(HistoricIdentityLinkLog::getGroupId).toList();
            assertThat(unit == null ? candidates : List.of(unit)).as("task " + id + " " + task.path("name").asText()
                + " of measure unit " + unit + ", candidates " + candidates).contains("siming");
        }
        List<JsonNode> variables = listed("/engine-rest/history/variable-instance?variableName=unitName",
            "simingLiaison");
        assertThat(variables).extracting(v -> v.path("value").asText()).contains("思明分局").containsOnly("思明分局");
        assertThat(listed("/engine-rest/history/detail?formFields=true", "simingLiaison"))
            .as("the form fields submitted for 思明分局's measure").extracting(d -> d.path("fieldId").asText())
            .contains("completionSummary");
    }

    // --- Cockpit is not a unit's --------------------------------------------------------------------

    @Test
    void aUnitsUserHasNoCockpitNeitherTheAppNorItsPluginApi() throws Exception {
        Browser unit = Browser.loggedIn(this, "simingLiaison", "tasklist");
        JsonNode user = JSON.readTree(unit.get(WHO_IS_LOGGED_IN).body());
        assertThat(JSON.convertValue(user.path("authorizedApps"), List.class)).as("the apps of a unit's user")
            .contains("tasklist").doesNotContain("cockpit");
        for (String api : COCKPIT_API) {
            assertThat(unit.get(api).statusCode()).as(api).isEqualTo(403);
        }
        assertThat(unit.post(COCKPIT_INSTANCE_COUNT, "{}").statusCode()).as(COCKPIT_INSTANCE_COUNT).isEqualTo(403);
        assertThat(unit.get(WHO_IS_LOGGED_IN).statusCode()).as("still logged in: refused, not unknown").isEqualTo(200);
        assertThat(unit.login("cockpit").statusCode()).as("login to Cockpit").isEqualTo(403);

        // the office's user has Cockpit: the same requests answer
        Browser office = Browser.loggedIn(this, "officer1", "cockpit");
        for (String api : COCKPIT_API) {
            HttpResponse<String> answer = office.get(api);
            assertThat(answer.statusCode()).as(api + ": " + answer.body()).isEqualTo(200);
        }
        HttpResponse<String> count = office.post(COCKPIT_INSTANCE_COUNT, "{}");
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    }

    /**
     * Cockpit's plugin API is Cockpit's: the application ships Camunda's security rules of the webapps with the one
     * rule of that API changed from "any logged-in user" to "users with access to Cockpit", nothing else.
     */
    @Test
    void theWebappsSecurityRulesAreCamundasButCockpitsPluginApiNeedsCockpit() throws Exception {
        List<java.net.URL> copies = java.util.Collections.list(getClass().getClassLoader()
            .getResources("META-INF/resources/webjars/camunda/securityFilterRules.json"));
        assertThat(copies).as("the application's rules, then Camunda's webjar's").hasSize(2);
        assertThat(copies.get(0).toString()).doesNotContain(".jar!");
        JsonNode ours = JSON.readTree(copies.get(0));
        JsonNode camundas = JSON.readTree(copies.get(1));
        String rule = "/api/{app:cockpit}/plugin/{plugin}/{engine}/.*";
        JsonNode changed = null;
        for (JsonNode allowed : camundas.path("pathFilter").path("allowedPaths")) {
            if (allowed.path("path").asText().equals(rule)) {
                changed = allowed;
                ((com.fasterxml.jackson.databind.node.ObjectNode) allowed).put("authorizer",
                    "org.camunda.bpm.webapp.impl.security.filter.ApplicationRequestAuthorizer");
            }
        }
        assertThat(changed).as("Camunda's rule " + rule).isNotNull();
        assertThat(ours).isEqualTo(camundas);
    }

    private static final String WHO_IS_LOGGED_IN = "/camunda/api/admin/auth/user/default";
    private static final String COCKPIT_INSTANCE_COUNT = "/camunda/api/cockpit/plugin/base/default/process-instance/count";

    /** Cockpit's plugin API as Cockpit's pages call it (the base plugin: definitions, their statistics, incidents). */
    private static final List<String> COCKPIT_API = List.of(
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
        "/camunda/api/cockpit/plugin/base/default/incident/count");

    /** A browser session of the webapps: its cookies, with the XSRF token Camunda's CSRF filter hands out. */
    private record Browser(AccessControlTest test, HttpClient client, String user) {

        static Browser loggedIn(AccessControlTest test, String user, String app) throws Exception {
            Browser browser = new Browser(test, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), user);
            browser.get("/camunda/app/tasklist/default/");
            HttpResponse<String> login = browser.login(app);
            assertThat(login.statusCode()).as("login of " + user + " to " + app).isEqualTo(200);
            return browser;
        }

        /** The current token: a login gives the session a new one. */
        private String csrf() {
            return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last).orElseThrow().getValue();
        }

        HttpResponse<String> login(String app) throws Exception {
            return send(client, HttpRequest.newBuilder(test.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(client, test.get(path));
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send(client, HttpRequest.newBuilder(test.uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }
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
